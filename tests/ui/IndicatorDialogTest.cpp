// SPDX-License-Identifier: MIT
#include "ui/mainwindow/IndicatorDialog.hpp"

#include "core/indicators/IndicatorRegistry.hpp"
#include "ui/mainwindow/IndicatorSettings.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QtTest>

using cw::indicators::IndicatorRegistry;
using cw::indicators::ParameterType;
using cw::ui::IndicatorDialog;
using cw::ui::IndicatorSettings;

class IndicatorDialogTest : public QObject {
    Q_OBJECT

private slots:
    void generatesOneEditorPerParameterWithTheSpecsRanges() {
        IndicatorDialog dialog;
        const auto& registry = IndicatorRegistry::builtin();
        QVERIFY(!registry.descriptors().empty());
        QCOMPARE(static_cast<std::size_t>(dialog.indicatorCombo()->count()),
                 registry.descriptors().size());
        for (const auto& d : registry.descriptors()) {
            QVERIFY2(dialog.selectIndicator(d.name), d.name.c_str());
            QCOMPARE(dialog.descriptor(), &d);
            const auto& editors = dialog.parameterEditors();
            QCOMPARE(editors.size(), d.parameters.size());
            for (std::size_t i = 0; i < editors.size(); ++i) {
                const auto& p = d.parameters[i];
                if (p.type == ParameterType::Integer) {
                    auto* spin = qobject_cast<QSpinBox*>(editors[i]);
                    QVERIFY2(spin, p.name.c_str());
                    QCOMPARE(spin->minimum(), static_cast<int>(p.minValue));
                    QCOMPARE(spin->maximum(), static_cast<int>(p.maxValue));
                    QCOMPARE(spin->value(), static_cast<int>(p.defaultValue));
                } else {
                    auto* spin = qobject_cast<QDoubleSpinBox*>(editors[i]);
                    QVERIFY2(spin, p.name.c_str());
                    QCOMPARE(spin->minimum(), p.minValue);
                    QCOMPARE(spin->maximum(), p.maxValue);
                    QCOMPARE(spin->value(), p.defaultValue);
                }
                QCOMPARE(editors[i]->toolTip(), QString::fromStdString(p.description));
            }
            // The defaults make a spec the registry accepts, with a colour per output.
            const IndicatorSettings s = dialog.settings();
            QCOMPARE(s.name, d.name);
            QCOMPARE(s.colors.size(), d.outputs.size());
            QVERIFY2(registry.parse(s.spec()).hasValue(), s.spec().c_str());
        }
        QVERIFY(!dialog.selectIndicator("nosuch"));
        QVERIFY(!dialog.selectIndicator(""));
    }

    void editModeFillsAndReturnsTheSettings() {
        auto bbands = IndicatorSettings::fromSpec("bbands:30,2.5");
        QVERIFY(bbands.hasValue());
        bbands->colors = {QColor(Qt::red), QColor(Qt::green), QColor(Qt::blue)};
        bbands->widthPx = 2.0;
        IndicatorDialog dialog;
        dialog.setSettings(*bbands);
        const IndicatorSettings back = dialog.settings();
        QCOMPARE(back.spec(), std::string("bbands:30,2.5"));
        QCOMPARE(back.colors.size(), std::size_t{3});
        QCOMPARE(back.colors[2], QColor(Qt::blue));
        QCOMPARE(back.widthPx, 2.0);

        // Values outside the spec's range are clamped by the editors, never passed on.
        IndicatorSettings huge = *IndicatorSettings::fromSpec("rsi:14");
        huge.parameters = {1e12};
        dialog.setSettings(huge);
        QVERIFY(IndicatorRegistry::builtin().parse(dialog.settings().spec()).hasValue());
    }

    void specsRoundTripAndRejectGarbage() {
        QCOMPARE(IndicatorSettings::fromSpec("sma:20")->spec(), std::string("sma:20"));
        QCOMPARE(IndicatorSettings::fromSpec("BBANDS:20,2")->spec(), std::string("bbands:20,2"));
        // Missing parameters take their defaults.
        QVERIFY(IndicatorSettings::fromSpec("rsi")->parameters.size() == 1);
        QVERIFY(!IndicatorSettings::fromSpec("").hasValue());
        QVERIFY(!IndicatorSettings::fromSpec("nosuch:3").hasValue());
        QVERIFY(!IndicatorSettings::fromSpec("sma:abc").hasValue());
        QVERIFY(!IndicatorSettings::fromSpec("sma:nan").hasValue());
        QVERIFY(!IndicatorSettings::fromSpec("sma:2.5").hasValue()); // fraction for an integer
        QVERIFY(!IndicatorSettings::fromSpec("sma:-1").hasValue());
    }
};

QTEST_MAIN(IndicatorDialogTest)
#include "IndicatorDialogTest.moc"
