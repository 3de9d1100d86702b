// SPDX-License-Identifier: MIT
#include "ui/mainwindow/WatchlistWidget.hpp"

#include "ui/mainwindow/InstrumentPickerDialog.hpp"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cw::ui {

WatchlistWidget::WatchlistWidget(EngineCommandPoster post, std::vector<Instrument> catalogue,
                                 QWidget* parent)
    : QWidget(parent), m_post(std::move(post)), m_catalogue(std::move(catalogue)) {
    setObjectName(QStringLiteral("Watchlist"));
    m_model = new WatchlistModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("WatchlistView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setMinimumSectionSize(40);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(WatchlistModel::Symbol, 74);
    m_view->setColumnWidth(WatchlistModel::Last, 82);
    m_view->setColumnWidth(WatchlistModel::ChangePercent, 60);
    m_view->setColumnWidth(WatchlistModel::Bid, 82);
    m_view->setColumnWidth(WatchlistModel::Ask, 82);
    m_view->setColumnWidth(WatchlistModel::Volume, 90);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view, &QTableView::customContextMenuRequested, this,
            &WatchlistWidget::showContextMenu);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid())
            emit chartRequested(m_model->row(index.row()).instrument);
    });
    auto* remove = new QAction(tr("Remove symbol"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(remove, &QAction::triggered, this, &WatchlistWidget::removeSelected);
    addAction(remove);
}

bool WatchlistWidget::addSymbol(const adapters::InstrumentKey& key) {
    if (key.isEmpty() || std::find(m_symbols.begin(), m_symbols.end(), key) != m_symbols.end())
        return false;
    m_symbols.push_back(key);
    m_post(engine::SubscribeQuotes{key});
    return true;
}

bool WatchlistWidget::removeSymbol(const adapters::InstrumentKey& key) {
    const auto it = std::find(m_symbols.begin(), m_symbols.end(), key);
    if (it == m_symbols.end())
        return false;
    m_symbols.erase(it);
    m_post(engine::UnsubscribeQuotes{key});
    return true;
}

Result<void> WatchlistWidget::exportCsv(const QString& path) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return fail(ErrorCode::IoError,
                    "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    const QByteArray bytes = m_model->toCsv().toUtf8();
    if (file.write(bytes) != bytes.size())
        return fail(ErrorCode::IoError, "short write to " + path.toStdString());
    return {};
}

void WatchlistWidget::promptAddSymbols() {
    InstrumentPickerDialog dialog(m_catalogue, m_symbols, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    for (const adapters::InstrumentKey& key : dialog.selected())
        if (addSymbol(key))
            emit message(tr("Watchlist: added %1").arg(QString::fromStdString(key.toString())));
}

void WatchlistWidget::promptExport() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export watchlist"),
                                                      dir + QStringLiteral("/watchlist.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const auto written = exportCsv(path);
    emit message(written ? tr("Watchlist exported to %1").arg(path)
                         : QString::fromStdString(written.error().message));
}

std::optional<adapters::InstrumentKey> WatchlistWidget::selectedInstrument() const {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->row(current.row()).instrument;
}

void WatchlistWidget::removeSelected() {
    if (const auto key = selectedInstrument(); key && removeSymbol(*key))
        emit message(tr("Watchlist: removed %1").arg(QString::fromStdString(key->toString())));
}

void WatchlistWidget::showContextMenu(const QPoint& pos) {
    QMenu menu(this);
    const auto key = selectedInstrument();
    if (key) {
        menu.addAction(tr("Open chart"), this, [this, k = *key] { emit chartRequested(k); });
        menu.addAction(tr("Remove %1")
                           .arg(QString::fromUtf8(key->symbol().data(),
                                                  static_cast<qsizetype>(key->symbol().size()))),
                       this, &WatchlistWidget::removeSelected);
        menu.addSeparator();
    }
    menu.addAction(tr("Add symbols..."), this, &WatchlistWidget::promptAddSymbols);
    menu.addAction(tr("Export to CSV..."), this, &WatchlistWidget::promptExport);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace cw::ui
