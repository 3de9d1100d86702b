// SPDX-License-Identifier: MIT
#pragma once

namespace cw {

/// How a value that does not fit the requested grid (a precision or a tick size) is rounded.
/// Rounding only ever happens when a caller asks for one of these explicitly.
enum class RoundingMode {
    Invalid = 0,
    HalfAwayFromZero, ///< nearest; ties away from zero (1.25 -> 1.3, -1.25 -> -1.3)
    HalfEven,         ///< nearest; ties to the even neighbour (1.25 -> 1.2, 1.35 -> 1.4)
    TowardZero,       ///< truncate (1.29 -> 1.2, -1.29 -> -1.2)
    AwayFromZero,     ///< (1.21 -> 1.3, -1.21 -> -1.3)
    Floor,            ///< toward negative infinity (-1.21 -> -1.3)
    Ceiling,          ///< toward positive infinity (-1.29 -> -1.2)
};

} // namespace cw
