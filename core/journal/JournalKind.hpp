// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string_view>

namespace cw::journal {

/// What a journal entry records. Stored in the `events.kind` column by name (the names below
/// are part of the file format: never rename one, only add).
enum class JournalKind {
    Invalid = 0,
    OrderRequest,   ///< a command we sent or meant to send: submit, modify, cancel, cancel-all
    OrderEvent,     ///< what the venue said about an order: accepted, rejected, canceled...
    Fill,           ///< one execution of (part of) an order
    RiskDecision,   ///< the risk gate passed or refused a request (with the rule)
    KillSwitch,     ///< trading halted or resumed, by whom and why
    Reconciliation, ///< a reconciliation report, or one difference between the venue and us
    PositionChange, ///< a position changed (venue report or our own tracking)
    AccountChange,  ///< balances, equity or margin changed
    Connection,     ///< an execution or market-data session changed state
    Session,        ///< the application started or stopped journaling
    Note,           ///< free text written by the trader or the application
};

/// "OrderRequest", "Fill", ...; "Invalid" for Invalid or an unknown value.
constexpr std::string_view journalKindName(JournalKind kind) {
    switch (kind) {
    case JournalKind::OrderRequest:
        return "OrderRequest";
    case JournalKind::OrderEvent:
        return "OrderEvent";
    case JournalKind::Fill:
        return "Fill";
    case JournalKind::RiskDecision:
        return "RiskDecision";
    case JournalKind::KillSwitch:
        return "KillSwitch";
    case JournalKind::Reconciliation:
        return "Reconciliation";
    case JournalKind::PositionChange:
        return "PositionChange";
    case JournalKind::AccountChange:
        return "AccountChange";
    case JournalKind::Connection:
        return "Connection";
    case JournalKind::Session:
        return "Session";
    case JournalKind::Note:
        return "Note";
    case JournalKind::Invalid:
        break;
    }
    return "Invalid";
}

/// The kind named `name` (exact, case-sensitive); nullopt for anything else, "Invalid" included.
constexpr std::optional<JournalKind> journalKindFromName(std::string_view name) {
    for (int i = 1; i <= static_cast<int>(JournalKind::Note); ++i) {
        const auto kind = static_cast<JournalKind>(i);
        if (journalKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace cw::journal
