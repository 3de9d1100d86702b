// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/risk/KillSwitch.hpp"
#include "core/risk/OrderIntent.hpp"
#include "core/risk/OrderRateLimiter.hpp"
#include "core/risk/RiskContext.hpp"
#include "core/risk/RiskDecision.hpp"
#include "core/risk/RiskLimits.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace cw::risk {

/// The pre-trade risk gate: every order, manual or automated, new or modified, passes
/// `check` on the engine thread before it goes to a venue. Deterministic: no threads, no I/O,
/// no clock of its own (time comes in as `now`).
///
/// Use:
///     RiskDecision d = gate.check(submit, context, now);
///     if (!d) { emit OrderRejected with d.message; return; }
///     client.submit(submit); gate.recordSent(submit.instrument.venue(), now);
///
/// `check` is const and changes nothing; the order rate counts only what the engine reports
/// through `recordSent` after it actually sent a submit or modify (so a rejected or unsent
/// order never uses up the rate). Rules, in the order they run (the first failure decides):
/// KillSwitch, InvalidOrder, UnknownInstrument, DailyLossLimit, OrderRate, MaxOpenOrders,
/// MaxOpenOrdersPerInstrument (new orders only), MaxOrderQuantity, NoReferencePrice,
/// PriceBand, MaxOrderNotional, MaxPosition. docs/risk.md has every rule and message.
///
/// Missing reference price (no last trade, no complete bid/ask): an order that needs one (a
/// limit or stop price with a price band on, a market order with a notional limit on) is
/// rejected with RiskRule::NoReferencePrice; orders that need none pass.
///
/// Thread: engine; not synchronised.
class RiskGate {
public:
    /// `defaultLimits` apply to every account without limits of its own; they are not
    /// validated here (use setDefaultLimits for checked input).
    explicit RiskGate(RiskLimits defaultLimits = RiskLimits::none());

    /// Replaces the default limits; InvalidArgument (nothing changed) when they do not
    /// validate().
    Result<void> setDefaultLimits(RiskLimits limits);
    /// Limits for one account (SubmitOrder::account; "" is the venue's default account);
    /// InvalidArgument (nothing changed) when they do not validate().
    Result<void> setLimits(std::string account, RiskLimits limits);
    /// The account goes back to the default limits.
    void clearLimits(std::string_view account);
    /// The limits that apply to `account`.
    const RiskLimits& limitsFor(std::string_view account) const;

    /// Checks one order against the limits of its account. See the class comment.
    RiskDecision check(const OrderIntent& order, const RiskContext& context, TimestampNs now) const;
    RiskDecision check(const adapters::SubmitOrder& order, const RiskContext& context,
                       TimestampNs now) const {
        return check(OrderIntent::fromSubmit(order), context, now);
    }
    /// A modify: the changed order (OrderIntent::fromModify) goes through the same rules,
    /// except the open-order counts (a modify adds no order).
    RiskDecision check(const adapters::ModifyOrder& modify, const WorkingOrderState& current,
                       const RiskContext& context, TimestampNs now) const {
        return check(OrderIntent::fromModify(modify, current), context, now);
    }

    /// Records a submit or modify sent to `venue` at `now` (the order rate rule).
    void recordSent(std::string_view venue, TimestampNs now) { m_rate.record(venue, now); }

    /// Forwards a P&L update of `account` to the kill switch with that account's daily loss
    /// limit; true when it triggered the switch (the engine then runs killSwitch().actions()).
    bool onPnlUpdate(std::string_view account, const Money& pnl, TimestampNs now);

    KillSwitch& killSwitch() { return m_killSwitch; }
    const KillSwitch& killSwitch() const { return m_killSwitch; }
    const OrderRateLimiter& rateLimiter() const { return m_rate; }

private:
    RiskLimits m_defaultLimits;
    std::map<std::string, RiskLimits, std::less<>> m_accountLimits;
    OrderRateLimiter m_rate;
    KillSwitch m_killSwitch;
};

} // namespace cw::risk
