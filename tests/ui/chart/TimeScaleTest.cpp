// SPDX-License-Identifier: MIT
#include "ui/chart/TimeScale.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using cw::ui::TimeScale;

namespace {

TimeScale makeScale(std::size_t bars, double width = 1000.0, double spacing = 10.0) {
    TimeScale s;
    s.setWidth(width);
    s.setBarCount(bars);
    s.setBarSpacing(spacing);
    s.scrollToLive();
    return s;
}

} // namespace

TEST(TimeScale, indexAndXRoundTrip) {
    TimeScale s = makeScale(10'000, 1234.0, 3.7);
    s.pan(500.0);
    for (double i : {0.0, 17.0, 4999.5, 9999.0}) {
        EXPECT_NEAR(s.indexAt(s.xOf(i)), i, 1e-9);
    }
    for (double x : {0.0, 1.0, 617.25, 1234.0}) {
        EXPECT_NEAR(s.xOf(s.indexAt(x)), x, 1e-9);
    }
}

TEST(TimeScale, scrollToLiveShowsTheNewestBarWithAMargin) {
    TimeScale s = makeScale(500, 1000.0, 10.0);
    EXPECT_TRUE(s.followsLive());
    const double lastX = s.xOf(499.0);
    EXPECT_NEAR(lastX, 1000.0 - TimeScale::kLiveMarginBars * 10.0, 1e-9);
    EXPECT_EQ(s.endVisible(), 500u);
    EXPECT_EQ(s.firstVisible(), 403u); // 100 bar slots: bar 403 sits exactly on x = 0
}

TEST(TimeScale, zoomKeepsTheBarUnderTheCursorFixed) {
    for (double x : {0.0, 100.0, 333.3, 870.0}) {
        for (double factor : {0.5, 0.9, 1.1, 2.0, 3.7}) {
            TimeScale s = makeScale(100'000, 1000.0, 6.0);
            s.pan(20'000.0); // away from the clamps
            const double before = s.indexAt(x);
            s.zoomAt(x, factor);
            EXPECT_NEAR(s.barSpacing(), 6.0 * factor, 1e-9);
            EXPECT_NEAR(s.indexAt(x), before, 1e-9) << "x=" << x << " factor=" << factor;
        }
    }
}

TEST(TimeScale, zoomIsClampedBetweenAllBarsAndTheMaximumSpacing) {
    TimeScale s = makeScale(1'000'000, 1800.0, 6.0);
    s.zoomAt(900.0, 1e-9);
    EXPECT_NEAR(s.barSpacing(), s.minSpacing(), 1e-15);
    EXPECT_LE(s.barCount() + 0.0, s.visibleBarSpan());
    s.scrollToLive();
    EXPECT_EQ(s.firstVisible(), 0u);
    EXPECT_EQ(s.endVisible(), 1'000'000u);
    s.zoomAt(900.0, 1e9);
    EXPECT_DOUBLE_EQ(s.barSpacing(), TimeScale::kMaxSpacingPx);
}

TEST(TimeScale, panClampsAtBothEndsOfTheData) {
    TimeScale s = makeScale(1000, 1000.0, 10.0);
    s.pan(1e9); // far into the past
    // The oldest bars stay visible at the right edge.
    EXPECT_EQ(s.firstVisible(), 0u);
    EXPECT_GE(s.endVisible(), TimeScale::kMinVisibleBars);
    EXPECT_LT(s.indexAt(0.0), 0.0);
    EXPECT_FALSE(s.followsLive());
    s.pan(-1e9); // far into the future
    EXPECT_EQ(s.endVisible(), 1000u);
    EXPECT_LE(s.firstVisible(), 1000u - TimeScale::kMinVisibleBars);
    EXPECT_GT(s.indexAt(0.0), 900.0);
}

TEST(TimeScale, appendedBarsScrollInOnlyWhileFollowingTheLiveEdge) {
    TimeScale s = makeScale(1000, 1000.0, 10.0);
    const double x999 = s.xOf(999.0);
    s.barsAppended(3);
    EXPECT_NEAR(s.xOf(1002.0), x999, 1e-9); // newest bar where the old newest was
    s.pan(3000.0);                          // look at history
    EXPECT_FALSE(s.followsLive());
    const double right = s.rightIndex();
    s.barsAppended(5);
    EXPECT_DOUBLE_EQ(s.rightIndex(), right);
    s.scrollToLive();
    EXPECT_TRUE(s.followsLive());
}

TEST(TimeScale, ignoresNonFiniteInput) {
    TimeScale s = makeScale(1000, 1000.0, 10.0);
    const double right = s.rightIndex();
    const double spacing = s.barSpacing();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    s.pan(nan);
    s.zoomAt(nan, 2.0);
    s.zoomAt(10.0, nan);
    s.zoomAt(10.0, -1.0);
    s.setBarSpacing(std::numeric_limits<double>::infinity());
    EXPECT_DOUBLE_EQ(s.barSpacing(), spacing);
    EXPECT_DOUBLE_EQ(s.rightIndex(), right);
    s.setWidth(nan); // taken as 1 px, never NaN
    EXPECT_DOUBLE_EQ(s.width(), 1.0);
}

TEST(TimeScale, emptySeriesHasNoVisibleBars) {
    TimeScale s;
    s.setWidth(800.0);
    EXPECT_EQ(s.firstVisible(), 0u);
    EXPECT_EQ(s.endVisible(), 0u);
    s.pan(100.0);
    s.zoomAt(10.0, 2.0);
    EXPECT_EQ(s.endVisible(), 0u);
}
