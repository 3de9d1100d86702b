// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"

#include <string>

namespace cw::engine {

/// What an order emulator (BracketEmulator, TrailingStopEmulator) asks the OrderGateway to do
/// for an order the venue cannot hold natively. The gateway turns it into an order request
/// (registered with the OrderManager, journaled, sent to the venue).
///
/// Thread: a plain value.
struct EmulationAction {
    enum class Kind {
        Invalid = 0,
        Submit, ///< send `submit` (a bracket leg; its client order id is already set)
        Modify, ///< change `clientOrderId` to `quantity` (bracket leg) or `stopPrice` (trailing)
        Cancel, ///< cancel `clientOrderId` (the other leg of an OCO pair)
    };

    Kind kind = Kind::Invalid;
    adapters::SubmitOrder submit;    ///< Submit only
    std::string clientOrderId;       ///< Modify and Cancel: the order to change
    Quantity quantity;               ///< Modify: the new total quantity; zero = unchanged
    Price stopPrice;                 ///< Modify: the new stop price; zero = unchanged
    std::string parentClientOrderId; ///< the emulated order this serves
    std::string note;                ///< for people: "SL of CW...-3 for 0.5", "trail to 101.25"
};

} // namespace cw::engine
