// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mainwindow/WorkspaceState.hpp"

#include <QSettings>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cw::ui {

/// Reads and writes the workspace and the simulation's settings with QSettings.
///
/// With an empty `iniPath` the platform's default store for organisation/application
/// "Candlewick" is used (QCoreApplication's names); otherwise the given INI file (tests).
/// Keys: `workspace/*` (charts as an array with instrument, timeframe, style and indicators as
/// spec strings with colours and width), `window/geometry`, `window/state`, `theme`,
/// `simulation/seed`, `simulation/speed`, `risk/<account>`, `trading/*` and
/// `drawings/<instrument>` (the drawings of an
/// instrument, see DrawingStore). Unreadable entries are skipped, never fatal.
///
/// Thread: GUI.
class LayoutPersistence {
public:
    explicit LayoutPersistence(const QString& iniPath = {});

    /// The saved workspace; nullopt on the first start (nothing saved yet).
    std::optional<WorkspaceState> load() const;
    void save(const WorkspaceState& state);

    /// The simulated exchange's seed: the stored one, or a new random one that is stored at
    /// once, so every later start continues the same deterministic market family.
    std::uint64_t simulationSeed();
    /// Speed factor of the simulated exchange (1 when unset or out of 0.1..1000).
    double simulationSpeed() const;
    void setSimulationSpeed(double speed);

    /// The stored drawings of `instrument` (InstrumentKey::toString form) as DrawingStore wrote
    /// them, one text per drawing; empty when there are none.
    QStringList drawingEntries(const std::string& instrument) const;
    /// Replaces the stored drawings of `instrument`; an empty list removes its key. Written to
    /// disk on the next `sync` (or when the settings object goes away).
    void saveDrawingEntries(const std::string& instrument, const QStringList& entries);
    /// The key of an instrument's drawings: "drawings/" and the instrument with '%', '/' and
    /// '\\' percent-encoded (a '/' would open a settings group), e.g. "drawings/SIM:BTCUSDT".
    static QString drawingsKey(const std::string& instrument);

    /// The risk limit settings of `account` ("" = the defaults of every account) as the risk
    /// limits dialog saved them (RiskLimits settings keys and values); empty when none are
    /// stored. Key `risk/<account>` ("risk/%default" for ""), a list of "key=value".
    std::map<std::string, std::string> riskLimits(const std::string& account) const;
    /// Replaces them; an empty map removes the account's key.
    void saveRiskLimits(const std::string& account,
                        const std::map<std::string, std::string>& settings);
    /// The accounts with stored risk limits ("" for the defaults).
    std::vector<std::string> riskLimitAccounts() const;
    /// Trading preferences (one-click trading, the kill switch's remembered choice):
    /// `trading/<name>`.
    QVariant tradingValue(const QString& name, const QVariant& fallback = {}) const;
    void setTradingValue(const QString& name, const QVariant& value);

    QSettings& settings() { return *m_settings; }
    void sync() { m_settings->sync(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace cw::ui
