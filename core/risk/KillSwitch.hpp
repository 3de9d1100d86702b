// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/Timestamp.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::risk {

/// Armed: orders pass on to the other rules. Triggered: every new order is blocked.
enum class KillSwitchState { Invalid = 0, Armed, Triggered };

/// Why the kill switch was triggered.
enum class KillSwitchReason {
    Invalid = 0,
    User,           ///< the user pressed the kill switch
    DailyLossLimit, ///< an account's P&L went beyond its daily loss limit
    System,         ///< the engine triggered it (e.g. a reconciliation mismatch); see the message
};

/// "User", "DailyLossLimit", "System"; "Invalid" otherwise.
std::string_view killSwitchReasonName(KillSwitchReason reason);

/// How the kill switch was triggered: kept until it is re-armed.
struct KillSwitchTrigger {
    KillSwitchReason reason = KillSwitchReason::Invalid;
    std::string account; ///< the account whose loss triggered it (DailyLossLimit); else empty
    std::string message; ///< for people, with the numbers
    TimestampNs time = 0;
};

/// An account whose P&L is beyond its daily loss limit (what keeps a normal re-arm from
/// succeeding), with the numbers: P&L strictly below -limit, both in the limit's currency.
struct LossLimitBreach {
    std::string account; ///< empty = the venue's default account
    Money pnl;           ///< the last known P&L (realized net of fees + unrealized, today)
    Money limit;         ///< the daily loss limit as configured (positive: the largest loss)
};

/// One working order to cancel when the switch triggers (what the order manager knows).
struct KillSwitchWorkingOrder {
    std::string clientOrderId;
    adapters::InstrumentKey instrument;
};

/// What the engine does when the switch triggers: cancel every working order and, when
/// flattening, send one market order per open position that closes it exactly.
struct KillSwitchActions {
    std::vector<adapters::CancelOrder> cancels;
    /// Market orders, opposite side, exactly the position's absolute quantity, so a full
    /// fill leaves the position flat and never reverses it (reduce-only by construction).
    /// `clientOrderId` is empty: the order manager assigns ids as for any order. They are
    /// sent without passing RiskGate (they only reduce risk).
    std::vector<adapters::SubmitOrder> flattenOrders;
};

/// The kill switch of the workstation: one for all accounts and venues. When triggered,
/// RiskGate blocks every new order (RiskRule::KillSwitch, with the reason and the time) until
/// the user re-arms it. Triggering (by the user, by the daily loss limit, or by the engine)
/// returns true once; the engine then asks `actions()` for the cancels and, when
/// `flattenOnTrigger()` is set, the orders that close every position.
///
/// Daily loss: `onPnlUpdate` is called with every P&L change of an account and its limit.
/// P&L strictly below -limit is a breach (exactly -limit is not). A breach while armed
/// triggers the switch once, with the numbers. Re-arming:
/// - `RearmMode::Normal` is refused (Result error with the numbers) while any account's last
///   known P&L is beyond its limit.
/// - `RearmMode::OverrideLossLimit` is the explicit user action that re-arms anyway: each
///   account beyond its limit is acknowledged at its current P&L. Any further loss (P&L
///   below the acknowledged value) is a new breach and re-triggers; so is a new crossing
///   after the P&L came back within the limit (which ends the acknowledgement).
/// P&L in another currency than the limit is not compared (no trigger); RiskGate rejects
/// orders of that account with a message instead.
///
/// Thread: engine; not synchronised. Deterministic: time comes from the callers.
class KillSwitch {
public:
    enum class RearmMode { Invalid = 0, Normal, OverrideLossLimit };

    KillSwitchState state() const {
        return m_trigger ? KillSwitchState::Triggered : KillSwitchState::Armed;
    }
    bool isTriggered() const { return m_trigger.has_value(); }
    /// Set while triggered.
    const std::optional<KillSwitchTrigger>& lastTrigger() const { return m_trigger; }

    /// Triggers the switch. Returns false (and keeps the first reason) when already triggered.
    /// Reason Invalid is a programmer error (CW_ASSERT).
    bool trigger(KillSwitchReason reason, std::string message, TimestampNs now,
                 std::string account = {});

    /// A P&L update of `account` (realized + unrealized today, account currency) with the
    /// account's daily loss limit (nullopt: off). Returns true when this update triggered the
    /// switch.
    bool onPnlUpdate(std::string_view account, const Money& pnl,
                     const std::optional<Money>& dailyLossLimit, TimestampNs now);

    /// Back to Armed; see the class comment. Already armed: does nothing (success). Mode
    /// Invalid: InvalidArgument. A refused Normal re-arm is Unavailable; `rearmBlockers()`
    /// then lists the accounts and numbers that refused it.
    Result<void> rearm(RearmMode mode);

    /// The accounts whose last known P&L is beyond their limit and not acknowledged by an
    /// override: a Normal re-arm fails while this is not empty (ordered by account).
    std::vector<LossLimitBreach> rearmBlockers() const;

    /// True when `account` was acknowledged by an override re-arm and `pnl` is no worse than
    /// the acknowledged P&L (RiskGate then lets the daily loss rule pass).
    bool isLossAcknowledged(std::string_view account, const Money& pnl) const;

    /// The rejection message while triggered ("kill switch triggered at 2024-06-10 14:03:07
    /// UTC by the daily loss limit: ...; re-arm it to trade again"); empty when armed.
    std::string blockMessage() const;

    /// Whether actions() includes the flatten orders (default false: cancel only).
    bool flattenOnTrigger() const { return m_flattenOnTrigger; }
    void setFlattenOnTrigger(bool flatten) { m_flattenOnTrigger = flatten; }

    /// The engine's actions for the given working orders and positions, flattening when
    /// flattenOnTrigger() is set.
    KillSwitchActions actions(const std::vector<KillSwitchWorkingOrder>& workingOrders,
                              const std::vector<adapters::PositionReport>& positions) const {
        return planActions(workingOrders, positions, m_flattenOnTrigger);
    }

    /// One CancelOrder per working order; with `flatten`, one market order per non-zero
    /// position (Sell the quantity of a long, Buy the absolute quantity of a short; a
    /// position whose absolute value does not fit is skipped, never sent wrong).
    static KillSwitchActions planActions(const std::vector<KillSwitchWorkingOrder>& workingOrders,
                                         const std::vector<adapters::PositionReport>& positions,
                                         bool flatten);

private:
    struct AccountLoss {
        std::optional<Money> lastPnl;
        std::optional<Money> limit;
        std::optional<Money> acknowledgedPnl; ///< set by an override re-arm
    };

    /// True when `pnl` is comparable with `limit` and strictly below -limit.
    static bool isBeyond(const Money& pnl, const std::optional<Money>& limit);

    std::optional<KillSwitchTrigger> m_trigger;
    std::map<std::string, AccountLoss, std::less<>> m_accounts;
    bool m_flattenOnTrigger = false;
};

} // namespace cw::risk
