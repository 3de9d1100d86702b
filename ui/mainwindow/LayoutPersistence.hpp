// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mainwindow/WorkspaceState.hpp"

#include <QSettings>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace cw::ui {

/// Reads and writes the workspace and the simulation's settings with QSettings.
///
/// With an empty `iniPath` the platform's default store for organisation/application
/// "Candlewick" is used (QCoreApplication's names); otherwise the given INI file (tests).
/// Keys: `workspace/*` (charts as an array with instrument, timeframe, style and indicators as
/// spec strings with colours and width), `window/geometry`, `window/state`, `theme`,
/// `simulation/seed`, `simulation/speed`. Unreadable entries are skipped, never fatal.
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

    QSettings& settings() { return *m_settings; }
    void sync() { m_settings->sync(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace cw::ui
