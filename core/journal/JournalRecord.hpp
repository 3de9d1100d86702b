// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/journal/JournalKind.hpp"

#include <string>
#include <string_view>

namespace cw::journal {

/// One journal entry as a plain value: what happened, when (our clock and the venue's), to
/// which order and instrument, who asked for it, and the details a reviewer needs.
///
/// Every amount (quantity, prices, fee) is kept as the exact decimal text the domain types
/// print (`Price::toString()`, "0.00100000"), and stored as SQLite TEXT, never REAL, so what
/// the journal shows is exactly what was sent or received. An empty string means "not
/// applicable" and is stored as NULL. Enumerations are stored by name (`sideName`,
/// `orderTypeName`, `timeInForceName`, `orderStatusName`, `rejectReasonName`).
///
/// The builders below turn each execution command and event into a record with one call;
/// they never fail (a value that cannot be printed is journaled as it is, e.g. "Invalid").
///
/// Thread: a plain value; safe to move between threads.
struct JournalRecord {
    /// Who asked (the `origin` column). Strategies use `strategyOrigin(id)`.
    static constexpr std::string_view kOriginUser = "user";         ///< the order ticket
    static constexpr std::string_view kOriginOneClick = "oneclick"; ///< one-click trading
    static constexpr std::string_view kOriginChart = "chart";   ///< dragged or placed on a chart
    static constexpr std::string_view kOriginEngine = "engine"; ///< the engine itself
    static constexpr std::string_view kOriginVenue = "venue";   ///< something the venue said
    static constexpr std::string_view kOriginRisk = "risk";     ///< the risk gate

    JournalKind kind = JournalKind::Invalid;
    TimestampNs localTimeNs = 0; ///< our clock when it happened (ns UTC)
    TimestampNs venueTimeNs = 0; ///< the venue's clock; 0 when the venue gave none
    std::string action{};        ///< the exact command or event: "SubmitOrder", "OrderFilled"...
    std::string venue{};         ///< "SIM", "BINANCE"; empty when not venue-specific
    std::string account{};
    std::string instrument{};    ///< "SIM:BTCUSDT" (InstrumentKey::toString)
    std::string clientOrderId{}; ///< the order this is about
    std::string venueOrderId{};
    std::string linkedOrderId{}; ///< the order's id after a modify (ModifyOrder, OrderReplaced)
    std::string origin{};      ///< "user", "chart", "oneclick", "strategy:<id>", "engine", "venue"
    std::string side{};        ///< "Buy" / "Sell"
    std::string orderType{};   ///< "Market", "Limit", "Stop", "StopLimit"
    std::string timeInForce{}; ///< "GTC", "IOC", "FOK", "DAY"
    std::string quantity{};    ///< order quantity (fills: cumulative filled; positions: signed)
    std::string price{};       ///< limit price (positions: average entry price)
    std::string stopPrice{};
    std::string fillQuantity{};
    std::string fillPrice{};
    std::string fee{}; ///< negative = rebate
    std::string feeCurrency{};
    std::string tradeId{}; ///< the venue's execution id of a fill
    std::string
        status{}; ///< OrderStatus name after this event, or "Passed"/"Refused", "Engaged"...
    std::string reason{};  ///< reject reason, cancel reason, risk rule, kill-switch cause
    std::string message{}; ///< for people, with the numbers
    std::string details{}; ///< anything else, as a JSON object (may be empty)

    /// "strategy:<id>"
    static std::string strategyOrigin(std::string_view strategyId);

    // Requests (kind OrderRequest), with the actor that sent them.
    static JournalRecord fromRequest(const adapters::SubmitOrder& request, std::string_view origin,
                                     TimestampNs localTimeNs);
    static JournalRecord fromRequest(const adapters::ModifyOrder& request, std::string_view origin,
                                     TimestampNs localTimeNs);
    static JournalRecord fromRequest(const adapters::CancelOrder& request, std::string_view origin,
                                     TimestampNs localTimeNs);
    static JournalRecord fromRequest(const adapters::CancelAllOrders& request,
                                     std::string_view origin, TimestampNs localTimeNs);
    static JournalRecord fromRequest(const adapters::RequestReconciliation& request,
                                     std::string_view origin, TimestampNs localTimeNs);

    // Venue events (origin "venue"). `localTimeNs` is when the engine handled the event; the
    // adapter's receive time goes to `details` when it is known.
    static JournalRecord fromEvent(const adapters::ExecutionStatusChanged& event,
                                   TimestampNs localTimeNs);
    static JournalRecord fromEvent(const adapters::OrderAccepted& event, TimestampNs localTimeNs);
    static JournalRecord fromEvent(const adapters::OrderRejected& event, TimestampNs localTimeNs);
    static JournalRecord fromEvent(const adapters::OrderTriggered& event, TimestampNs localTimeNs);
    /// Kind Fill; status Filled when nothing is left, else PartiallyFilled; `quantity` is the
    /// cumulative filled quantity.
    static JournalRecord fromEvent(const adapters::OrderFilled& event, TimestampNs localTimeNs);
    static JournalRecord fromEvent(const adapters::OrderCanceled& event, TimestampNs localTimeNs);
    static JournalRecord fromEvent(const adapters::OrderExpired& event, TimestampNs localTimeNs);
    static JournalRecord fromEvent(const adapters::OrderReplaced& event, TimestampNs localTimeNs);
    static JournalRecord fromEvent(const adapters::RequestRejected& event, TimestampNs localTimeNs);
    static JournalRecord fromEvent(const adapters::AccountUpdated& event, TimestampNs localTimeNs);
    static JournalRecord fromEvent(const adapters::PositionUpdated& event, TimestampNs localTimeNs);
    /// The whole report (open orders, positions, balances, fill count) goes to `details`.
    static JournalRecord fromEvent(const adapters::ReconciliationReport& event,
                                   TimestampNs localTimeNs);
    /// Whichever alternative `event` holds.
    static JournalRecord fromEvent(const adapters::ExecutionEvent& event, TimestampNs localTimeNs);

    /// The risk gate's verdict on a new order: status "Passed" or "Refused", `rule` in
    /// `reason` (the check that refused, or empty), origin "risk"; the order's fields as in
    /// fromRequest.
    static JournalRecord riskDecision(const adapters::SubmitOrder& request, bool passed,
                                      std::string_view rule, std::string_view message,
                                      TimestampNs localTimeNs);
    /// The kill switch was engaged (trading halted) or released, by `actor`, because of
    /// `reason`; status "Engaged" or "Released".
    static JournalRecord killSwitch(bool engaged, std::string_view actor, std::string_view reason,
                                    TimestampNs localTimeNs);
    /// One difference found by reconciliation: `what` ("position", "order", "balance"), our
    /// value and the venue's (exact text), and how it was resolved in `message`.
    static JournalRecord reconciliationDifference(std::string_view account,
                                                  const adapters::InstrumentKey& instrument,
                                                  std::string_view clientOrderId,
                                                  std::string_view what, std::string_view ours,
                                                  std::string_view venues, std::string_view message,
                                                  TimestampNs localTimeNs);
    /// A position as we track it after a change: signed quantity, average entry price.
    static JournalRecord positionChange(std::string_view account,
                                        const adapters::InstrumentKey& instrument,
                                        const Quantity& quantity, const Price& averagePrice,
                                        std::string_view origin, TimestampNs localTimeNs);
    /// Free text by `actor` (kind Note).
    static JournalRecord note(std::string_view text, std::string_view actor,
                              TimestampNs localTimeNs);
};

} // namespace cw::journal
