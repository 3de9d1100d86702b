// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/FeedState.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/orders/Order.hpp"
#include "core/orders/Position.hpp"
#include "core/orders/ReconciliationDifference.hpp"
#include "core/risk/KillSwitch.hpp"
#include "core/risk/RiskRule.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cw::engine {

/// What the trading views (blotters, ticket, chart order lines, status bar) show, as one
/// immutable value published by the engine when something changed, at most once per frame.
/// Everything in it has been journaled (journal before display): an order appears as
/// accepted, filled or canceled only after the journal writer committed that event.
///
/// Thread: built on the engine thread, then shared read-only (std::shared_ptr<const>).

/// An order as the blotters and the chart show it.
struct OrderRow {
    orders::Order order;
    bool emulated = false;      ///< held by the engine (bracket leg, trailing stop), not the venue
    std::string emulationNote;  ///< "SL of CW...-3", "trailing 25.00", "OCO with ..."
    std::int64_t journalId = 0; ///< the journal event id of its last change
    /// The bracket attached to this entry order (PlaceOrder::bracket, as amended since), set
    /// while the engine emulates it, so the chart draws the stop-loss and take-profit before
    /// the entry fills; zero = no such leg (or not an entry).
    Price bracketStopLoss;
    Price bracketTakeProfit;
};

/// One fill, with what it belongs to.
struct FillRow {
    adapters::OrderFilled fill;
    std::string account;
    orders::OrderOrigin origin;
    std::int64_t journalId = 0;
};

/// Why a RearmKillSwitch was refused (TradingNotice::rearmRefusal), for the UI to act on
/// without reading the message.
struct RearmRefusal {
    /// The rule that refused it: DailyLossLimit while an account's loss is still beyond its
    /// limit.
    risk::RiskRule rule = risk::RiskRule::Invalid;
    /// The accounts beyond their limit, with the P&L and the limit (DailyLossLimit).
    std::vector<risk::LossLimitBreach> breaches;
    /// True when RearmKillSwitch{overrideLossLimit = true} would re-arm anyway.
    bool overridable = false;
};

/// Something the user must be told: a risk rejection, a venue rejection, a blocked order, a
/// kill-switch action, a reconciliation difference, a command error. Shown in the log pane
/// and (for the one that answers a ticket) next to the ticket.
struct TradingNotice {
    enum class Kind {
        Invalid = 0,
        RiskRejected,    ///< `rule` says which rule; `message` has the numbers
        VenueRejected,   ///< the venue's reason in `message`
        RequestRejected, ///< a cancel/modify was refused
        KillSwitch,      ///< triggered/re-armed, with the reason
        Reconciliation,  ///< a difference found after (re)connect
        Emulation,       ///< an emulated order acted (bracket leg sent, OCO cancel, trail moved)
        Info,            ///< order placed/filled/canceled, for the log
        CommandError,    ///< a malformed command (unknown order id, bad settings)
    };
    Kind kind = Kind::Invalid;
    TimestampNs time = 0;
    std::uint64_t requestTag = 0; ///< PlaceOrder/PreviewOrder tag this answers (0: none)
    std::string clientOrderId;
    adapters::InstrumentKey instrument;
    risk::RiskRule rule = risk::RiskRule::Invalid;
    std::string message;
    std::int64_t journalId = 0;
    /// Set on the KillSwitch notice that answers a refused RearmKillSwitch.
    std::optional<RearmRefusal> rearmRefusal;
};

/// The answer to a PreviewOrder.
struct OrderPreview {
    std::uint64_t requestTag = 0;
    std::optional<Money> notional; ///< quantity x (limit, or reference price for market)
    std::optional<Money> estimatedFee;
    std::optional<Money> requiredFunds; ///< cash (spot) or initial margin needed
    bool allowed = false;               ///< the risk gate's verdict now
    risk::RiskRule rule = risk::RiskRule::Invalid;
    std::string message; ///< the rule's message, or a note ("fits: margin 1,234.00 USD")
};

/// The kill switch as shown on the toolbar.
struct KillSwitchStatus {
    bool triggered = false;
    std::string reason;
    TimestampNs since = 0;
};

/// One execution session (per venue).
struct ExecutionSessionRow {
    std::string venue;
    adapters::FeedState state = adapters::FeedState::Invalid;
    std::string message;
    TimestampNs since = 0;
};

struct TradingSnapshot {
    std::uint64_t version = 0;                     ///< increases with every publication
    std::vector<OrderRow> workingOrders;           ///< open orders, oldest first
    std::vector<OrderRow> orderHistory;            ///< terminal orders, oldest first (bounded)
    std::vector<FillRow> fills;                    ///< recent fills, oldest first (bounded)
    std::vector<orders::Position> positions;       ///< non-flat positions and today's closed ones
    std::vector<adapters::AccountReport> accounts; ///< per venue account, balances and margin
    KillSwitchStatus killSwitch;
    std::vector<ExecutionSessionRow> sessions;
    std::vector<TradingNotice> notices; ///< new since the previous snapshot only
    std::vector<OrderPreview> previews; ///< new since the previous snapshot only
    std::map<std::string, std::map<std::string, std::string>> riskLimits; ///< account -> settings
    std::int64_t journalCommittedId = 0; ///< the journal's committed id at publication
};

} // namespace cw::engine
