// SPDX-License-Identifier: MIT
#include "app/cli/IndicatorsCommand.hpp"

#include "app/cli/CliArguments.hpp"
#include "app/cli/CliExitCode.hpp"
#include "core/indicators/IndicatorRegistry.hpp"
#include "core/marketdata/BarCsvReader.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <vector>

namespace cw::cli {

namespace {

constexpr std::array kOptions{
    CliOption{"input", true, false},  CliOption{"indicator", true, true},
    CliOption{"output", true, false}, CliOption{"list", false, false},
    CliOption{"help", false, false},
};

// Shortest text that reads back to the same double; NaN (warm-up) as an empty field.
void appendValue(std::string& line, double value) {
    if (std::isnan(value))
        return;
    std::array<char, 32> buffer{};
    const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    line.append(buffer.data(), r.ptr);
}

std::string formatParameter(double value) {
    std::array<char, 32> buffer{};
    const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), r.ptr);
}

void printList(std::ostream& out) {
    using indicators::ParameterType;
    using indicators::Placement;
    for (const auto& d : indicators::IndicatorRegistry::builtin().descriptors()) {
        out << d.name << " - " << d.displayName << " ("
            << (d.placement == Placement::PriceOverlay ? "overlay on price" : "own pane") << ")\n";
        if (!d.description.empty())
            out << "    " << d.description << '\n';
        if (d.parameters.empty())
            out << "    parameters: none\n";
        for (const auto& p : d.parameters) {
            out << "    parameter " << p.name << ": "
                << (p.type == ParameterType::Integer ? "integer" : "real") << " in ["
                << formatParameter(p.minValue) << ", " << formatParameter(p.maxValue)
                << "], default " << formatParameter(p.defaultValue);
            if (!p.description.empty())
                out << " - " << p.description;
            out << '\n';
        }
        out << "    outputs:";
        for (const auto& o : d.outputs)
            out << ' ' << o;
        out << "\n";
    }
}

} // namespace

void IndicatorsCommand::printHelp(std::ostream& out) {
    out << "Usage: candlewick-cli indicators --input BARS.csv --indicator SPEC [--indicator SPEC "
           "...]\n"
           "                                [--output OUT.csv]\n"
           "       candlewick-cli indicators --list\n"
           "\n"
           "Computes indicators over OHLCV bars and writes the input columns followed by one\n"
           "column per indicator output (\"rsi_14\", \"bbands_20_2_upper\", ...). Values are\n"
           "written in their shortest exact form; warm-up rows are empty.\n"
           "\n"
           "Options:\n"
           "  --input FILE        CSV with a header naming time,open,high,low,close,volume\n"
           "  --indicator SPEC    name[:p1[,p2...]], e.g. rsi:14, bbands:20,2, obv (repeatable;\n"
           "                      omitted trailing parameters take their defaults)\n"
           "  --output FILE       write the CSV here instead of standard output\n"
           "  --list              list every indicator with its parameters and outputs\n"
           "  --help              show this help\n";
}

int IndicatorsCommand::run(std::span<const std::string> args, std::ostream& out,
                           std::ostream& err) {
    auto parsed = CliArguments::parse(args, kOptions);
    if (!parsed) {
        err << "candlewick-cli: indicators: " << parsed.error().message
            << "\nTry 'candlewick-cli indicators --help'.\n";
        return kExitUsage;
    }
    if (parsed->has("help")) {
        printHelp(out);
        return kExitOk;
    }
    if (parsed->has("list")) {
        printList(out);
        return kExitOk;
    }
    const auto input = parsed->value("input");
    const auto specs = parsed->values("indicator");
    if (!input || specs.empty()) {
        err << "candlewick-cli: indicators: " << (!input ? "--input" : "--indicator")
            << " is required\nTry 'candlewick-cli indicators --help'.\n";
        return kExitUsage;
    }

    // Validate every indicator before reading a possibly large file.
    std::vector<indicators::ConfiguredIndicator> configured;
    for (const auto& spec : specs) {
        auto indicator = indicators::IndicatorRegistry::builtin().parse(spec);
        if (!indicator) {
            err << "candlewick-cli: --indicator '" << spec << "': " << indicator.error().message
                << "\n(see 'candlewick-cli indicators --list')\n";
            return kExitUsage;
        }
        configured.push_back(std::move(*indicator));
    }

    auto data = marketdata::BarCsvReader::readFile(*input);
    if (!data) {
        err << "candlewick-cli: " << data.error().message << '\n';
        return kExitInput;
    }

    const std::size_t rows = data->bars.size();
    std::string header = data->headerLine;
    std::vector<std::vector<double>> columns;
    for (const auto& indicator : configured) {
        const auto names = indicator.outputColumnNames();
        const std::size_t first = columns.size();
        for (const auto& name : names) {
            header += ',';
            header += name;
            columns.emplace_back(rows);
        }
        std::vector<std::span<double>> outputs;
        for (std::size_t k = 0; k < names.size(); ++k)
            outputs.emplace_back(columns[first + k]);
        indicator.computeBatch(data->bars.view(), outputs);
    }

    std::ofstream file;
    std::ostream* sink = &out;
    const auto outputPath = parsed->value("output");
    if (outputPath) {
        file.open(*outputPath, std::ios::binary | std::ios::trunc);
        if (!file) {
            err << "candlewick-cli: cannot write '" << *outputPath << "': " << std::strerror(errno)
                << '\n';
            return kExitInput;
        }
        sink = &file;
    }
    std::string line = header;
    line += '\n';
    sink->write(line.data(), static_cast<std::streamsize>(line.size()));
    for (std::size_t i = 0; i < rows; ++i) {
        line = data->rowLines[i];
        for (const auto& column : columns) {
            line += ',';
            appendValue(line, column[i]);
        }
        line += '\n';
        sink->write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    sink->flush();
    if (!*sink) {
        err << "candlewick-cli: writing the output failed"
            << (outputPath ? " ('" + *outputPath + "')" : std::string()) << '\n';
        return kExitInput;
    }
    return kExitOk;
}

} // namespace cw::cli
