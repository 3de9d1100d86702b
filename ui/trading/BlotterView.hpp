// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>

class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTableView;

namespace cw::ui {

class SnapshotTableModel;

/// One blotter: a SnapshotTableModel in a sortable QTableView behind a QSortFilterProxyModel,
/// a filter box (any column, case-insensitive) and "Export CSV...". The context menu holds
/// the actions the owner adds for the selected rows (`setContextMenuBuilder`), then the
/// export.
/// Thread: GUI.
class BlotterView : public QWidget {
    Q_OBJECT

public:
    /// Adds actions for the selected rows (their keys, in view order) to `menu`.
    using ContextMenuBuilder = std::function<void(QMenu& menu, const QStringList& keys)>;

    /// `model` stays owned by the caller (or its parent); `name` is used for the object
    /// names and the default export file name.
    BlotterView(SnapshotTableModel* model, const QString& name, QWidget* parent = nullptr);

    SnapshotTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }

    void setContextMenuBuilder(ContextMenuBuilder builder);
    /// Filters the rows (the filter box's text).
    void setFilterText(const QString& text);
    /// The keys of the selected rows, in view order.
    QStringList selectedKeys() const;
    /// Builds the context menu for the current selection (what a right-click shows).
    void populateContextMenu(QMenu& menu);

    /// Writes the whole model (not just the filtered rows) as CSV to `path`. IoError when the
    /// file cannot be written.
    Result<void> exportCsv(const QString& path) const;
    /// Asks for a file name, then exports.
    void promptExport();

signals:
    /// A row was double-clicked (its key).
    void rowActivated(const QString& key);
    void message(const QString& text);

private:
    SnapshotTableModel* m_model;
    QString m_name;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    ContextMenuBuilder m_builder;
};

} // namespace cw::ui
