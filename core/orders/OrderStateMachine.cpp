// SPDX-License-Identifier: MIT
#include "core/orders/OrderStateMachine.hpp"

#include <array>
#include <string>

namespace cw::orders {

namespace {

using S = OrderStatus;
using E = OrderEventKind;

constexpr OrderTransition to(S from, E event, S target) {
    return OrderTransition{from, event, TransitionTarget::Status, target};
}

constexpr OrderTransition working(S from, E event) {
    return OrderTransition{from, event, TransitionTarget::Working, S::Invalid};
}

// The whole life cycle. Keep docs/orders.md in step with this table.
constexpr std::array kTable = {
    // PendingNew: sent, not yet acknowledged.
    to(S::PendingNew, E::Accepted, S::New), to(S::PendingNew, E::Rejected, S::Rejected),
    to(S::PendingNew, E::Triggered, S::New),
    to(S::PendingNew, E::PartiallyFilled, S::PartiallyFilled),
    to(S::PendingNew, E::Filled, S::Filled),
    to(S::PendingNew, E::CancelRequested, S::PendingCancel),
    to(S::PendingNew, E::Canceled, S::Canceled), // IOC/FOK that found nothing
    to(S::PendingNew, E::Expired, S::Expired),

    // New: working, nothing filled.
    to(S::New, E::Accepted, S::New), // a resent submit acknowledged again
    to(S::New, E::Triggered, S::New), to(S::New, E::PartiallyFilled, S::PartiallyFilled),
    to(S::New, E::Filled, S::Filled), to(S::New, E::CancelRequested, S::PendingCancel),
    to(S::New, E::Canceled, S::Canceled), to(S::New, E::ReplaceRequested, S::PendingReplace),
    to(S::New, E::Replaced, S::Replaced), // a modify resent after a reconnect
    working(S::New, E::RequestRejected),  // a late answer to an earlier request
    to(S::New, E::Expired, S::Expired),

    // PartiallyFilled: working, part filled.
    to(S::PartiallyFilled, E::Accepted, S::PartiallyFilled),
    to(S::PartiallyFilled, E::Triggered, S::PartiallyFilled),
    to(S::PartiallyFilled, E::PartiallyFilled, S::PartiallyFilled),
    to(S::PartiallyFilled, E::Filled, S::Filled),
    to(S::PartiallyFilled, E::CancelRequested, S::PendingCancel),
    to(S::PartiallyFilled, E::Canceled, S::Canceled),
    to(S::PartiallyFilled, E::ReplaceRequested, S::PendingReplace),
    to(S::PartiallyFilled, E::Replaced, S::Replaced),
    working(S::PartiallyFilled, E::RequestRejected), to(S::PartiallyFilled, E::Expired, S::Expired),

    // PendingCancel: our cancel is on its way; fills race it.
    to(S::PendingCancel, E::Accepted, S::PendingCancel), // the ack of a cancel-before-ack
    to(S::PendingCancel, E::Rejected, S::Rejected),      // the submit itself was refused
    to(S::PendingCancel, E::Triggered, S::PendingCancel),
    to(S::PendingCancel, E::PartiallyFilled, S::PendingCancel),
    to(S::PendingCancel, E::Filled, S::Filled), to(S::PendingCancel, E::Canceled, S::Canceled),
    to(S::PendingCancel, E::Replaced, S::Replaced), // an earlier modify completed first
    working(S::PendingCancel, E::RequestRejected), to(S::PendingCancel, E::Expired, S::Expired),

    // PendingReplace: our modify is on its way; fills race it.
    to(S::PendingReplace, E::Accepted, S::PendingReplace),
    to(S::PendingReplace, E::Triggered, S::PendingReplace),
    to(S::PendingReplace, E::PartiallyFilled, S::PendingReplace),
    to(S::PendingReplace, E::Filled, S::Filled),
    to(S::PendingReplace, E::CancelRequested, S::PendingCancel),
    to(S::PendingReplace, E::Canceled, S::Canceled),
    to(S::PendingReplace, E::Replaced, S::Replaced), working(S::PendingReplace, E::RequestRejected),
    to(S::PendingReplace, E::Expired, S::Expired),

    // Filled, Canceled, Replaced, Rejected, Expired: terminal, no rows.
};

const OrderTransition* findRow(S from, E event) {
    for (const auto& row : kTable) {
        if (row.from == from && row.event == event)
            return &row;
    }
    return nullptr;
}

} // namespace

std::string_view orderEventKindName(OrderEventKind kind) {
    switch (kind) {
    case E::Accepted:
        return "Accepted";
    case E::Rejected:
        return "Rejected";
    case E::Triggered:
        return "Triggered";
    case E::PartiallyFilled:
        return "PartiallyFilled";
    case E::Filled:
        return "Filled";
    case E::CancelRequested:
        return "CancelRequested";
    case E::Canceled:
        return "Canceled";
    case E::ReplaceRequested:
        return "ReplaceRequested";
    case E::Replaced:
        return "Replaced";
    case E::RequestRejected:
        return "RequestRejected";
    case E::Expired:
        return "Expired";
    case E::Invalid:
        break;
    }
    return "Invalid";
}

std::span<const OrderTransition> OrderStateMachine::transitions() {
    return kTable;
}

bool OrderStateMachine::allows(OrderStatus from, OrderEventKind event) {
    return findRow(from, event) != nullptr;
}

OrderStatus OrderStateMachine::workingStatus(const OrderProgress& progress) {
    if (progress.hasFills)
        return S::PartiallyFilled;
    return progress.acknowledged ? S::New : S::PendingNew;
}

Result<OrderStatus> OrderStateMachine::next(OrderStatus from, OrderEventKind event,
                                            const OrderProgress& progress) {
    const OrderTransition* row = findRow(from, event);
    if (row == nullptr) {
        return fail(ErrorCode::InvalidArgument, std::string(orderEventKindName(event)) +
                                                    " is not allowed in " +
                                                    std::string(orderStatusName(from)));
    }
    if (row->target == TransitionTarget::Working)
        return workingStatus(progress);
    return row->to;
}

} // namespace cw::orders
