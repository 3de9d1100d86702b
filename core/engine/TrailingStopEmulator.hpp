// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/OrderStatus.hpp"
#include "core/domain/Price.hpp"
#include "core/engine/EmulationAction.hpp"
#include "core/orders/Order.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::engine {

/// Trailing stops for venues without native ones. The stop itself is a plain Stop order
/// working at the venue (so it still protects the position if the workstation dies); the
/// engine only moves its trigger:
///
/// - The best price since the stop was placed is tracked from the reference prices given to
///   `onPrice` (highest for a Sell stop, lowest for a Buy stop).
/// - The wanted trigger is best - distance (Sell) or best + distance (Buy), rounded to the
///   tick away from the market (down for Sell, up for Buy). It only ever moves toward the
///   market, never back.
/// - The order is amended (Modify, new stop price) only when the wanted trigger is at least
///   one tick better than the working one, only while the order is working (New or
///   PartiallyFilled, not triggered), and with at most one amend in flight; a refused amend
///   is not retried until the wanted trigger moves beyond the refused one.
/// - The emulation ends when the order ends (filled, canceled, rejected, expired) or is
///   triggered. A modify (by the user or by us) continues under the new client order id.
///
/// Thread: engine thread only; not thread-safe. No I/O, no clocks.
class TrailingStopEmulator {
public:
    /// Starts trailing `order` (a Stop, already registered, id set) by `distance`; prices move
    /// in steps of `tickSize`. InvalidArgument: not a Stop, no id, instrument or side, a stop
    /// price, distance or tick size that is not positive, or an id already trailed.
    Result<void> add(const adapters::SubmitOrder& order, const Price& distance,
                     const Price& tickSize);

    /// A new reference price (last trade, or the side of the book the stop watches) of
    /// `instrument`; returns the amends to send. Non-positive prices are ignored.
    std::vector<EmulationAction> onPrice(const adapters::InstrumentKey& instrument,
                                         const Price& reference);

    /// Takes one order as the OrderManager holds it after a change; follows modifies (the new
    /// id and stop price), triggers and the end of the order.
    void onOrder(const orders::Order& order);

    bool isTrailing(std::string_view clientOrderId) const;
    /// For the blotter: "trailing 25.00, best 105.00"; nullopt for other orders.
    std::optional<std::string> note(std::string_view clientOrderId) const;
    std::size_t size() const { return m_entries.size(); }
    /// Forgets the trailing stop of `clientOrderId` (it was never registered).
    void remove(std::string_view clientOrderId);
    /// Forgets every trailing stop (the kill switch canceled them).
    void clear() { m_entries.clear(); }

private:
    struct Entry {
        std::string clientOrderId;
        adapters::InstrumentKey instrument;
        Side side = Side::Invalid;
        Price distance;
        Price tickSize;
        Price stop; ///< the working trigger
        std::optional<Price> best;
        OrderStatus status = OrderStatus::PendingNew;
        bool amendInFlight = false;
        std::optional<Price> refusedStop;
    };

    Entry* find(std::string_view clientOrderId);
    const Entry* find(std::string_view clientOrderId) const;
    static std::optional<Price> wantedStop(const Entry& entry);

    std::vector<Entry> m_entries;
};

} // namespace cw::engine
