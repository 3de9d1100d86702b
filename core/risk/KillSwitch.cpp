// SPDX-License-Identifier: MIT
#include "core/risk/KillSwitch.hpp"

#include "core/common/Assert.hpp"
#include "core/domain/CivilDate.hpp"
#include "core/risk/RiskDecision.hpp"

#include <cstdio>
#include <utility>

namespace cw::risk {

namespace {

/// "2024-06-10 14:03:07 UTC" (seconds, floored).
std::string utcText(TimestampNs time) {
    std::int64_t seconds = time / kNsPerSecond;
    if (time % kNsPerSecond < 0)
        --seconds;
    std::int64_t days = seconds / 86'400;
    std::int64_t secondOfDay = seconds % 86'400;
    if (secondOfDay < 0) {
        secondOfDay += 86'400;
        --days;
    }
    const CivilDate date = CivilDate::fromDaysSinceEpoch(days);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d UTC", date.year, date.month,
                  date.day, static_cast<int>(secondOfDay / 3600),
                  static_cast<int>(secondOfDay / 60 % 60), static_cast<int>(secondOfDay % 60));
    return buffer;
}

std::string accountText(std::string_view account) {
    return account.empty() ? std::string("the default account")
                           : "account '" + std::string(account) + "'";
}

std::string lossText(std::string_view account, const Money& pnl, const Money& limit) {
    const int decimals = limit.precision();
    std::string text = "P&L " + formatRiskMoney(pnl, decimals) + " of " + accountText(account) +
                       " is beyond the daily loss limit -" + formatRiskMoney(limit, decimals);
    return text;
}

} // namespace

std::string_view killSwitchReasonName(KillSwitchReason reason) {
    switch (reason) {
    case KillSwitchReason::User:
        return "User";
    case KillSwitchReason::DailyLossLimit:
        return "DailyLossLimit";
    case KillSwitchReason::System:
        return "System";
    case KillSwitchReason::Invalid:
        break;
    }
    return "Invalid";
}

bool KillSwitch::trigger(KillSwitchReason reason, std::string message, TimestampNs now,
                         std::string account) {
    CW_ASSERT(reason != KillSwitchReason::Invalid);
    if (m_trigger)
        return false;
    m_trigger = KillSwitchTrigger{reason, std::move(account), std::move(message), now};
    return true;
}

bool KillSwitch::isBeyond(const Money& pnl, const std::optional<Money>& limit) {
    if (!limit || pnl.currency() != limit->currency())
        return false;
    // pnl < -limit  <=>  pnl + limit < 0, computed without negating (no overflow case).
    const auto sum = pnl.add(*limit);
    if (!sum)
        return pnl.isNegative(); // only a huge loss overflows here (limit > 0)
    return sum->isNegative();
}

bool KillSwitch::onPnlUpdate(std::string_view account, const Money& pnl,
                             const std::optional<Money>& dailyLossLimit, TimestampNs now) {
    auto it = m_accounts.find(account);
    if (it == m_accounts.end())
        it = m_accounts.emplace(std::string(account), AccountLoss{}).first;
    AccountLoss& loss = it->second;
    loss.lastPnl = pnl;
    loss.limit = dailyLossLimit;

    const bool beyond = isBeyond(pnl, dailyLossLimit);
    if (loss.acknowledgedPnl) {
        if (!beyond) {
            loss.acknowledgedPnl.reset(); // back within the limit: the next crossing is new
            return false;
        }
        if (pnl >= *loss.acknowledgedPnl)
            return false; // still the loss the user acknowledged, no worse
    }
    if (!beyond || m_trigger)
        return false;

    std::string message = lossText(account, pnl, *dailyLossLimit);
    if (loss.acknowledgedPnl) {
        message += " and below the " +
                   formatRiskMoney(*loss.acknowledgedPnl, dailyLossLimit->precision()) +
                   " acknowledged at the last override";
        loss.acknowledgedPnl.reset();
    }
    return trigger(KillSwitchReason::DailyLossLimit, std::move(message), now, std::string(account));
}

Result<void> KillSwitch::rearm(RearmMode mode) {
    if (mode == RearmMode::Invalid)
        return fail(ErrorCode::InvalidArgument, "kill switch: no re-arm mode given");
    if (!m_trigger)
        return {};

    if (mode == RearmMode::Normal) {
        std::string blocking;
        for (const LossLimitBreach& breach : rearmBlockers()) {
            if (!blocking.empty())
                blocking += "; ";
            blocking += lossText(breach.account, breach.pnl, breach.limit);
        }
        if (!blocking.empty())
            return fail(ErrorCode::Unavailable,
                        "kill switch stays triggered: " + blocking +
                            "; re-arm with the loss-limit override to trade anyway");
    } else {
        for (auto& [account, loss] : m_accounts) {
            if (loss.lastPnl && isBeyond(*loss.lastPnl, loss.limit) &&
                !(loss.acknowledgedPnl && *loss.lastPnl >= *loss.acknowledgedPnl))
                loss.acknowledgedPnl = loss.lastPnl;
        }
    }
    m_trigger.reset();
    return {};
}

std::vector<LossLimitBreach> KillSwitch::rearmBlockers() const {
    std::vector<LossLimitBreach> breaches;
    for (const auto& [account, loss] : m_accounts) {
        if (!loss.lastPnl || !isBeyond(*loss.lastPnl, loss.limit))
            continue;
        if (loss.acknowledgedPnl && *loss.lastPnl >= *loss.acknowledgedPnl)
            continue;
        breaches.push_back(LossLimitBreach{account, *loss.lastPnl, *loss.limit});
    }
    return breaches;
}

bool KillSwitch::isLossAcknowledged(std::string_view account, const Money& pnl) const {
    const auto it = m_accounts.find(account);
    if (it == m_accounts.end() || !it->second.acknowledgedPnl)
        return false;
    return pnl >= *it->second.acknowledgedPnl;
}

std::string KillSwitch::blockMessage() const {
    if (!m_trigger)
        return {};
    std::string by;
    switch (m_trigger->reason) {
    case KillSwitchReason::User:
        by = "by the user";
        break;
    case KillSwitchReason::DailyLossLimit:
        by = "by the daily loss limit";
        break;
    case KillSwitchReason::System:
        by = "by the engine";
        break;
    case KillSwitchReason::Invalid:
        by = "for an unknown reason";
        break;
    }
    std::string text = "kill switch triggered at " + utcText(m_trigger->time) + " " + by;
    if (!m_trigger->message.empty())
        text += ": " + m_trigger->message;
    text += "; re-arm it to trade again";
    return text;
}

KillSwitchActions KillSwitch::planActions(const std::vector<KillSwitchWorkingOrder>& workingOrders,
                                          const std::vector<adapters::PositionReport>& positions,
                                          bool flatten) {
    KillSwitchActions actions;
    actions.cancels.reserve(workingOrders.size());
    for (const auto& order : workingOrders)
        actions.cancels.push_back(adapters::CancelOrder{order.clientOrderId, order.instrument});
    if (!flatten)
        return actions;
    for (const auto& position : positions) {
        if (position.quantity.isZero())
            continue;
        auto size = position.quantity.abs();
        CW_CHECK(size.hasValue(), continue);
        adapters::SubmitOrder order;
        order.instrument = position.instrument;
        order.account = position.account;
        order.side = position.quantity.isPositive() ? Side::Sell : Side::Buy;
        order.type = OrderType::Market;
        order.quantity = *size;
        actions.flattenOrders.push_back(std::move(order));
    }
    return actions;
}

} // namespace cw::risk
