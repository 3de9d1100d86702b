// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace cw::cli {

/// `candlewick-cli var`: Value-at-Risk and Expected Shortfall of a position from a CSV of
/// per-period returns, by historical simulation or Monte Carlo GBM fitted to the returns.
/// See docs/cli.md. Returns the process exit code (0 ok, 1 bad input, 2 bad usage).
class VarCommand {
public:
    static int run(std::span<const std::string> args, std::ostream& out, std::ostream& err);
    static void printHelp(std::ostream& out);
};

} // namespace cw::cli
