// SPDX-License-Identifier: MIT
#include "ui/mainwindow/LayoutPersistence.hpp"

#include <QRandomGenerator>
#include <QStringList>

#include <array>
#include <cmath>
#include <utility>

namespace cw::ui {

namespace {

constexpr std::array<std::pair<ChartStyle, const char*>, 4> kStyleNames{{
    {ChartStyle::Candles, "candles"},
    {ChartStyle::OhlcBars, "ohlc"},
    {ChartStyle::Line, "line"},
    {ChartStyle::HeikinAshi, "heikin-ashi"},
}};

QString styleName(ChartStyle style) {
    for (const auto& [s, name] : kStyleNames)
        if (s == style)
            return QString::fromLatin1(name);
    return QStringLiteral("candles");
}

ChartStyle styleFromName(const QString& name) {
    for (const auto& [s, n] : kStyleNames)
        if (name == QLatin1String(n))
            return s;
    return ChartStyle::Candles;
}

QStringList colorNames(const std::vector<QColor>& colors) {
    QStringList names;
    for (const QColor& c : colors)
        names << (c.isValid() ? c.name(QColor::HexArgb) : QString());
    return names;
}

std::vector<QColor> colorsFromNames(const QStringList& names) {
    std::vector<QColor> colors;
    for (const QString& n : names)
        colors.emplace_back(n.isEmpty() ? QColor() : QColor::fromString(n));
    return colors;
}

} // namespace

LayoutPersistence::LayoutPersistence(const QString& iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

std::optional<WorkspaceState> LayoutPersistence::load() const {
    QSettings& s = *m_settings;
    if (!s.contains(QStringLiteral("workspace/saved")))
        return std::nullopt;
    WorkspaceState state;
    state.theme = s.value(QStringLiteral("theme"), QStringLiteral("dark")).toString();
    state.geometry = s.value(QStringLiteral("window/geometry")).toByteArray();
    state.windowState = s.value(QStringLiteral("window/state")).toByteArray();
    state.currentChart = s.value(QStringLiteral("workspace/currentChart"), 0).toInt();
    for (const QString& symbol : s.value(QStringLiteral("workspace/watchlist")).toStringList())
        state.watchlist.push_back(symbol.toStdString());

    const int charts = s.beginReadArray(QStringLiteral("charts"));
    for (int i = 0; i < charts; ++i) {
        s.setArrayIndex(i);
        ChartState chart;
        chart.instrument = s.value(QStringLiteral("instrument")).toString().toStdString();
        chart.timeframe = s.value(QStringLiteral("timeframe")).toString().toStdString();
        chart.style = styleFromName(s.value(QStringLiteral("style")).toString());
        const int indicators = s.beginReadArray(QStringLiteral("indicators"));
        for (int k = 0; k < indicators; ++k) {
            s.setArrayIndex(k);
            auto settings = IndicatorSettings::fromSpec(
                s.value(QStringLiteral("spec")).toString().toStdString());
            if (!settings)
                continue; // an indicator that no longer exists or changed its parameters
            settings->colors = colorsFromNames(s.value(QStringLiteral("colors")).toStringList());
            settings->widthPx = s.value(QStringLiteral("width"), 1.0).toDouble();
            chart.indicators.push_back(std::move(*settings));
        }
        s.endArray();
        if (!chart.instrument.empty() && !chart.timeframe.empty())
            state.charts.push_back(std::move(chart));
    }
    s.endArray();
    return state;
}

void LayoutPersistence::save(const WorkspaceState& state) {
    QSettings& s = *m_settings;
    s.setValue(QStringLiteral("workspace/saved"), true);
    s.setValue(QStringLiteral("theme"), state.theme);
    s.setValue(QStringLiteral("window/geometry"), state.geometry);
    s.setValue(QStringLiteral("window/state"), state.windowState);
    s.setValue(QStringLiteral("workspace/currentChart"), state.currentChart);
    QStringList watchlist;
    for (const std::string& symbol : state.watchlist)
        watchlist << QString::fromStdString(symbol);
    s.setValue(QStringLiteral("workspace/watchlist"), watchlist);

    s.remove(QStringLiteral("charts"));
    s.beginWriteArray(QStringLiteral("charts"), static_cast<int>(state.charts.size()));
    for (std::size_t i = 0; i < state.charts.size(); ++i) {
        const ChartState& chart = state.charts[i];
        s.setArrayIndex(static_cast<int>(i));
        s.setValue(QStringLiteral("instrument"), QString::fromStdString(chart.instrument));
        s.setValue(QStringLiteral("timeframe"), QString::fromStdString(chart.timeframe));
        s.setValue(QStringLiteral("style"), styleName(chart.style));
        s.beginWriteArray(QStringLiteral("indicators"), static_cast<int>(chart.indicators.size()));
        for (std::size_t k = 0; k < chart.indicators.size(); ++k) {
            const IndicatorSettings& ind = chart.indicators[k];
            s.setArrayIndex(static_cast<int>(k));
            s.setValue(QStringLiteral("spec"), QString::fromStdString(ind.spec()));
            s.setValue(QStringLiteral("colors"), colorNames(ind.colors));
            s.setValue(QStringLiteral("width"), ind.widthPx);
        }
        s.endArray();
    }
    s.endArray();
    s.sync();
}

std::uint64_t LayoutPersistence::simulationSeed() {
    bool ok = false;
    const std::uint64_t stored =
        m_settings->value(QStringLiteral("simulation/seed")).toString().toULongLong(&ok);
    if (ok)
        return stored;
    const std::uint64_t seed = QRandomGenerator::global()->generate64();
    m_settings->setValue(QStringLiteral("simulation/seed"), QString::number(seed));
    m_settings->sync();
    return seed;
}

double LayoutPersistence::simulationSpeed() const {
    const double speed = m_settings->value(QStringLiteral("simulation/speed"), 1.0).toDouble();
    return std::isfinite(speed) && speed >= 0.1 && speed <= 1000.0 ? speed : 1.0;
}

void LayoutPersistence::setSimulationSpeed(double speed) {
    m_settings->setValue(QStringLiteral("simulation/speed"), speed);
    m_settings->sync();
}

QString LayoutPersistence::drawingsKey(const std::string& instrument) {
    QString key = QStringLiteral("drawings/");
    for (const QChar c : QString::fromStdString(instrument)) {
        if (c == QLatin1Char('%') || c == QLatin1Char('/') || c == QLatin1Char('\\'))
            key += QStringLiteral("%%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUpper();
        else
            key += c;
    }
    return key;
}

QStringList LayoutPersistence::drawingEntries(const std::string& instrument) const {
    const QVariant value = m_settings->value(drawingsKey(instrument));
    QStringList entries = value.toStringList();
    entries.removeAll(QString());
    return entries;
}

void LayoutPersistence::saveDrawingEntries(const std::string& instrument,
                                           const QStringList& entries) {
    if (entries.isEmpty())
        m_settings->remove(drawingsKey(instrument));
    else
        m_settings->setValue(drawingsKey(instrument), entries);
}

namespace {

QString riskKey(const std::string& account) {
    if (account.empty())
        return QStringLiteral("risk/%default");
    QString key = QStringLiteral("risk/");
    for (const QChar c : QString::fromStdString(account)) {
        if (c == QLatin1Char('%') || c == QLatin1Char('/') || c == QLatin1Char('\\'))
            key += QStringLiteral("%%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUpper();
        else
            key += c;
    }
    return key;
}

} // namespace

std::map<std::string, std::string> LayoutPersistence::riskLimits(const std::string& account) const {
    std::map<std::string, std::string> out;
    for (const QString& entry : m_settings->value(riskKey(account)).toStringList()) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue; // unreadable entries are skipped
        out[entry.left(eq).toStdString()] = entry.mid(eq + 1).toStdString();
    }
    return out;
}

void LayoutPersistence::saveRiskLimits(const std::string& account,
                                       const std::map<std::string, std::string>& settings) {
    if (settings.empty()) {
        m_settings->remove(riskKey(account));
        return;
    }
    QStringList entries;
    for (const auto& [key, value] : settings)
        entries << QString::fromStdString(key + "=" + value);
    m_settings->setValue(riskKey(account), entries);
    m_settings->sync();
}

std::vector<std::string> LayoutPersistence::riskLimitAccounts() const {
    std::vector<std::string> accounts;
    m_settings->beginGroup(QStringLiteral("risk"));
    const QStringList keys = m_settings->childKeys();
    m_settings->endGroup();
    for (const QString& key : keys) {
        if (key == QLatin1String("%default")) {
            accounts.insert(accounts.begin(), std::string());
            continue;
        }
        accounts.push_back(QByteArray::fromPercentEncoding(key.toUtf8()).toStdString());
    }
    return accounts;
}

QVariant LayoutPersistence::tradingValue(const QString& name, const QVariant& fallback) const {
    return m_settings->value(QStringLiteral("trading/") + name, fallback);
}

void LayoutPersistence::setTradingValue(const QString& name, const QVariant& value) {
    m_settings->setValue(QStringLiteral("trading/") + name, value);
}

} // namespace cw::ui
