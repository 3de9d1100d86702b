// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>
#include <QString>

namespace cw::ui {

/// The log dock: timestamped lines (local time, milliseconds) for engine errors, feed state
/// changes and the user's actions. Keeps the newest `kMaxLines` lines.
/// Thread: GUI.
class LogPane : public QPlainTextEdit {
    Q_OBJECT

public:
    enum class Level { Invalid = 0, Info, Warning, Error };
    static constexpr int kMaxLines = 5000;

    explicit LogPane(QWidget* parent = nullptr);

    /// Appends "HH:mm:ss.zzz  LEVEL  message".
    void append(Level level, const QString& message);
    void info(const QString& message) { append(Level::Info, message); }
    void warning(const QString& message) { append(Level::Warning, message); }
    void error(const QString& message) { append(Level::Error, message); }
};

} // namespace cw::ui
