// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IndicatorDescriptor.hpp"
#include "ui/mainwindow/IndicatorSettings.hpp"

#include <QColor>
#include <QDialog>

#include <cstddef>
#include <string_view>
#include <vector>

class QAbstractSpinBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace cw::ui {

/// Adds or edits a chart indicator. The form is generated from the chosen indicator's
/// ParameterSpec list, with no per-indicator code: a QSpinBox for an Integer parameter and a
/// QDoubleSpinBox for a Real one, each with the spec's range and default (tool tip: the
/// description); then one colour button per output and a line width.
/// Thread: GUI.
class IndicatorDialog : public QDialog {
    Q_OBJECT

public:
    /// `colourOffset` picks the default colours (ChartIndicatorFactory::paletteColor) so a
    /// second overlay does not start with the first one's colour.
    explicit IndicatorDialog(std::size_t colourOffset = 0, QWidget* parent = nullptr);

    /// Chooses the indicator (registry name, case-insensitive) and regenerates the form with
    /// its defaults; false when unknown.
    bool selectIndicator(std::string_view name);
    /// Edit mode: selects `settings.name` and fills parameters, colours and width.
    void setSettings(const IndicatorSettings& settings);
    /// The current choice; parameters in the descriptor's order.
    IndicatorSettings settings() const;

    const indicators::IndicatorDescriptor* descriptor() const { return m_descriptor; }
    /// One editor per parameter of the current indicator, in order (QSpinBox or QDoubleSpinBox).
    const std::vector<QAbstractSpinBox*>& parameterEditors() const { return m_editors; }
    QComboBox* indicatorCombo() const { return m_indicator; }
    void setOutputColor(std::size_t output, const QColor& colour);

private:
    void rebuildForm();
    void setButtonColour(QPushButton* button, const QColor& colour);

    std::size_t m_colourOffset = 0;
    const indicators::IndicatorDescriptor* m_descriptor = nullptr;
    QComboBox* m_indicator = nullptr;
    QLabel* m_description = nullptr;
    QFormLayout* m_form = nullptr;
    QDoubleSpinBox* m_width = nullptr;
    std::vector<QAbstractSpinBox*> m_editors;
    std::vector<QPushButton*> m_colourButtons;
    std::vector<QColor> m_colours;
};

} // namespace cw::ui
