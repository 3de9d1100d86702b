// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace cw::ui {

/// Trading > Risk limits...: the pre-trade limits of one account as a form generated from the
/// settings map (RiskLimits::toSettings keys: one row per limit with an on/off box and its
/// value, plus a row per per-instrument override "key.VENUE:SYMBOL"). The account box picks
/// the account ("" = the defaults of every account); switching loads that account's stored
/// settings through the loader. OK validates with RiskLimits::fromSettings and stays open
/// showing its message when the form is invalid.
/// Thread: GUI.
class RiskLimitsDialog : public QDialog {
    Q_OBJECT

public:
    using Settings = std::map<std::string, std::string>;
    /// The stored settings of an account (empty: none stored).
    using Loader = std::function<Settings(const std::string& account)>;

    RiskLimitsDialog(const std::vector<std::string>& accounts, Loader loader,
                     QWidget* parent = nullptr);

    QString account() const;
    void setAccount(const QString& account);
    /// The form as a settings map (a limit that is off is "off").
    Settings settings() const;
    /// Fills the form (keys it does not know by default become override rows).
    void setSettings(const Settings& settings);
    /// RiskLimits::fromSettings of the form: nothing, or its message.
    Result<void> validate() const;
    /// Adds an override row "key.instrument" (for instance maxOrderQuantity.SIM:BTCUSDT).
    void addOverride(const QString& key, const QString& value);

    void accept() override;

private:
    struct FieldRow {
        QString key;
        QCheckBox* enabled = nullptr;
        QLineEdit* value = nullptr;
    };
    void clearRows();
    void addRow(const QString& key, const QString& value);

    Loader m_loader;
    QComboBox* m_account = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_error = nullptr;
    std::vector<FieldRow> m_rows;
};

} // namespace cw::ui
