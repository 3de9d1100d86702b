// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPoint>
#include <QRect>
#include <QRgb>

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

class QPainter;

namespace cw::ui {

/// Paints one-pixel-wide vertical spans: the pixel columns of a zoomed-out chart (thousands of
/// them per series and frame).
///
/// When the painter draws into a raster QImage (an offscreen frame, or a widget's raster
/// backing store) in a 32-bit RGB format, with a whole-pixel translation as its only transform,
/// full opacity and SourceOver, opaque spans are written straight into the image's scanlines,
/// clipped to the batch's clip rectangle and the engine's system clip (the widget's region
/// being repainted). Otherwise, and for translucent colours, they are collected as rectangles
/// and drawn per colour with `QPainter::drawRects` at `end()`. Either way a span covers exactly
/// the pixels of `QRect(x, top, 1, bottom - top + 1)` filled without antialiasing.
///
/// Spans are drawn in call order on the direct path and by colour slot on the fallback, so
/// spans of different colours should not overlap (or the later slot should win, as with a
/// histogram's positive and negative halves).
///
/// Usage: `begin`, `setColor` for each slot, `fillColumn`..., `end`. Buffers are reused, so a
/// frame allocates nothing once warmed up. Thread: GUI; not thread-safe.
class SpanCanvas {
public:
    static constexpr int kSlots = 4;

    /// Starts a batch on `painter` clipped to `clip` (logical coordinates; the painter's own
    /// clip must not be narrower, as with `setClipRect(clip)`).
    void begin(QPainter& painter, const QRect& clip);
    /// Colour of `slot` (0..kSlots-1) for the following spans; takes effect at once.
    void setColor(int slot, const QColor& color);
    /// Pixel column `x`, rows `top`..`bottom` inclusive (logical coordinates), in the colour of
    /// `slot`. Nothing when bottom < top.
    void fillColumn(int slot, int x, int top, int bottom) {
        if (bottom < top)
            return;
        const auto s = static_cast<std::size_t>(slot);
        if (m_directSlot[s])
            writeColumn(m_pixel[s], x, top, bottom);
        else
            m_rects[s].emplace_back(x, top, 1, bottom - top + 1);
    }
    /// Draws what was collected for the fallback and ends the batch.
    void end();

    /// Whether the current batch writes into the image directly (true for an ARGB32, ARGB32
    /// premultiplied or RGB32 QImage painted without scaling).
    bool writesDirectly() const { return m_direct; }
    /// For tests: always take the QPainter path (default false).
    void setForceFallback(bool force) { m_forceFallback = force; }

private:
    void writeColumn(QRgb pixel, int x, int top, int bottom) {
        x += m_offset.x();
        if (x < m_deviceClip.left() || x > m_deviceClip.right())
            return;
        top = std::max(top + m_offset.y(), m_deviceClip.top());
        bottom = std::min(bottom + m_offset.y(), m_deviceClip.bottom());
        if (bottom < top)
            return;
        uchar* p = m_bits + static_cast<std::ptrdiff_t>(top) * m_stride +
                   static_cast<std::ptrdiff_t>(x) * 4;
        for (int y = top; y <= bottom; ++y, p += m_stride)
            *reinterpret_cast<QRgb*>(p) = pixel;
    }

    QPainter* m_painter = nullptr;
    bool m_direct = false;
    bool m_forceFallback = false;
    uchar* m_bits = nullptr;
    std::ptrdiff_t m_stride = 0;
    QPoint m_offset;    ///< logical -> device
    QRect m_deviceClip; ///< in device pixels, inside the image
    std::array<QColor, kSlots> m_colors;
    std::array<QRgb, kSlots> m_pixel{};
    std::array<bool, kSlots> m_directSlot{};
    std::array<std::vector<QRect>, kSlots> m_rects;
};

} // namespace cw::ui
