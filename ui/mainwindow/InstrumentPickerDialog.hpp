// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Instrument.hpp"

#include <QDialog>

#include <vector>

class QLineEdit;
class QListWidget;

namespace cw::ui {

/// Picks one or more instruments from a venue's list, with a filter line that matches the
/// symbol, base or quote currency (case-insensitive substring). Instruments in `exclude`
/// (already on the watchlist) are not offered.
/// Thread: GUI.
class InstrumentPickerDialog : public QDialog {
    Q_OBJECT

public:
    InstrumentPickerDialog(std::vector<Instrument> instruments,
                           const std::vector<adapters::InstrumentKey>& exclude,
                           QWidget* parent = nullptr);

    void setFilter(const QString& text);
    /// The instruments shown under the current filter, in the venue's order.
    std::vector<adapters::InstrumentKey> visible() const;
    /// The selected instruments, in the venue's order.
    std::vector<adapters::InstrumentKey> selected() const;
    void selectAllVisible();

private:
    void applyFilter();

    std::vector<Instrument> m_instruments;
    QLineEdit* m_filter = nullptr;
    QListWidget* m_list = nullptr;
};

} // namespace cw::ui
