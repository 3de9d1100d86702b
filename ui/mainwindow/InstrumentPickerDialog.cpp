// SPDX-License-Identifier: MIT
#include "ui/mainwindow/InstrumentPickerDialog.hpp"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cw::ui {

InstrumentPickerDialog::InstrumentPickerDialog(std::vector<Instrument> instruments,
                                               const std::vector<adapters::InstrumentKey>& exclude,
                                               QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Add symbols"));
    setObjectName(QStringLiteral("InstrumentPickerDialog"));
    for (Instrument& instrument : instruments) {
        auto key = adapters::InstrumentKey::of(instrument);
        if (key && std::find(exclude.begin(), exclude.end(), *key) == exclude.end())
            m_instruments.push_back(std::move(instrument));
    }

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("InstrumentFilter"));
    m_filter->setPlaceholderText(tr("Search symbol, base or quote currency"));
    m_filter->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("InstrumentList"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    layout->addWidget(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &InstrumentPickerDialog::applyFilter);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    applyFilter();
    resize(420, 360);
}

void InstrumentPickerDialog::setFilter(const QString& text) {
    m_filter->setText(text);
}

void InstrumentPickerDialog::applyFilter() {
    const QString needle = m_filter->text().trimmed();
    m_list->clear();
    for (std::size_t i = 0; i < m_instruments.size(); ++i) {
        const Instrument& in = m_instruments[i];
        const QString symbol = QString::fromStdString(in.symbol);
        const QString base = QString::fromStdString(in.baseCurrency.toString());
        const QString quote = QString::fromStdString(in.quoteCurrency.toString());
        if (!needle.isEmpty() && !symbol.contains(needle, Qt::CaseInsensitive) &&
            !base.contains(needle, Qt::CaseInsensitive) &&
            !quote.contains(needle, Qt::CaseInsensitive))
            continue;
        auto* item =
            new QListWidgetItem(QStringLiteral("%1    %2/%3").arg(symbol, base, quote), m_list);
        item->setData(Qt::UserRole, static_cast<qulonglong>(i));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

std::vector<adapters::InstrumentKey> InstrumentPickerDialog::visible() const {
    std::vector<adapters::InstrumentKey> keys;
    for (int r = 0; r < m_list->count(); ++r) {
        const auto i = m_list->item(r)->data(Qt::UserRole).toULongLong();
        if (auto key = adapters::InstrumentKey::of(m_instruments[i]))
            keys.push_back(*key);
    }
    return keys;
}

std::vector<adapters::InstrumentKey> InstrumentPickerDialog::selected() const {
    std::vector<adapters::InstrumentKey> keys;
    for (int r = 0; r < m_list->count(); ++r) {
        if (!m_list->item(r)->isSelected())
            continue;
        const auto i = m_list->item(r)->data(Qt::UserRole).toULongLong();
        if (auto key = adapters::InstrumentKey::of(m_instruments[i]))
            keys.push_back(*key);
    }
    return keys;
}

void InstrumentPickerDialog::selectAllVisible() {
    m_list->selectAll();
}

} // namespace cw::ui
