// SPDX-License-Identifier: MIT
#include "ui/chart/SpanCanvas.hpp"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QRegion>

#include <gtest/gtest.h>
#include <random>
#include <vector>

using cw::ui::SpanCanvas;

namespace {

struct Span {
    int slot = 0;
    int x = 0;
    int top = 0;
    int bottom = 0;
};

const QColor kBackground(0x13, 0x17, 0x22);
const QColor kColors[SpanCanvas::kSlots] = {QColor(0x26, 0xa6, 0x9a), QColor(0xef, 0x53, 0x50),
                                            QColor(0x29, 0x62, 0xff), QColor(0xff, 0xeb, 0x3b)};

/// One span per x (spans of different colours never overlap), some reaching outside the image
/// and the clip, some empty (bottom < top).
std::vector<Span> randomSpans(std::uint64_t seed, int width, int height) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> slot(0, SpanCanvas::kSlots - 1);
    std::uniform_int_distribution<int> y(-20, height + 20);
    std::vector<Span> spans;
    for (int x = -5; x < width + 5; ++x) {
        const int a = y(rng);
        const int b = y(rng);
        // One in eight is empty on purpose.
        spans.push_back({slot(rng), x, x % 8 == 0 ? std::max(a, b) : std::min(a, b),
                         x % 8 == 0 ? std::min(a, b) - 1 : std::max(a, b)});
    }
    return spans;
}

/// What the spans must look like: one QPainter::fillRect each, in order.
QImage reference(QImage image, const std::vector<Span>& spans, const QRect& clip,
                 const QTransform& transform, const QColor* colors) {
    QPainter p(&image);
    p.setTransform(transform);
    p.setClipRect(clip);
    for (const Span& s : spans) {
        if (s.bottom >= s.top)
            p.fillRect(QRect(s.x, s.top, 1, s.bottom - s.top + 1), colors[s.slot]);
    }
    return image;
}

QImage throughCanvas(QImage image, const std::vector<Span>& spans, const QRect& clip,
                     const QTransform& transform, const QColor* colors, bool forceFallback,
                     bool* direct, const QRegion& systemClip = {}) {
    SpanCanvas canvas;
    canvas.setForceFallback(forceFallback);
    QPainter p(&image);
    if (!systemClip.isEmpty())
        p.paintEngine()->setSystemClip(systemClip);
    p.setTransform(transform);
    p.setClipRect(clip);
    canvas.begin(p, clip);
    for (int slot = 0; slot < SpanCanvas::kSlots; ++slot)
        canvas.setColor(slot, colors[slot]);
    *direct = canvas.writesDirectly();
    for (const Span& s : spans)
        canvas.fillColumn(s.slot, s.x, s.top, s.bottom);
    canvas.end();
    return image;
}

QImage blank(QImage::Format format) {
    QImage image(320, 200, format);
    image.fill(kBackground);
    return image;
}

} // namespace

TEST(SpanCanvas, writesTheSamePixelsAsQPainterInEveryRasterFormat) {
    const auto spans = randomSpans(1, 320, 200);
    const QRect clip(10, 5, 290, 180);
    for (QImage::Format format :
         {QImage::Format_ARGB32_Premultiplied, QImage::Format_RGB32, QImage::Format_ARGB32}) {
        for (const QTransform& t : {QTransform(), QTransform::fromTranslate(7, -3)}) {
            SCOPED_TRACE(testing::Message() << "format " << format << " dx " << t.dx());
            const QImage want = reference(blank(format), spans, clip, t, kColors);
            bool direct = false;
            const QImage got =
                throughCanvas(blank(format), spans, clip, t, kColors, false, &direct);
            EXPECT_TRUE(direct) << "expected the direct path";
            EXPECT_TRUE(got == want);
            const QImage fallback =
                throughCanvas(blank(format), spans, clip, t, kColors, true, &direct);
            EXPECT_FALSE(direct);
            EXPECT_TRUE(fallback == want);
        }
    }
}

