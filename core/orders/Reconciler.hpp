// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/orders/OrderChange.hpp"
#include "core/orders/OrderManager.hpp"
#include "core/orders/PositionTracker.hpp"
#include "core/orders/ReconciliationDifference.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cw::orders {

/// Compares a venue's ReconciliationReport with our OrderManager and PositionTracker, makes
/// ours agree, and lists every difference with what was done about it. The venue is the
/// source of truth; nothing is silently overwritten. In order:
///
/// 1. Missed fills: each recent fill whose (venue, tradeId) the OrderManager has not seen is
///    applied to the book and the positions (MissedFill / FillApplied), oldest first. Fills
///    without a trade id cannot be deduplicated and are only reported.
/// 2. Open orders at the venue: unknown ones are adopted as External orders (ExternalOrder /
///    Adopted); known ones that differ in status (our PendingNew, or an order we had ended),
///    filled quantity, or quantity and prices (unless our modify is in flight) take the
///    venue's values (StatusMismatch, FilledMismatch, DetailsMismatch / UpdatedFromVenue).
/// 3. Orders open in our book that the venue does not list (MissingOrder): filled completely
///    after step 1 -> Filled (MarkedFilled); PendingNew created after the report's venue time
///    -> skipped (still in flight); other PendingNew GTC/DAY -> left for a resend
///    (KeptForResend); PendingNew IOC/FOK and everything else -> Canceled (MarkedCanceled),
///    since an aggressive order sent twice is the worse mistake.
/// 4. Positions (after step 1): where the venue's signed quantity differs from ours, or the
///    venue lists none where we hold one, ours is set to the venue's quantity and average
///    price (PositionMismatch / PositionCorrected); realized P&L and fees stay.
///
/// Accounts: a report's positions are compared with ours of the same account; when we track
/// none under that name, our empty-account position (the venue's default account) is used.
///
/// Thread: engine thread only (like the OrderManager and PositionTracker it changes).
class Reconciler {
public:
    /// What one reconciliation found and changed.
    struct Outcome {
        std::vector<ReconciliationDifference> differences;
        /// The order book's changes, for the journal and the blotters. Fills among them were
        /// already given to the PositionTracker: do not apply them again.
        std::vector<OrderChange> orderChanges;
    };

    Reconciler(OrderManager& orders, PositionTracker& positions);

    /// Reconciles one report; `now` is the local time used for adopted and ended orders.
    Outcome reconcile(const adapters::ReconciliationReport& report, TimestampNs now);

private:
    void applyMissedFills(const adapters::ReconciliationReport& report, Outcome& outcome);
    void compareVenueOrders(const adapters::ReconciliationReport& report, TimestampNs now,
                            Outcome& outcome);
    void endUnlistedOrders(const adapters::ReconciliationReport& report, TimestampNs now,
                           Outcome& outcome);
    void comparePositions(const adapters::ReconciliationReport& report, Outcome& outcome);
    std::string positionAccount(std::string_view account,
                                const adapters::InstrumentKey& instrument) const;

    OrderManager& m_orders;
    PositionTracker& m_positions;
};

} // namespace cw::orders
