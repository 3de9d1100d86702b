// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/sim/PaperAccountState.hpp"
#include "core/common/Result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cw::adapters::sim {

/// The paper broker's account file: balances, positions, working orders and recent fills as
/// tab-separated text lines with exact decimals (format in docs/simulated-exchange.md).
///
/// Thread: stateless; safe from any thread (one writer per file).
class PaperAccountFile {
public:
    /// The first line of every account file.
    static constexpr std::string_view kHeader = "candlewick-paper-account\t1";

    /// nullopt when no file exists at `path`; ParseError naming the line when it exists but
    /// is not a complete account file (corrupt, truncated, from another program), IoError
    /// when it cannot be read.
    static Result<std::optional<PaperAccountState>> load(const std::string& path);
    /// Writes `state` to `path` atomically: a temporary file next to it, then a rename, so a
    /// crash leaves the old file or the new one, never half of one. IoError on failure.
    static Result<void> save(const std::string& path, const PaperAccountState& state);

    /// The file's text for `state`, and back (ParseError as `load`; `origin` names the source
    /// in messages).
    static std::string format(const PaperAccountState& state);
    static Result<PaperAccountState> parse(std::string_view text, std::string_view origin);
};

} // namespace cw::adapters::sim
