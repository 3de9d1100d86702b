// SPDX-License-Identifier: MIT
#include "core/engine/ChartSnapshot.hpp"

#include "core/engine/ChartReplica.hpp"

#include <gtest/gtest.h>

using namespace cw;
using namespace cw::engine;

namespace {

OhlcvRow row(TimestampNs t, double c) {
    return {t, c, c + 1, c - 1, c, 10.0};
}

ChartSnapshot full(std::uint64_t version, std::initializer_list<OhlcvRow> rows,
                   std::optional<OhlcvRow> forming) {
    ChartSnapshot s;
    s.chartId = 1;
    s.kind = ChartSnapshot::Kind::Full;
    s.version = version;
    auto bars = std::make_shared<BarSeries>();
    for (const OhlcvRow& r : rows)
        bars->append(r);
    s.bars = bars;
    s.formingBar = forming;
    return s;
}

ChartSnapshot delta(std::uint64_t base, std::initializer_list<OhlcvRow> rows,
                    std::optional<OhlcvRow> forming) {
    ChartSnapshot s;
    s.chartId = 1;
    s.kind = ChartSnapshot::Kind::Delta;
    s.baseVersion = base;
    s.version = base + 1;
    s.appendedBars = rows;
    s.formingBar = forming;
    return s;
}

} // namespace

TEST(ChartReplica, appliesFullThenDeltasReplacingTheFormingRow) {
    ChartReplica replica;
    ASSERT_TRUE(replica.apply(full(1, {row(0, 1), row(60, 2)}, row(120, 3))).hasValue());
    EXPECT_EQ(replica.bars().size(), 3u);
    ASSERT_TRUE(replica.apply(delta(1, {}, row(120, 4))).hasValue());
    EXPECT_EQ(replica.bars().size(), 3u);
    EXPECT_EQ(replica.bars().last().close, 4.0);
    ASSERT_TRUE(replica.apply(delta(2, {row(120, 5), row(180, 6)}, row(240, 7))).hasValue());
    ASSERT_EQ(replica.bars().size(), 5u);
    EXPECT_EQ(replica.bars().row(2).close, 5.0);
    EXPECT_EQ(replica.bars().row(3).close, 6.0);
    EXPECT_EQ(replica.bars().last().close, 7.0);
    // The forming bar can vanish (the bucket closed with no new one yet).
    ASSERT_TRUE(replica.apply(delta(3, {row(240, 8)}, std::nullopt)).hasValue());
    EXPECT_EQ(replica.bars().size(), 5u);
    EXPECT_FALSE(replica.hasFormingBar());
    EXPECT_EQ(replica.version(), 4u);
}

TEST(ChartReplica, rejectsDeltasThatDoNotFollowItsVersion) {
    ChartReplica replica;
    // No Full received yet: a delta has nothing to apply to.
    EXPECT_FALSE(replica.apply(delta(0, {row(0, 1)}, std::nullopt)).hasValue());
    ASSERT_TRUE(replica.apply(full(5, {row(0, 1)}, std::nullopt)).hasValue());
    const auto gap = replica.apply(delta(6, {row(60, 2)}, std::nullopt)); // version 6 skipped
    ASSERT_FALSE(gap.hasValue());
    EXPECT_EQ(gap.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(replica.bars().size(), 1u); // unchanged
    ChartSnapshot invalid;
    EXPECT_FALSE(replica.apply(invalid).hasValue());
}

TEST(ChartSnapshot, mergedDeltasEqualApplyingThemOneByOne) {
    const ChartSnapshot base = full(1, {row(0, 1)}, row(60, 2));
    const ChartSnapshot d1 = delta(1, {row(60, 3)}, row(120, 4));
    const ChartSnapshot d2 = delta(2, {}, row(120, 5));
    const ChartSnapshot d3 = delta(3, {row(120, 6), row(180, 7)}, row(240, 8));

    ChartReplica stepwise;
    for (const ChartSnapshot* s : {&base, &d1, &d2, &d3})
        ASSERT_TRUE(stepwise.apply(*s).hasValue());

    auto d12 = ChartSnapshot::merged(d1, d2);
    ASSERT_TRUE(d12.hasValue());
    auto d123 = ChartSnapshot::merged(*d12, d3);
    ASSERT_TRUE(d123.hasValue());
    EXPECT_EQ(d123->baseVersion, 1u);
    EXPECT_EQ(d123->version, 4u);
    ChartReplica merged;
    ASSERT_TRUE(merged.apply(base).hasValue());
    ASSERT_TRUE(merged.apply(*d123).hasValue());

    // A Full merged with a delta is a Full that leaves the original's shared bars untouched.
    auto fullMerged = ChartSnapshot::merged(base, d1);
    ASSERT_TRUE(fullMerged.hasValue());
    EXPECT_EQ(fullMerged->kind, ChartSnapshot::Kind::Full);
    EXPECT_EQ(base.bars->size(), 1u);
    EXPECT_EQ(fullMerged->bars->size(), 2u);

    ASSERT_EQ(merged.bars().size(), stepwise.bars().size());
    for (std::size_t i = 0; i < merged.bars().size(); ++i) {
        EXPECT_EQ(merged.bars().row(i).time, stepwise.bars().row(i).time);
        EXPECT_EQ(merged.bars().row(i).close, stepwise.bars().row(i).close);
    }
    EXPECT_EQ(merged.version(), stepwise.version());
}

TEST(ChartSnapshot, mergeRejectsGapsAndOtherCharts) {
    const ChartSnapshot d1 = delta(1, {}, row(0, 1));
    const ChartSnapshot d3 = delta(3, {}, row(0, 2));
    EXPECT_EQ(ChartSnapshot::merged(d1, d3).error().code, ErrorCode::InvalidArgument);
    ChartSnapshot other = delta(2, {}, row(0, 2));
    other.chartId = 2;
    EXPECT_FALSE(ChartSnapshot::merged(d1, other).hasValue());
    // A newer Full simply wins.
    const ChartSnapshot f = full(9, {row(0, 1)}, std::nullopt);
    auto m = ChartSnapshot::merged(d1, f);
    ASSERT_TRUE(m.hasValue());
    EXPECT_EQ(m->version, 9u);
}
