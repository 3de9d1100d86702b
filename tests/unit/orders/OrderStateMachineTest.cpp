// SPDX-License-Identifier: MIT
#include "core/orders/OrderStateMachine.hpp"

#include <array>
#include <gtest/gtest.h>
#include <set>
#include <string_view>
#include <utility>

namespace cw::orders {
namespace {

using S = OrderStatus;
using E = OrderEventKind;

constexpr std::array kStatuses = {S::PendingNew,    S::New,      S::PartiallyFilled, S::Filled,
                                  S::PendingCancel, S::Canceled, S::PendingReplace,  S::Replaced,
                                  S::Rejected,      S::Expired};
constexpr std::array kEvents = {E::Accepted, E::Rejected,        E::Triggered, E::PartiallyFilled,
                                E::Filled,   E::CancelRequested, E::Canceled,  E::ReplaceRequested,
                                E::Replaced, E::RequestRejected, E::Expired};

// The life cycle as docs/orders.md states it: one row per status, one column per event in
// the order of kEvents. "-" = not allowed, "W" = back to the working status, otherwise the
// status reached.
//                         Acc  Rej  Trg  PFil Fil  CReq Can  RReq Repl RRej Exp
constexpr std::array<std::array<std::string_view, 11>, 10> kExpected = {{
    /* PendingNew     */ {"N", "RJ", "N", "PF", "F", "PC", "C", "-", "-", "-", "EX"},
    /* New            */ {"N", "-", "N", "PF", "F", "PC", "C", "PR", "RP", "W", "EX"},
    /* PartiallyFilled*/ {"PF", "-", "PF", "PF", "F", "PC", "C", "PR", "RP", "W", "EX"},
    /* Filled         */ {"-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"},
    /* PendingCancel  */ {"PC", "RJ", "PC", "PC", "F", "-", "C", "-", "RP", "W", "EX"},
    /* Canceled       */ {"-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"},
    /* PendingReplace */ {"PR", "-", "PR", "PR", "F", "PC", "C", "-", "RP", "W", "EX"},
    /* Replaced       */ {"-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"},
    /* Rejected       */ {"-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"},
    /* Expired        */ {"-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"},
}};

S statusOf(std::string_view code) {
    static const std::pair<std::string_view, S> kCodes[] = {
        {"PN", S::PendingNew},      {"N", S::New},
        {"PF", S::PartiallyFilled}, {"F", S::Filled},
        {"PC", S::PendingCancel},   {"C", S::Canceled},
        {"PR", S::PendingReplace},  {"RP", S::Replaced},
        {"RJ", S::Rejected},        {"EX", S::Expired}};
    for (const auto& [text, status] : kCodes) {
        if (text == code)
            return status;
    }
    return S::Invalid;
}

TEST(OrderStateMachine, followsTheDocumentedTableForEveryStatusAndEvent) {
    const OrderProgress progress{true, false};
    for (std::size_t row = 0; row < kStatuses.size(); ++row) {
        for (std::size_t column = 0; column < kEvents.size(); ++column) {
            const S from = kStatuses[row];
            const E event = kEvents[column];
            const std::string_view expected = kExpected[row][column];
            const auto next = OrderStateMachine::next(from, event, progress);
            SCOPED_TRACE(std::string(orderStatusName(from)) + " + " +
                         std::string(orderEventKindName(event)));
            if (expected == "-") {
                ASSERT_FALSE(next.hasValue());
                EXPECT_EQ(next.error().code, ErrorCode::InvalidArgument);
                EXPECT_FALSE(OrderStateMachine::allows(from, event));
            } else if (expected == "W") {
                ASSERT_TRUE(next.hasValue());
                EXPECT_EQ(*next, S::New); // acknowledged, nothing filled
                EXPECT_TRUE(OrderStateMachine::allows(from, event));
            } else {
                ASSERT_TRUE(next.hasValue());
                EXPECT_EQ(*next, statusOf(expected));
                EXPECT_TRUE(OrderStateMachine::allows(from, event));
            }
        }
    }
}

TEST(OrderStateMachine, tableHasOneRowPerAllowedPairAndNothingElse) {
    std::size_t allowed = 0;
    for (const auto& row : kExpected) {
        for (const auto cell : row)
            allowed += cell != "-" ? 1 : 0;
    }
    EXPECT_EQ(OrderStateMachine::transitions().size(), allowed);
    std::set<std::pair<S, E>> pairs;
    for (const auto& transition : OrderStateMachine::transitions())
        EXPECT_TRUE(pairs.emplace(transition.from, transition.event).second)
            << "duplicate row " << orderStatusName(transition.from) << " + "
            << orderEventKindName(transition.event);
}

TEST(OrderStateMachine, requestRejectedReturnsToTheWorkingStatusTheOrderHad) {
    // A cancel refused before the venue ever acknowledged the order: still PendingNew.
    EXPECT_EQ(*OrderStateMachine::next(S::PendingCancel, E::RequestRejected, {false, false}),
              S::PendingNew);
    EXPECT_EQ(*OrderStateMachine::next(S::PendingCancel, E::RequestRejected, {true, false}),
              S::New);
    // Fills that raced the cancel make it PartiallyFilled.
    EXPECT_EQ(*OrderStateMachine::next(S::PendingCancel, E::RequestRejected, {true, true}),
              S::PartiallyFilled);
    EXPECT_EQ(*OrderStateMachine::next(S::PendingReplace, E::RequestRejected, {true, true}),
              S::PartiallyFilled);
}

TEST(OrderStateMachine, terminalStatusesAcceptNothing) {
    for (const S status : kStatuses) {
        if (!isTerminal(status))
            continue;
        for (const E event : kEvents)
            EXPECT_FALSE(OrderStateMachine::allows(status, event));
    }
}

TEST(OrderStateMachine, invalidStatusOrEventIsAnErrorNotACrash) {
    EXPECT_FALSE(OrderStateMachine::next(S::Invalid, E::Accepted, {}).hasValue());
    EXPECT_FALSE(OrderStateMachine::next(S::New, E::Invalid, {}).hasValue());
    EXPECT_FALSE(OrderStateMachine::next(static_cast<S>(99), E::Filled, {}).hasValue());
    EXPECT_FALSE(OrderStateMachine::next(S::New, static_cast<E>(99), {}).hasValue());
}

TEST(OrderStateMachine, errorNamesTheEventAndTheStatus) {
    const auto next = OrderStateMachine::next(S::Filled, E::Canceled, {});
    ASSERT_FALSE(next.hasValue());
    EXPECT_NE(next.error().message.find("Canceled"), std::string::npos);
    EXPECT_NE(next.error().message.find("Filled"), std::string::npos);
}

} // namespace
} // namespace cw::orders
