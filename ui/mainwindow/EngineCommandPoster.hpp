// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/EngineCommand.hpp"

#include <functional>

namespace cw::ui {

/// How widgets hand a command to the engine (EngineBridge::post in the application, a
/// recorder in tests). Local rejections are reported by the poster (the log), engine
/// rejections arrive later through EngineBridge::commandFailed.
using EngineCommandPoster = std::function<void(engine::EngineCommand)>;

} // namespace cw::ui
