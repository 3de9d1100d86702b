// SPDX-License-Identifier: MIT
#include "ui/trading/BlotterView.hpp"

#include "ui/trading/SnapshotTableModel.hpp"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace cw::ui {

BlotterView::BlotterView(SnapshotTableModel* model, const QString& name, QWidget* parent)
    : QWidget(parent), m_model(model), m_name(name) {
    setObjectName(name + QStringLiteral("Blotter"));
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(SnapshotTableModel::kSortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);

    m_table = new QTableView(this);
    m_table->setObjectName(name + QStringLiteral("Table"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // model order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setDefaultSectionSize(96);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        populateContextMenu(menu);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        emit rowActivated(index.data(SnapshotTableModel::kKeyRole).toString());
    });

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(name + QStringLiteral("Filter"));
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &BlotterView::setFilterText);

    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export CSV..."));
    exportButton->setAutoRaise(true);
    connect(exportButton, &QToolButton::clicked, this, &BlotterView::promptExport);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(2, 2, 2, 2);
    top->addWidget(m_filter, 1);
    top->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
}

void BlotterView::setContextMenuBuilder(ContextMenuBuilder builder) {
    m_builder = std::move(builder);
}

void BlotterView::setFilterText(const QString& text) {
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
}

QStringList BlotterView::selectedKeys() const {
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList keys;
    for (const QModelIndex& index : rows)
        keys << index.data(SnapshotTableModel::kKeyRole).toString();
    return keys;
}

void BlotterView::populateContextMenu(QMenu& menu) {
    if (m_builder) {
        m_builder(menu, selectedKeys());
        if (!menu.isEmpty())
            menu.addSeparator();
    }
    menu.addAction(tr("Export CSV..."), this, &BlotterView::promptExport);
}

Result<void> BlotterView::exportCsv(const QString& path) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(ErrorCode::IoError,
                    "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    const QByteArray bytes = m_model->toCsv().toUtf8();
    if (file.write(bytes) != bytes.size())
        return fail(ErrorCode::IoError,
                    "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

void BlotterView::promptExport() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(m_name),
                                                      m_name.toLower() + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (auto written = exportCsv(path); !written)
        emit message(tr("Export failed: %1").arg(QString::fromStdString(written.error().message)));
    else
        emit message(tr("%1 exported to %2").arg(m_name, path));
}

} // namespace cw::ui
