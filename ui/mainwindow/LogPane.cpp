// SPDX-License-Identifier: MIT
#include "ui/mainwindow/LogPane.hpp"

#include <QDateTime>
#include <QFontDatabase>

namespace cw::ui {

LogPane::LogPane(QWidget* parent) : QPlainTextEdit(parent) {
    setObjectName(QStringLiteral("LogPane"));
    setReadOnly(true);
    setMaximumBlockCount(kMaxLines);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void LogPane::append(Level level, const QString& message) {
    QString tag;
    switch (level) {
    case Level::Warning:
        tag = QStringLiteral("WARN ");
        break;
    case Level::Error:
        tag = QStringLiteral("ERROR");
        break;
    case Level::Info:
    case Level::Invalid:
        tag = QStringLiteral("INFO ");
        break;
    }
    appendPlainText(QStringLiteral("%1  %2  %3")
                        .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                             tag, message));
}

} // namespace cw::ui
