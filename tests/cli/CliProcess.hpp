// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cw::tests {

/// What a finished candlewick-cli run left behind.
struct CliRun {
    int exitCode = -1; ///< -1 when the process did not exit normally
    std::string out;   ///< everything written to standard output
    std::string err;   ///< everything written to standard error
};

/// Runs candlewick-cli with `arguments` (a shell-quoted string) in the fixture directory,
/// capturing both output streams through temporary files.
class CliProcess {
public:
    static CliRun run(const std::string& arguments);
};

} // namespace cw::tests
