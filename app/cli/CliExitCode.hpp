// SPDX-License-Identifier: MIT
#pragma once

namespace cw::cli {

/// Exit status of candlewick-cli (documented in docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInput = 1; ///< unreadable or invalid input file, output not writable
inline constexpr int kExitUsage = 2; ///< unknown command or option, bad option value

} // namespace cw::cli