TEST(SpanCanvas, staysInsideTheSystemClip) {
    // A widget repainting part of itself: the engine's system clip is the updated region.
    const auto spans = randomSpans(2, 320, 200);
    const QRect clip(0, 0, 320, 200);
    const QRegion system(QRect(40, 30, 100, 60));
    bool direct = false;
    const QImage got = throughCanvas(blank(QImage::Format_RGB32), spans, clip, QTransform(),
                                     kColors, false, &direct, system);
    EXPECT_TRUE(direct);
    const QImage want = throughCanvas(blank(QImage::Format_RGB32), spans, clip, QTransform(),
                                      kColors, true, &direct, system);
    EXPECT_TRUE(got == want);
    int touched = 0;
    for (int y = 0; y < got.height(); ++y) {
        for (int x = 0; x < got.width(); ++x) {
            if (got.pixelColor(x, y) != kBackground) {
                ++touched;
                EXPECT_TRUE(system.contains(QPoint(x, y))) << x << "," << y;
            }
        }
    }
    EXPECT_GT(touched, 1000) << "nothing drawn inside the system clip";

    // A system clip of several rectangles is left to QPainter.
    const QRegion twoRects = QRegion(QRect(0, 0, 50, 50)) + QRegion(QRect(100, 100, 50, 50));
    const QImage split = throughCanvas(blank(QImage::Format_RGB32), spans, clip, QTransform(),
                                       kColors, false, &direct, twoRects);
    EXPECT_FALSE(direct);
    EXPECT_TRUE(split == throughCanvas(blank(QImage::Format_RGB32), spans, clip, QTransform(),
                                       kColors, true, &direct, twoRects));
}

TEST(SpanCanvas, fallsBackForOtherFormatsScalingAndTranslucentColours) {
    const auto spans = randomSpans(3, 160, 100);
    const QRect clip(0, 0, 160, 100);
    bool direct = true;

    // A 24-bit image: no direct path, still the same pixels.
    const QImage rgb888 = blank(QImage::Format_RGB888);
    EXPECT_TRUE(throughCanvas(rgb888, spans, clip, QTransform(), kColors, false, &direct) ==
                reference(rgb888, spans, clip, QTransform(), kColors));
    EXPECT_FALSE(direct);

    // Scaled (a high-DPI device): spans are not pixels any more.
    const QTransform scaled = QTransform::fromScale(2, 2);
    const QImage argb = blank(QImage::Format_ARGB32_Premultiplied);
    EXPECT_TRUE(throughCanvas(argb, spans, clip, scaled, kColors, false, &direct) ==
                reference(argb, spans, clip, scaled, kColors));
    EXPECT_FALSE(direct);

    // A half-pixel translation: QPainter decides where the spans land (its fillRect and
    // drawRects round such positions differently, so compare with the forced fallback).
    const QTransform half = QTransform::fromTranslate(0.5, 0);
    bool forcedDirect = true;
    EXPECT_TRUE(throughCanvas(argb, spans, clip, half, kColors, false, &direct) ==
                throughCanvas(argb, spans, clip, half, kColors, true, &forcedDirect));
    EXPECT_FALSE(direct);

    // A translucent colour is blended by QPainter; the opaque slots still go direct.
    QColor mixed[SpanCanvas::kSlots] = {kColors[0], QColor(255, 255, 255, 0x70), kColors[2],
                                        kColors[3]};
    const QImage got = throughCanvas(argb, spans, clip, QTransform(), mixed, false, &direct);
    EXPECT_TRUE(direct);
    EXPECT_TRUE(got == reference(argb, spans, clip, QTransform(), mixed));
}

TEST(SpanCanvas, endWithoutBeginAndEmptyBatchesAreHarmless) {
    SpanCanvas canvas;
    canvas.end(); // nothing begun
    QImage image = blank(QImage::Format_RGB32);
    const QImage before = image;
    QPainter p(&image);
    canvas.begin(p, QRect(0, 0, 0, 0)); // empty clip
    canvas.setColor(0, kColors[0]);
    canvas.fillColumn(0, 5, 0, 50);
    canvas.fillColumn(0, 6, 50, 0); // bottom above top: nothing
    canvas.end();
    p.end();
    EXPECT_TRUE(image == before);
}
