// SPDX-License-Identifier: MIT
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace cw::cli {

/// `candlewick-cli indicators`: computes indicators over an OHLCV CSV file and writes the
/// input columns plus one column per indicator output, or lists the registry (`--list`).
/// See docs/cli.md. Returns the process exit code (0 ok, 1 bad input, 2 bad usage); data goes
/// to `out` (or the --output file), messages to `err`.
class IndicatorsCommand {
public:
    static int run(std::span<const std::string> args, std::ostream& out, std::ostream& err);
    static void printHelp(std::ostream& out);
};

} // namespace cw::cli
