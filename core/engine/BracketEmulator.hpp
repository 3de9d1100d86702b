// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/common/Result.hpp"
#include "core/domain/OrderStatus.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/engine/EmulationAction.hpp"
#include "core/orders/Order.hpp"

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::engine {

/// Bracket orders (an entry with a stop-loss and/or a take-profit) for venues without native
/// brackets. The protective legs always cover exactly the entry's filled quantity that no leg
/// has closed yet (the "open" quantity):
///
/// - When the entry fills (each partial fill), a stop-loss (Stop at the SL price) and a
///   take-profit (Limit at the TP price) are sent on the opposite side for the open quantity;
///   legs already working are resized (Modify) to their filled part plus the open quantity.
/// - When a leg fills, the other leg shrinks by the same amount; when nothing is left open it
///   is canceled (OCO). A later entry fill sends a new pair.
/// - An entry that ends without a fill (canceled, rejected, expired) takes its unsent legs
///   with it: they are never sent. An entry canceled after a partial fill keeps its legs for
///   what was filled.
/// - A leg that ends without our asking (canceled by the user, rejected or expired by the
///   venue) is not sent again for that bracket; the other leg carries on.
/// - A resize or cancel the venue refuses is not retried until the open quantity changes.
///
/// Legs go out only through EmulationActions; the caller executes them and feeds every order
/// change back through `onOrder`. Requests in flight (PendingNew, PendingReplace,
/// PendingCancel) are waited for before the next change of that leg.
///
/// Thread: engine thread only; not thread-safe. No I/O, no clocks.
class BracketEmulator {
public:
    /// Makes the client order ids of the legs.
    using IdSource = std::function<std::string()>;

    explicit BracketEmulator(IdSource ids);

    /// Starts emulating a bracket for `entry` (already registered, id set). A zero price means
    /// "no such leg". InvalidArgument: no id, instrument or side; both prices zero; a negative
    /// price; for a Buy entry a stop-loss not below the take-profit (Sell: not above); an
    /// entry id already emulated.
    Result<void> add(const adapters::SubmitOrder& entry, const Price& stopLoss,
                     const Price& takeProfit);

    /// Takes one order as the OrderManager holds it after a change (entries, legs, orders
    /// replaced by a modify) and returns what to send. Orders that belong to no bracket are
    /// ignored.
    std::vector<EmulationAction> onOrder(const orders::Order& order);

    /// The stop-loss and take-profit of a bracket (zero = no such leg).
    struct Prices {
        Price stopLoss;
        Price takeProfit;
    };
    /// The prices of the bracket attached to entry `entryClientOrderId`; nullopt when it has
    /// none (or it is no longer emulated). A leg modified at the venue (dragged on the chart)
    /// moves its price here too, so later legs of the bracket go out at the new price.
    std::optional<Prices> prices(std::string_view entryClientOrderId) const;
    /// The working order of one leg of the bracket of `entryClientOrderId` ("" when none is
    /// working; `stopLoss` picks the SL, otherwise the TP).
    std::string legOrder(std::string_view entryClientOrderId, bool stopLoss) const;
    /// New prices for the bracket of `entryClientOrderId`, complete (zero = no such leg).
    /// Legs not yet sent go out at these prices later; a working leg keeps its order, which
    /// the caller modifies to the new price. InvalidArgument: no such bracket, a negative
    /// price, both zero, SL not below TP for a Buy entry (not above for a Sell), or zero for
    /// a leg that is working (cancel it instead). Nothing changes on error.
    Result<void> setPrices(std::string_view entryClientOrderId, const Price& stopLoss,
                           const Price& takeProfit);

    bool isEntry(std::string_view clientOrderId) const;
    bool isLeg(std::string_view clientOrderId) const;
    /// For the blotter: "bracket SL 95.00 / TP 110.00" on an entry, "SL of <entry>, OCO with
    /// <tp>" on a leg; nullopt for other orders.
    std::optional<std::string> note(std::string_view clientOrderId) const;
    /// Brackets still emulated.
    std::size_t size() const { return m_entries.size(); }
    /// Forgets the bracket of `entryClientOrderId` (its entry was never registered).
    void remove(std::string_view entryClientOrderId);
    /// Forgets every bracket (the kill switch canceled their orders): nothing more is sent.
    void clear() { m_entries.clear(); }

private:
    enum LegIndex : std::size_t { kStopLoss = 0, kTakeProfit = 1 };
    enum class Request { None, Modify, Cancel };

    struct Leg {
        Price price;               ///< zero: this bracket has no such leg
        bool enabled = false;      ///< false once it ended without our asking
        std::string clientOrderId; ///< empty: no leg working now
        OrderStatus status = OrderStatus::Invalid;
        Quantity quantity; ///< the leg's total
        Quantity filled;
        Request request = Request::None;
        std::optional<Quantity> refusedQuantity; ///< a refused resize (or cancel: its filled)
    };

    struct Entry {
        adapters::SubmitOrder entry;
        Quantity entryFilled;
        bool entryEnded = false;
        Quantity closedByEndedLegs; ///< filled quantity of legs that have ended
        std::array<Leg, 2> legs;
    };

    Entry* findByOrder(const orders::Order& order, Leg** leg);
    void updateLeg(Entry& entry, Leg& leg, const orders::Order& order);
    std::vector<EmulationAction> plan(Entry& entry);
    static bool isDone(const Entry& entry);

    IdSource m_ids;
    std::vector<Entry> m_entries;
};

} // namespace cw::engine
