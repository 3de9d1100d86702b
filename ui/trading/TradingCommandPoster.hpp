// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/engine/TradingCommand.hpp"

#include <functional>

namespace cw::ui {

/// How the trading widgets hand a command to the engine: EngineBridge::postTrading in the
/// application, a recorder in tests. A failed Result means the command was not queued (the
/// engine's queue is full or it is not running); the engine's own answers (rejections with the
/// rule and the numbers, placed orders) arrive later in TradingSnapshot::notices.
/// Thread: GUI.
using TradingCommandPoster = std::function<Result<void>(engine::TradingCommand)>;

} // namespace cw::ui
