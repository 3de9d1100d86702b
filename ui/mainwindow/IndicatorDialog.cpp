// SPDX-License-Identifier: MIT
#include "ui/mainwindow/IndicatorDialog.hpp"

#include "core/domain/BarSeries.hpp"
#include "core/indicators/IndicatorRegistry.hpp"
#include "ui/chart/ChartIndicatorFactory.hpp"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

namespace cw::ui {

namespace {

const indicators::IndicatorRegistry& registry() {
    return indicators::IndicatorRegistry::builtin();
}

int toInt(double v) {
    return static_cast<int>(
        std::clamp(std::round(v), static_cast<double>(INT_MIN), static_cast<double>(INT_MAX)));
}

} // namespace

IndicatorDialog::IndicatorDialog(std::size_t colourOffset, QWidget* parent)
    : QDialog(parent), m_colourOffset(colourOffset) {
    setObjectName(QStringLiteral("IndicatorDialog"));
    setWindowTitle(tr("Indicator"));

    m_indicator = new QComboBox(this);
    m_indicator->setObjectName(QStringLiteral("IndicatorChoice"));
    for (const auto& d : registry().descriptors())
        m_indicator->addItem(QString::fromStdString(d.displayName), QString::fromStdString(d.name));
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_form = new QFormLayout;
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_indicator);
    layout->addWidget(m_description);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_indicator, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0)
            return;
        m_descriptor = registry().find(m_indicator->itemData(index).toString().toStdString());
        rebuildForm();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_indicator->count() > 0) {
        m_descriptor = registry().find(m_indicator->itemData(0).toString().toStdString());
        rebuildForm();
    }
    setMinimumWidth(360);
}

bool IndicatorDialog::selectIndicator(std::string_view name) {
    const indicators::IndicatorDescriptor* d = registry().find(name);
    if (!d)
        return false;
    const int index = m_indicator->findData(QString::fromStdString(d->name));
    if (index < 0)
        return false;
    if (index == m_indicator->currentIndex()) {
        m_descriptor = d;
        rebuildForm();
    } else {
        m_indicator->setCurrentIndex(index); // rebuilds through currentIndexChanged
    }
    return true;
}

void IndicatorDialog::rebuildForm() {
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_editors.clear();
    m_colourButtons.clear();
    m_colours.clear();
    m_width = nullptr;
    if (!m_descriptor)
        return;
    m_description->setText(QString::fromStdString(m_descriptor->description));

    for (const indicators::ParameterSpec& p : m_descriptor->parameters) {
        QAbstractSpinBox* editor = nullptr;
        if (p.type == indicators::ParameterType::Integer) {
            auto* spin = new QSpinBox(this);
            spin->setRange(toInt(p.minValue), toInt(p.maxValue));
            spin->setValue(toInt(p.defaultValue));
            editor = spin;
        } else {
            auto* spin = new QDoubleSpinBox(this);
            spin->setDecimals(4);
            spin->setRange(p.minValue, p.maxValue);
            spin->setSingleStep(0.1);
            spin->setValue(p.defaultValue);
            editor = spin;
        }
        editor->setObjectName(QStringLiteral("param_") + QString::fromStdString(p.name));
        editor->setToolTip(QString::fromStdString(p.description));
        m_form->addRow(QString::fromStdString(p.name), editor);
        m_editors.push_back(editor);
    }

    // The chart's own defaults for this indicator, so the dialog shows what will be drawn.
    std::vector<double> defaults;
    for (const auto& p : m_descriptor->parameters)
        defaults.push_back(p.defaultValue);
    const indicators::ConfiguredIndicator config(*m_descriptor, defaults);
    const ChartIndicator preview =
        ChartIndicatorFactory::create(config, BarSeries{}, m_colourOffset);
    for (std::size_t k = 0; k < m_descriptor->outputs.size(); ++k) {
        auto* button = new QPushButton(this);
        button->setObjectName(QStringLiteral("colour_") +
                              QString::fromStdString(m_descriptor->outputs[k]));
        const QColor colour = k < preview.outputs().size() ? preview.outputs()[k].color
                                                           : ChartIndicatorFactory::paletteColor(k);
        m_colours.push_back(colour);
        setButtonColour(button, colour);
        connect(button, &QPushButton::clicked, this, [this, k] {
            const QColor chosen = QColorDialog::getColor(m_colours[k], this, tr("Output colour"));
            if (chosen.isValid())
                setOutputColor(k, chosen);
        });
        m_form->addRow(tr("Colour: %1").arg(QString::fromStdString(m_descriptor->outputs[k])),
                       button);
        m_colourButtons.push_back(button);
    }
    m_width = new QDoubleSpinBox(this);
    m_width->setObjectName(QStringLiteral("lineWidth"));
    m_width->setRange(1.0, 5.0);
    m_width->setSingleStep(0.5);
    m_width->setDecimals(1);
    m_width->setValue(1.0);
    m_width->setSuffix(tr(" px"));
    m_form->addRow(tr("Line width"), m_width);
}

void IndicatorDialog::setButtonColour(QPushButton* button, const QColor& colour) {
    button->setText(colour.name());
    button->setStyleSheet(
        QStringLiteral("QPushButton { border-left: 14px solid %1; padding: 3px 8px; }")
            .arg(colour.name()));
}

void IndicatorDialog::setOutputColor(std::size_t output, const QColor& colour) {
    if (output >= m_colours.size() || !colour.isValid())
        return;
    m_colours[output] = colour;
    setButtonColour(m_colourButtons[output], colour);
}

void IndicatorDialog::setSettings(const IndicatorSettings& settings) {
    if (!selectIndicator(settings.name))
        return;
    for (std::size_t i = 0; i < m_editors.size() && i < settings.parameters.size(); ++i) {
        if (auto* spin = qobject_cast<QSpinBox*>(m_editors[i]))
            spin->setValue(toInt(settings.parameters[i]));
        else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(m_editors[i]))
            dspin->setValue(settings.parameters[i]);
    }
    for (std::size_t k = 0; k < settings.colors.size(); ++k)
        setOutputColor(k, settings.colors[k]);
    if (m_width)
        m_width->setValue(settings.widthPx);
}

IndicatorSettings IndicatorDialog::settings() const {
    IndicatorSettings s;
    if (!m_descriptor)
        return s;
    s.name = m_descriptor->name;
    for (QAbstractSpinBox* editor : m_editors) {
        if (auto* spin = qobject_cast<QSpinBox*>(editor))
            s.parameters.push_back(spin->value());
        else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(editor))
            s.parameters.push_back(dspin->value());
    }
    s.colors = m_colours;
    s.widthPx = m_width ? m_width->value() : 1.0;
    return s;
}

} // namespace cw::ui
