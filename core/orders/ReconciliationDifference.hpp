// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"

#include <string>
#include <string_view>

namespace cw::orders {

/// What differed between the venue's view and ours.
enum class DifferenceKind {
    Invalid = 0,
    ReportFailed,     ///< the venue could not answer (ReconciliationReport::error); nothing done
    MissedFill,       ///< a fill in the venue's recent fills that we had not seen
    ExternalOrder,    ///< an open order at the venue that our book does not hold
    MissingOrder,     ///< an order open in our book that the venue does not list
    StatusMismatch,   ///< the venue lists the order in another status (e.g. we still wait for
                      ///< the ack, or we had ended it)
    FilledMismatch,   ///< the venue's filled quantity differs from ours
    DetailsMismatch,  ///< quantity or prices differ (a modify we did not hear about)
    PositionMismatch, ///< after the missed fills, the venue's position differs from ours
};

/// What the Reconciler did about it.
enum class ReconciliationAction {
    Invalid = 0,
    None,              ///< recorded only
    FillApplied,       ///< the fill went to the order book and the positions
    Adopted,           ///< taken into the book as an External order
    MarkedFilled,      ///< ended as Filled: the fills explain why the venue no longer lists it
    MarkedCanceled,    ///< ended as Canceled: not listed, not explained by fills
    KeptForResend,     ///< left PendingNew: the submit may never have arrived; resend it
    UpdatedFromVenue,  ///< our order now shows the venue's values
    PositionCorrected, ///< our position set to the venue's (the venue wins)
};

constexpr std::string_view differenceKindName(DifferenceKind kind) {
    switch (kind) {
    case DifferenceKind::ReportFailed:
        return "ReportFailed";
    case DifferenceKind::MissedFill:
        return "MissedFill";
    case DifferenceKind::ExternalOrder:
        return "ExternalOrder";
    case DifferenceKind::MissingOrder:
        return "MissingOrder";
    case DifferenceKind::StatusMismatch:
        return "StatusMismatch";
    case DifferenceKind::FilledMismatch:
        return "FilledMismatch";
    case DifferenceKind::DetailsMismatch:
        return "DetailsMismatch";
    case DifferenceKind::PositionMismatch:
        return "PositionMismatch";
    case DifferenceKind::Invalid:
        break;
    }
    return "Invalid";
}

constexpr std::string_view reconciliationActionName(ReconciliationAction action) {
    switch (action) {
    case ReconciliationAction::None:
        return "None";
    case ReconciliationAction::FillApplied:
        return "FillApplied";
    case ReconciliationAction::Adopted:
        return "Adopted";
    case ReconciliationAction::MarkedFilled:
        return "MarkedFilled";
    case ReconciliationAction::MarkedCanceled:
        return "MarkedCanceled";
    case ReconciliationAction::KeptForResend:
        return "KeptForResend";
    case ReconciliationAction::UpdatedFromVenue:
        return "UpdatedFromVenue";
    case ReconciliationAction::PositionCorrected:
        return "PositionCorrected";
    case ReconciliationAction::Invalid:
        break;
    }
    return "Invalid";
}

/// One difference found by the Reconciler, to journal and to show. `ours` and `theirs` are
/// short texts for people ("New filled 0.5", "long 2 @ 101.25", "absent").
///
/// Thread: a plain value; safe to copy between threads.
struct ReconciliationDifference {
    DifferenceKind kind = DifferenceKind::Invalid;
    std::string clientOrderId; ///< empty for positions
    adapters::InstrumentKey instrument;
    std::string account;
    std::string ours;
    std::string theirs;
    ReconciliationAction action = ReconciliationAction::Invalid;
    std::string message; ///< details (the error text, the trade id)
};

} // namespace cw::orders
