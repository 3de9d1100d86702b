// SPDX-License-Identifier: MIT
#include "tests/cli/CliProcess.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace cw::tests {

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

CliRun CliProcess::run(const std::string& arguments) {
    static int counter = 0;
    const auto dir = std::filesystem::temp_directory_path();
    const std::string stem =
        "cw_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    const auto outPath = dir / (stem + ".out");
    const auto errPath = dir / (stem + ".err");
    const std::string command = "cd '" CW_CLI_FIXTURES "' && '" CW_CLI_PATH "' " + arguments +
                                " >'" + outPath.string() + "' 2>'" + errPath.string() + "'";
    const int status = std::system(command.c_str());
    CliRun run;
    run.exitCode = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
    run.out = slurp(outPath);
    run.err = slurp(errPath);
    std::error_code ignored;
    std::filesystem::remove(outPath, ignored);
    std::filesystem::remove(errPath, ignored);
    return run;
}

} // namespace cw::tests
