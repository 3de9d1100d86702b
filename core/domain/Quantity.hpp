// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/FixedPoint.hpp"

namespace cw {

/// Marks FixedPoint values that are quantities (units of the instrument: coins, shares,
/// contracts, lots).
struct QuantityTag {};

/// An exact quantity: int64 raw value and 0..18 decimals. See FixedPoint and Decimal.
using Quantity = FixedPoint<QuantityTag>;

} // namespace cw
