// SPDX-License-Identifier: MIT
#include "core/adapters/AdapterRegistry.hpp"

#include <gtest/gtest.h>
#include <vector>

using namespace cw;
using namespace cw::adapters;

namespace {

struct NullSink final : IMarketDataSink {
    void post(MarketDataEvent&& event) override { events.push_back(std::move(event)); }
    std::vector<MarketDataEvent> events;
};

/// A factory that records its settings and builds no clients.
AdapterFactory recordingFactory(int& calls, AdapterSettings& seen) {
    return [&calls, &seen](const AdapterSettings& settings, IMarketDataSink&,
                           IExecutionSink*) -> Result<VenueClients> {
        ++calls;
        seen = settings;
        if (settings.contains("bad"))
            return fail(ErrorCode::InvalidArgument, "bad setting");
        return VenueClients{};
    };
}

} // namespace

TEST(AdapterRegistry, createsByNameWithTheGivenSettings) {
    AdapterRegistry registry;
    int calls = 0;
    AdapterSettings seen;
    ASSERT_TRUE(registry.add("paper", "test venue", recordingFactory(calls, seen)).hasValue());
    NullSink sink;
    auto clients = registry.create("paper", {{"speed", "10"}}, sink);
    ASSERT_TRUE(clients.hasValue());
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(seen.at("speed"), "10");
    EXPECT_TRUE(registry.contains("paper"));
    EXPECT_EQ((*registry.find("paper"))->description, "test venue");
}

TEST(AdapterRegistry, passesFactoryErrorsThrough) {
    AdapterRegistry registry;
    int calls = 0;
    AdapterSettings seen;
    ASSERT_TRUE(registry.add("paper", "", recordingFactory(calls, seen)).hasValue());
    NullSink sink;
    auto clients = registry.create("paper", {{"bad", "1"}}, sink);
    ASSERT_FALSE(clients.hasValue());
    EXPECT_EQ(clients.error().code, ErrorCode::InvalidArgument);
}

TEST(AdapterRegistry, unknownVenueIsNotFound) {
    AdapterRegistry registry;
    NullSink sink;
    auto clients = registry.create("binance", {}, sink);
    ASSERT_FALSE(clients.hasValue());
    EXPECT_EQ(clients.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(registry.find("").hasValue());
}

TEST(AdapterRegistry, rejectsBadNamesDuplicatesAndEmptyFactories) {
    AdapterRegistry registry;
    int calls = 0;
    AdapterSettings seen;
    EXPECT_FALSE(registry.add("", "", recordingFactory(calls, seen)).hasValue());
    EXPECT_FALSE(registry.add("Binance", "", recordingFactory(calls, seen)).hasValue());
    EXPECT_FALSE(registry.add("bin ance", "", recordingFactory(calls, seen)).hasValue());
    EXPECT_FALSE(registry.add("ib", "", AdapterFactory{}).hasValue());
    ASSERT_TRUE(registry.add("ib", "", recordingFactory(calls, seen)).hasValue());
    EXPECT_FALSE(registry.add("ib", "", recordingFactory(calls, seen)).hasValue());
    ASSERT_TRUE(registry.add("mt5", "", recordingFactory(calls, seen)).hasValue());
    EXPECT_EQ(registry.names(), (std::vector<std::string>{"ib", "mt5"}));
    EXPECT_EQ(calls, 0);
}
