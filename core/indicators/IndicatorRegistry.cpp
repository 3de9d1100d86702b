// SPDX-License-Identifier: MIT
#include "core/indicators/IndicatorRegistry.hpp"
