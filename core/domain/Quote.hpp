// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Timestamp.hpp"

namespace cw {

/// The top of the book at one moment: best bid and best ask with their sizes.
struct Quote {
    TimestampNs time = 0; ///< venue time, UTC
    Price bidPrice;
    Quantity bidSize;
    Price askPrice;
    Quantity askSize;

    /// A crossed book (bid above ask) is a feed or venue fault, not a market state.
    bool isCrossed() const { return bidPrice > askPrice; }
    /// ask - bid at the larger of the two precisions; Overflow if it does not fit.
    Result<Price> spread() const { return askPrice.subtract(bidPrice); }

    friend bool operator==(const Quote&, const Quote&) = default;
};

} // namespace cw
