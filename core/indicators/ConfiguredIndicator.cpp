// SPDX-License-Identifier: MIT
#include "core/indicators/ConfiguredIndicator.hpp"
