// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/AdapterRegistry.hpp"

#include <QString>

namespace cw::ui {

/// How the application (or a test) starts the main window.
struct MainWindowOptions {
    /// INI file for the workspace and settings; empty: the platform's default store for
    /// organisation/application "Candlewick".
    QString settingsFile;
    /// Settings of the simulated exchange that override the stored ones (seed, speed,
    /// startTime, historyDays, stepMs); see docs/simulated-exchange.md.
    adapters::AdapterSettings simulation;
    /// False: ignore the saved workspace and start with the default one.
    bool restoreWorkspace = true;
    /// The trade journal (SQLite file, created when missing). The application passes
    /// `<AppDataLocation>/journal.sqlite`, tests a file in a temporary folder. Empty: no journal,
    /// and then trading is disabled (market data, charts and the rest work).
    QString journalFile;
};

} // namespace cw::ui
