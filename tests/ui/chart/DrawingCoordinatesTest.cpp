// SPDX-License-Identifier: MIT
#include "ui/chart/DrawingCoordinates.hpp"

#include "tests/ui/chart/DrawingTestBars.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using namespace cw;
using namespace cw::ui;
using namespace cw::ui::testing;

TEST(DrawingCoordinates, barOpenTimeMapsToTheBarCentre) {
    const DrawingTestScene scene(barTimes(100));
    ASSERT_DOUBLE_EQ(scene.timeScale.rightIndex(), 99.0); // the scene is what it claims
    const auto c = scene.coords();
    for (std::size_t i : {0u, 1u, 50u, 99u}) {
        EXPECT_DOUBLE_EQ(c.indexOfTime(scene.times[i]), static_cast<double>(i));
        EXPECT_DOUBLE_EQ(c.xOfTime(scene.times[i]), scene.xOfIndex(static_cast<double>(i)));
        EXPECT_EQ(c.timeAtX(scene.xOfIndex(static_cast<double>(i))), scene.times[i]);
    }
}

TEST(DrawingCoordinates, timeBetweenBarsIsInterpolatedAcrossGaps) {
    // Minutes 0, 1, 2 and then 10: a gap of 8 minutes between bars 2 and 3.
    std::vector<TimestampNs> t = {kDrawingT0, kDrawingT0 + kNsPerMinute,
                                  kDrawingT0 + 2 * kNsPerMinute, kDrawingT0 + 10 * kNsPerMinute};
    const DrawingTestScene scene(t, 3.0);
    const auto c = scene.coords();
    EXPECT_DOUBLE_EQ(c.indexOfTime(kDrawingT0 + 30 * kNsPerSecond), 0.5);
    EXPECT_DOUBLE_EQ(c.indexOfTime(kDrawingT0 + 6 * kNsPerMinute), 2.5);
    EXPECT_EQ(c.timeOfIndex(2.5), kDrawingT0 + 6 * kNsPerMinute);
}

TEST(DrawingCoordinates, timesOutsideTheBarsExtrapolateWithTheEndInterval) {
    // Regular 1-minute bars, then one gap of an hour before the last bar: the interval after
    // the last bar is still one minute (the smallest of the last few intervals).
    std::vector<TimestampNs> t = barTimes(20);
    t.push_back(t.back() + kNsPerHour);
    const DrawingTestScene scene(t, 20.0);
    const auto c = scene.coords();
    EXPECT_DOUBLE_EQ(c.indexOfTime(t.back() + 3 * kNsPerMinute), 23.0);
    EXPECT_DOUBLE_EQ(c.indexOfTime(kDrawingT0 - 2 * kNsPerMinute), -2.0);
    EXPECT_EQ(c.timeOfIndex(23.0), t.back() + 3 * kNsPerMinute);
    EXPECT_EQ(c.timeOfIndex(-2.0), kDrawingT0 - 2 * kNsPerMinute);
}

TEST(DrawingCoordinates, pricesMapToRowsAndBack) {
    const DrawingTestScene scene(barTimes(100));
    const auto c = scene.coords();
    EXPECT_DOUBLE_EQ(c.yOfPrice(150.0), 210.0); // 10 + (200 - 150) * 4
    EXPECT_DOUBLE_EQ(c.yOfPrice(200.0), 10.0);
    EXPECT_DOUBLE_EQ(c.priceAtY(410.0), 100.0);
}

TEST(DrawingCoordinates, pixelToDataToPixelRoundTrips) {
    const DrawingTestScene scene(barTimes(100));
    const auto c = scene.coords();
    for (const QPointF p : {QPointF(41.0, 11.0), QPointF(333.3, 222.2), QPointF(839.0, 409.0),
                            QPointF(1200.0, -50.0)}) {
        const QPointF back = c.toPixel(c.toData(p));
        EXPECT_NEAR(back.x(), p.x(), 1e-6);
        EXPECT_NEAR(back.y(), p.y(), 1e-9);
    }
}

TEST(DrawingCoordinates, sameTimeLandsOnTheSameCandleInAnotherTimeframe) {
    const DrawingTestScene minutes(barTimes(600, kNsPerMinute), 599.0);
    const DrawingTestScene fiveMinutes(barTimes(120, 5 * kNsPerMinute), 119.0);
    ASSERT_DOUBLE_EQ(fiveMinutes.timeScale.barSpacing(), 8.0); // as xOfIndex assumes
    const TimestampNs t = kDrawingT0 + 125 * kNsPerMinute;     // opens 1-min bar 125, 5-min bar 25
    EXPECT_DOUBLE_EQ(minutes.coords().indexOfTime(t), 125.0);
    EXPECT_DOUBLE_EQ(fiveMinutes.coords().indexOfTime(t), 25.0);
    // Two minutes into the 5-minute bar 25: 40% of the way to bar 26.
    EXPECT_DOUBLE_EQ(fiveMinutes.coords().indexOfTime(t + 2 * kNsPerMinute), 25.4);
    EXPECT_DOUBLE_EQ(fiveMinutes.coords().xOfTime(t), fiveMinutes.xOfIndex(25.0));
}

TEST(DrawingCoordinates, shiftMovesByBarsAndPriceOfThePixelDelta) {
    const DrawingTestScene scene(barTimes(100));
    const auto c = scene.coords();
    const DrawingAnchor a{scene.times[40], 150.0};
    // 16 px right = 2 bars = 2 minutes; 40 px down = 10 price units lower.
    const DrawingAnchor moved = c.shifted(a, QPointF(16.0, 40.0));
    EXPECT_EQ(moved.time, scene.times[42]);
    EXPECT_DOUBLE_EQ(moved.price, 140.0);
}

TEST(DrawingCoordinates, noBarsMeansNoMapping) {
    const DrawingTestScene scene({});
    const auto c = scene.coords();
    EXPECT_FALSE(c.valid());
    EXPECT_TRUE(std::isnan(c.xOfTime(kDrawingT0)));
    EXPECT_EQ(c.timeAtX(100.0), 0); // documented: no mapping, no crash
}

TEST(DrawingCoordinates, absurdTimesAndIndicesAreClampedNotOverflowed) {
    const DrawingTestScene scene(barTimes(100));
    const auto c = scene.coords();
    EXPECT_TRUE(std::isfinite(c.xOfTime(std::numeric_limits<TimestampNs>::max())));
    EXPECT_TRUE(std::isfinite(c.xOfTime(std::numeric_limits<TimestampNs>::min())));
    EXPECT_LE(static_cast<double>(c.timeOfIndex(1e30)), DrawingCoordinates::kMaxAbsTimeNs);
    EXPECT_GE(static_cast<double>(c.timeOfIndex(-1e30)), -DrawingCoordinates::kMaxAbsTimeNs);
    EXPECT_EQ(c.timeOfIndex(std::nan("")), 0); // NaN: documented as no time
}
