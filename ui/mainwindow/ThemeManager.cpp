// SPDX-License-Identifier: MIT
#include "ui/mainwindow/ThemeManager.hpp"

#include <QApplication>
#include <QStyleFactory>
#include <QToolTip>

namespace cw::ui {

QPalette ThemeManager::palette(Theme theme) {
    QPalette p;
    if (theme == Theme::Light) {
        const QColor window(0xf3, 0xf4, 0xf6);
        const QColor base(0xff, 0xff, 0xff);
        const QColor text(0x1f, 0x23, 0x29);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, window);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::ToolTipBase, base);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x98));
        p.setColor(QPalette::Highlight, QColor(0x29, 0x62, 0xff));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x29, 0x62, 0xff));
        p.setColor(QPalette::Mid, QColor(0xc8, 0xcc, 0xd2));
        p.setColor(QPalette::Dark, QColor(0xa0, 0xa5, 0xad));
    } else {
        const QColor window(0x1e, 0x22, 0x2d);
        const QColor base(0x13, 0x17, 0x22);
        const QColor text(0xd1, 0xd4, 0xdc);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(0x1a, 0x1e, 0x29));
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x39));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x2e, 0x39));
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor(0x78, 0x7b, 0x86));
        p.setColor(QPalette::Highlight, QColor(0x29, 0x62, 0xff));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x5b, 0x9c, 0xf6));
        p.setColor(QPalette::Light, QColor(0x36, 0x3a, 0x45));
        p.setColor(QPalette::Midlight, QColor(0x2f, 0x33, 0x3e));
        p.setColor(QPalette::Mid, QColor(0x2a, 0x2e, 0x39));
        p.setColor(QPalette::Dark, QColor(0x10, 0x13, 0x1a));
        p.setColor(QPalette::Shadow, QColor(0x08, 0x0a, 0x0f));
        p.setColor(QPalette::BrightText, Qt::white);
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x5d, 0x60, 0x6b));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x5d, 0x60, 0x6b));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x5d, 0x60, 0x6b));
    }
    return p;
}

void ThemeManager::apply(Theme theme) {
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    const QPalette p = palette(theme);
    QApplication::setPalette(p);
    QToolTip::setPalette(p);
}

ChartTheme ThemeManager::chartTheme(Theme theme) {
    return theme == Theme::Light ? ChartTheme::light() : ChartTheme::dark();
}

QString ThemeManager::name(Theme theme) {
    return theme == Theme::Light ? QStringLiteral("light") : QStringLiteral("dark");
}

ThemeManager::Theme ThemeManager::fromName(const QString& name) {
    return name == QLatin1String("light") ? Theme::Light : Theme::Dark;
}

QColor ThemeManager::upColor(Theme theme) {
    return theme == Theme::Light ? QColor(0x08, 0x99, 0x81) : QColor(0x26, 0xa6, 0x9a);
}

QColor ThemeManager::downColor(Theme theme) {
    return theme == Theme::Light ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xef, 0x53, 0x50);
}

QColor ThemeManager::warningColor(Theme theme) {
    return theme == Theme::Light ? QColor(0xc7, 0x7c, 0x02) : QColor(0xf5, 0xa6, 0x23);
}

} // namespace cw::ui
