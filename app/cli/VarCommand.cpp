// SPDX-License-Identifier: MIT
#include "app/cli/VarCommand.hpp"

#include "app/cli/CliArguments.hpp"
#include "app/cli/CliExitCode.hpp"
#include "core/marketdata/ReturnsCsvReader.hpp"
#include "core/risk/ValueAtRisk.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace cw::cli {

namespace {

constexpr std::array kOptions{
    CliOption{"input", true, false},        CliOption{"confidence", true, false},
    CliOption{"method", true, false},       CliOption{"position", true, false},
    CliOption{"horizon-days", true, false}, CliOption{"paths", true, false},
    CliOption{"steps", true, false},        CliOption{"seed", true, false},
    CliOption{"threads", true, false},      CliOption{"periods-per-year", true, false},
    CliOption{"json", false, false},        CliOption{"help", false, false},
};

std::string exact(double value) {
    std::array<char, 32> buffer{};
    const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), r.ptr);
}

std::string money(double value) {
    std::array<char, 64> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.2f", value);
    return buffer.data();
}

struct Settings {
    std::string input;
    std::string method;
    double confidence = 0.99;
    double position = 1.0;
    std::uint64_t horizonDays = 1;
    std::uint64_t paths = 10'000;
    std::uint64_t steps = 0;
    std::uint64_t seed = 42;
    std::uint64_t threads = 0;
    double periodsPerYear = 252.0;
    bool json = false;
};

Result<Settings> readSettings(const CliArguments& args) {
    Settings s;
    const auto input = args.value("input");
    if (!input)
        return fail(ErrorCode::InvalidArgument, "--input is required");
    s.input = *input;
    s.method = args.value("method").value_or("hist");
    if (s.method != "hist" && s.method != "mc")
        return fail(ErrorCode::InvalidArgument,
                    "option '--method': '" + s.method + "' is not one of hist, mc");
    auto confidence = args.number("confidence", 0.99);
    if (!confidence)
        return confidence.error();
    if (!(*confidence > 0.0 && *confidence < 1.0))
        return fail(ErrorCode::InvalidArgument,
                    "option '--confidence' must be strictly between 0 and 1 (e.g. 0.99), got " +
                        *args.value("confidence"));
    s.confidence = *confidence;
    auto position = args.number("position", 1.0);
    auto horizon = args.count("horizon-days", 1, 1);
    auto paths = args.count("paths", 10'000, 1);
    auto seed = args.count("seed", 42, 0);
    auto threads = args.count("threads", 0, 0);
    auto periods = args.number("periods-per-year", 252.0);
    for (const Result<double>* r : {&position, &periods})
        if (!*r)
            return r->error();
    for (const Result<std::uint64_t>* r : {&horizon, &paths, &seed, &threads})
        if (!*r)
            return r->error();
    if (*periods <= 0.0)
        return fail(ErrorCode::InvalidArgument, "option '--periods-per-year' must be positive");
    if (*threads > 1024)
        return fail(ErrorCode::InvalidArgument, "option '--threads' must be at most 1024");
    auto steps = args.count("steps", *horizon, 1);
    if (!steps)
        return steps.error();
    s.position = *position;
    s.horizonDays = *horizon;
    s.paths = *paths;
    s.steps = *steps;
    s.seed = *seed;
    s.threads = *threads;
    s.periodsPerYear = *periods;
    s.json = args.has("json");
    return s;
}

} // namespace

void VarCommand::printHelp(std::ostream& out) {
    out << "Usage: candlewick-cli var --input RETURNS.csv [--confidence C] [--method hist|mc]\n"
           "                         [--position VALUE] [--horizon-days N] [--json]\n"
           "                         [--paths N] [--steps N] [--seed N] [--threads N]\n"
           "                         [--periods-per-year N]\n"
           "\n"
           "Value-at-Risk and Expected Shortfall of a position, from simple per-period returns\n"
           "(one per line, 0.01 = +1%). Both are printed as positive amounts lost.\n"
           "\n"
           "Options:\n"
           "  --input FILE            returns: a single column, or a column named 'return'\n"
           "  --confidence C          confidence level in (0, 1) (default 0.99)\n"
           "  --method hist|mc        historical simulation (default) or Monte Carlo GBM\n"
           "                          fitted to the returns\n"
           "  --position VALUE        position value in money; negative = short (default 1)\n"
           "  --horizon-days N        holding period in periods (default 1); hist uses\n"
           "                          overlapping N-period compounded returns\n"
           "  --paths N               mc: number of simulated paths (default 10000)\n"
           "  --steps N               mc: steps per path over the horizon (default N days)\n"
           "  --seed N                mc: random seed (default 42); same seed, same result\n"
           "  --threads N             mc: worker threads, 0 = all cores (default 0)\n"
           "  --periods-per-year N    mc: periods per year of the returns (default 252)\n"
           "  --json                  print one JSON object instead of text\n"
           "  --help                  show this help\n";
}

