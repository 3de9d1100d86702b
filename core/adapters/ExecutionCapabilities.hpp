// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Decimal.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/TimeInForce.hpp"

#include <algorithm>
#include <vector>

namespace cw::adapters {

/// Maker and taker fee rates of one instrument at a venue, in basis points of the notional
/// (2 = 0.02 %; negative = a rebate). Maker applies to a fill of a resting order, taker to one
/// that took liquidity. Used for previews; what a fill actually cost comes with OrderFilled::fee.
struct FeeRates {
    Decimal makerBps;
    Decimal takerBps;
};

/// What an execution client can do natively; constant for the client's lifetime. What a venue
/// cannot do (brackets with OCO, trailing stops, a missing order type) the engine emulates
/// locally and shows as emulated.
struct ExecutionCapabilities {
    std::vector<OrderType> orderTypes;     ///< accepted by submit()
    std::vector<TimeInForce> timesInForce; ///< accepted by submit()
    bool modify = false;                   ///< modify() works (otherwise cancel + new)
    bool cancelAll = false;                ///< cancelAll() is one venue request
    bool nativeBrackets = false;           ///< attached SL/TP with OCO on the venue
    bool nativeTrailingStop = false;       ///< trailing stops on the venue

    bool supports(OrderType type) const {
        return std::find(orderTypes.begin(), orderTypes.end(), type) != orderTypes.end();
    }
    bool supports(TimeInForce tif) const {
        return std::find(timesInForce.begin(), timesInForce.end(), tif) != timesInForce.end();
    }
};

} // namespace cw::adapters
