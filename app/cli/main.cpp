// SPDX-License-Identifier: MIT
// candlewick-cli: indicators and risk figures from CSV files, for scripts and pipelines.
#include "app/cli/CliExitCode.hpp"
#include "app/cli/IndicatorsCommand.hpp"
#include "app/cli/VarCommand.hpp"

#include <iostream>
#include <string>
#include <vector>

#ifndef CW_CLI_VERSION
#error "CW_CLI_VERSION must be defined by the build"
#endif

namespace {

void printHelp(std::ostream& out) {
    out << "Usage: candlewick-cli <command> [options]\n"
           "\n"
           "Commands:\n"
           "  indicators   compute indicators over OHLCV bars from CSV, or --list them\n"
           "  var          Value-at-Risk and Expected Shortfall from a CSV of returns\n"
           "\n"
           "Options:\n"
           "  --help       show this help ('candlewick-cli <command> --help' for a command)\n"
           "  --version    print the version\n"
           "\n"
           "Exit status: 0 success, 1 invalid input data or unwritable output, 2 bad usage.\n";
}

} // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    if (args.empty()) {
        printHelp(std::cerr);
        return cw::cli::kExitUsage;
    }
    const std::string command = args.front();
    const std::span<const std::string> rest = std::span(args).subspan(1);
    if (command == "--help" || command == "-h" || command == "help") {
        printHelp(std::cout);
        return cw::cli::kExitOk;
    }
    if (command == "--version") {
        std::cout << "candlewick-cli " << CW_CLI_VERSION << '\n';
        return cw::cli::kExitOk;
    }
    int status = cw::cli::kExitUsage;
    if (command == "indicators") {
        status = cw::cli::IndicatorsCommand::run(rest, std::cout, std::cerr);
    } else if (command == "var") {
        status = cw::cli::VarCommand::run(rest, std::cout, std::cerr);
    } else {
        std::cerr << "candlewick-cli: unknown " << (command.starts_with("-") ? "option" : "command")
                  << " '" << command << "'\nTry 'candlewick-cli --help'.\n";
    }
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "candlewick-cli: writing to standard output failed\n";
        return cw::cli::kExitInput;
    }
    return status;
}