int VarCommand::run(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    auto parsed = CliArguments::parse(args, kOptions);
    if (!parsed) {
        err << "candlewick-cli: var: " << parsed.error().message
            << "\nTry 'candlewick-cli var --help'.\n";
        return kExitUsage;
    }
    if (parsed->has("help")) {
        printHelp(out);
        return kExitOk;
    }
    auto settings = readSettings(*parsed);
    if (!settings) {
        err << "candlewick-cli: var: " << settings.error().message
            << "\nTry 'candlewick-cli var --help'.\n";
        return kExitUsage;
    }
    const Settings& s = *settings;

    auto returns = marketdata::ReturnsCsvReader::readFile(s.input);
    if (!returns) {
        err << "candlewick-cli: " << returns.error().message << '\n';
        return kExitInput;
    }

    Result<risk::RiskEstimate> estimate = fail(ErrorCode::Invalid, "not computed");
    risk::GbmParameters gbm;
    if (s.method == "hist") {
        auto horizonReturns = risk::compoundReturns(returns->values, s.horizonDays);
        if (!horizonReturns) {
            err << "candlewick-cli: " << s.input << ": " << horizonReturns.error().message << '\n';
            return kExitInput;
        }
        estimate = risk::historicalVar(*horizonReturns, s.confidence, s.position);
    } else {
        const double periodYears = 1.0 / s.periodsPerYear;
        auto fitted = risk::fitGbm(returns->values, periodYears, 1.0);
        if (!fitted) {
            err << "candlewick-cli: " << s.input << ": " << fitted.error().message << '\n';
            return kExitInput;
        }
        gbm = *fitted;
        gbm.dtYears =
            periodYears * static_cast<double>(s.horizonDays) / static_cast<double>(s.steps);
        risk::MonteCarloConfig config;
        config.paths = s.paths;
        config.steps = s.steps;
        config.seed = s.seed;
        config.threads = static_cast<unsigned>(s.threads);
        // One unit of an asset priced 1: the P&L is the position times the simulated return.
        estimate = risk::monteCarloVar(gbm, config, s.confidence, s.position);
    }
    if (!estimate) {
        err << "candlewick-cli: " << s.input << ": " << estimate.error().message << '\n';
        return kExitInput;
    }

    const bool mc = s.method == "mc";
    if (s.json) {
        out << "{\"method\":\"" << s.method << "\",\"confidence\":" << exact(s.confidence)
            << ",\"position\":" << exact(s.position) << ",\"horizonDays\":" << s.horizonDays
            << ",\"returns\":" << returns->values.size() << ",\"samples\":" << estimate->samples
            << ",\"valueAtRisk\":" << exact(estimate->valueAtRisk)
            << ",\"expectedShortfall\":" << exact(estimate->expectedShortfall);
        if (mc)
            out << ",\"paths\":" << s.paths << ",\"steps\":" << s.steps << ",\"seed\":" << s.seed
                << ",\"drift\":" << exact(gbm.drift) << ",\"volatility\":" << exact(gbm.volatility);
        out << "}\n";
        return kExitOk;
    }
    out << "method:             "
        << (mc ? "Monte Carlo, geometric Brownian motion fitted to the returns"
               : "historical simulation")
        << '\n'
        << "returns:            " << returns->values.size() << " (" << s.input << ")\n"
        << "position:           " << money(s.position) << '\n'
        << "horizon:            " << s.horizonDays << (s.horizonDays == 1 ? " period" : " periods")
        << '\n';
    if (mc)
        out << "fitted drift:       " << exact(gbm.drift) << " per year\n"
            << "fitted volatility:  " << exact(gbm.volatility) << " per sqrt(year)\n"
            << "simulation:         " << s.paths << " paths x " << s.steps << " steps, seed "
            << s.seed << '\n';
    else
        out << "scenarios:          " << estimate->samples << '\n';
    out << "confidence:         " << exact(s.confidence) << '\n'
        << "value at risk:      " << money(estimate->valueAtRisk) << '\n'
        << "expected shortfall: " << money(estimate->expectedShortfall) << '\n';
    return kExitOk;
}

} // namespace cw::cli
