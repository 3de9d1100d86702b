// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/FixedPoint.hpp"

namespace cw {

/// Marks FixedPoint values that are prices (quote currency per unit of the instrument).
struct PriceTag {};

/// An exact price: int64 raw value and 0..18 decimals, parsed from and printed to venue
/// strings exactly. See FixedPoint and Decimal for the rules.
using Price = FixedPoint<PriceTag>;

} // namespace cw
