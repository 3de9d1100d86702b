// SPDX-License-Identifier: MIT
#include "ui/chart/SpanCanvas.hpp"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QRegion>
#include <QTransform>

#include <cmath>

namespace cw::ui {

namespace {

bool isWholePixel(double v) {
    return v == std::floor(v) && std::abs(v) < 1e6;
}

} // namespace

void SpanCanvas::begin(QPainter& painter, const QRect& clip) {
    m_painter = &painter;
    m_direct = false;
    m_bits = nullptr;
    m_directSlot.fill(false);
    for (auto& rects : m_rects)
        rects.clear();
    if (m_forceFallback)
        return;

    // The paint engine's device is what is really painted on: for a widget, the backing
    // store's image (QPainter::device() would be the widget).
    QPaintEngine* engine = painter.paintEngine();
    if (!engine || engine->type() != QPaintEngine::Raster || !engine->paintDevice() ||
        engine->paintDevice()->devType() != QInternal::Image)
        return;
    auto* image = static_cast<QImage*>(engine->paintDevice());
    const QImage::Format format = image->format();
    if (format != QImage::Format_RGB32 && format != QImage::Format_ARGB32 &&
        format != QImage::Format_ARGB32_Premultiplied)
        return;
    if (painter.compositionMode() != QPainter::CompositionMode_SourceOver ||
        painter.opacity() < 1.0)
        return;
    // The device transform includes a widget's offset in its window's backing store and any
    // high-DPI scaling; only a whole-pixel translation maps spans to spans.
    const QTransform t = painter.deviceTransform();
    if (t.type() > QTransform::TxTranslate || !isWholePixel(t.dx()) || !isWholePixel(t.dy()))
        return;
    m_offset = QPoint(static_cast<int>(t.dx()), static_cast<int>(t.dy()));
    QRect deviceClip = clip.translated(m_offset).intersected(image->rect());
    // The system clip is the part of the device this painter may touch (a widget's exposed or
    // updated region); empty means all of it. Only a single rectangle is handled here.
    const QRegion system = engine->systemClip();
    if (!system.isEmpty()) {
        if (system.rectCount() != 1)
            return;
        deviceClip = deviceClip.intersected(system.boundingRect());
    }
    m_deviceClip = deviceClip;
    m_stride = image->bytesPerLine();
    // The raster engine paints into this very buffer; bits() would detach a shared image and
    // leave the spans in a copy the painter never shows.
    m_bits = const_cast<uchar*>(image->constBits());
    m_direct = m_bits != nullptr;
}

void SpanCanvas::setColor(int slot, const QColor& color) {
    const auto s = static_cast<std::size_t>(slot);
    m_colors[s] = color;
    // An opaque colour is the same 0xffRRGGBB word in all three formats.
    m_directSlot[s] = m_direct && color.alpha() == 255;
    m_pixel[s] = color.rgba();
}

void SpanCanvas::end() {
    if (!m_painter)
        return;
    QPainter& p = *m_painter;
    bool any = false;
    for (const auto& rects : m_rects)
        any = any || !rects.empty();
    if (any) {
        p.save();
        p.setPen(Qt::NoPen);
        p.setRenderHint(QPainter::Antialiasing, false);
        for (int slot = 0; slot < kSlots; ++slot) {
            auto& rects = m_rects[static_cast<std::size_t>(slot)];
            if (rects.empty())
                continue;
            p.setBrush(m_colors[static_cast<std::size_t>(slot)]);
            p.drawRects(rects.data(), static_cast<int>(rects.size()));
            rects.clear();
        }
        p.restore();
    }
    m_painter = nullptr;
    m_direct = false;
    m_bits = nullptr;
}

} // namespace cw::ui
