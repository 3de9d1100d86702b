// SPDX-License-Identifier: MIT
// End-to-end tests of the candlewick-cli executable on the CSV files in tests/fixtures/cli.
#include "core/indicators/IndicatorRegistry.hpp"
#include "tests/cli/CliProcess.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using cw::tests::CliProcess;
using cw::tests::CliRun;

namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        fields.push_back(line.substr(start, comma == std::string::npos ? comma : comma - start));
        if (comma == std::string::npos)
            return fields;
        start = comma + 1;
    }
}

std::string readFixture(const std::string& name) {
    std::ifstream in(std::string(CW_CLI_FIXTURES) + "/" + name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

double jsonNumber(const std::string& json, const std::string& key) {
    const std::regex pattern("\"" + key + "\":(-?[0-9.eE+-]+)");
    std::smatch match;
    if (!std::regex_search(json, match, pattern))
        return std::nan("");
    return std::stod(match[1].str());
}

// The bad-input contract: exit status 1, nothing on stdout, and exactly one message on
// stderr naming the file, the line and the problem.
void expectInputError(const CliRun& run, const std::string& expected) {
    EXPECT_EQ(run.exitCode, 1) << run.err;
    EXPECT_EQ(run.err, "candlewick-cli: " + expected + "\n");
}

} // namespace

TEST(CandlewickCli, versionPrintsTheProjectVersion) {
    const CliRun run = CliProcess::run("--version");
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.out, "candlewick-cli " CW_CLI_EXPECTED_VERSION "\n");
}

TEST(CandlewickCli, helpWorksOnEveryCommand) {
    for (const char* args : {"--help", "indicators --help", "var --help"}) {
        const CliRun run = CliProcess::run(args);
        EXPECT_EQ(run.exitCode, 0) << args;
        EXPECT_NE(run.out.find("Usage: candlewick-cli"), std::string::npos) << args;
        EXPECT_TRUE(run.err.empty()) << args;
    }
    EXPECT_NE(CliProcess::run("var --help").out.find("--confidence"), std::string::npos);
    EXPECT_NE(CliProcess::run("indicators --help").out.find("--indicator"), std::string::npos);
}

TEST(CandlewickCli, noCommandPrintsUsageAndFails) {
    const CliRun run = CliProcess::run("");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("Usage"), std::string::npos);
}

TEST(CandlewickCli, indicatorsAppendsColumnsToTheVerbatimInput) {
    const CliRun run = CliProcess::run("indicators --input bars.csv --indicator rsi:14 "
                                       "--indicator bbands:20,2");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(run.err.empty());
    const auto input = splitLines(readFixture("bars.csv"));
    const auto output = splitLines(run.out);
    ASSERT_EQ(output.size(), input.size());
    EXPECT_EQ(output[0],
              input[0] + ",rsi_14,bbands_20_2_upper,bbands_20_2_middle,bbands_20_2_lower");

    std::vector<double> closes;
    for (std::size_t row = 1; row < input.size(); ++row) {
        const std::size_t bar = row - 1;
        ASSERT_EQ(output[row].rfind(input[row] + ",", 0), 0U) << "row " << row;
        const auto fields = splitFields(output[row]);
        ASSERT_EQ(fields.size(), 10U) << output[row];
        closes.push_back(std::stod(fields[4]));

        // RSI(14) needs 14 price changes: empty for the first 14 bars, then in [0, 100].
        if (bar < 14) {
            EXPECT_TRUE(fields[6].empty()) << "bar " << bar;
        } else {
            ASSERT_FALSE(fields[6].empty()) << "bar " << bar;
            const double rsi = std::stod(fields[6]);
            EXPECT_GE(rsi, 0.0);
            EXPECT_LE(rsi, 100.0);
        }
        // Bollinger(20, 2): empty until 20 closes exist; the middle band is their mean.
        if (bar < 19) {
            EXPECT_TRUE(fields[7].empty() && fields[8].empty() && fields[9].empty());
        } else {
            const double upper = std::stod(fields[7]);
            const double middle = std::stod(fields[8]);
            const double lower = std::stod(fields[9]);
            double sum = 0.0;
            for (std::size_t k = closes.size() - 20; k < closes.size(); ++k)
                sum += closes[k];
            EXPECT_NEAR(middle, sum / 20.0, 1e-9);
            EXPECT_GT(upper, middle);
            EXPECT_NEAR(upper - middle, middle - lower, 1e-9);
        }
    }
}

TEST(CandlewickCli, indicatorsOutputFileHoldsWhatStdoutWouldShow) {
    const auto path = std::filesystem::temp_directory_path() / "cw_cli_test_output.csv";
    const CliRun toFile = CliProcess::run("indicators --input bars.csv --indicator sma:5 "
                                          "--output '" +
                                          path.string() + "'");
    ASSERT_EQ(toFile.exitCode, 0) << toFile.err;
    EXPECT_TRUE(toFile.out.empty());
    std::ifstream in(path);
    std::ostringstream written;
    written << in.rdbuf();
    std::filesystem::remove(path);
    const CliRun toStdout = CliProcess::run("indicators --input bars.csv --indicator sma:5");
    EXPECT_EQ(written.str(), toStdout.out);
    EXPECT_NE(written.str().find(",sma_5\n"), std::string::npos);
}

TEST(CandlewickCli, listNamesEveryRegisteredIndicator) {
    const CliRun run = CliProcess::run("indicators --list");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto& descriptors = cw::indicators::IndicatorRegistry::builtin().descriptors();
    ASSERT_FALSE(descriptors.empty());
    const std::string listing = "\n" + run.out;
    for (const auto& d : descriptors) {
        EXPECT_NE(listing.find("\n" + d.name + " - " + d.displayName), std::string::npos) << d.name;
        for (const auto& p : d.parameters)
            EXPECT_NE(run.out.find("parameter " + p.name + ": "), std::string::npos)
                << d.name << " " << p.name;
    }
    EXPECT_EQ(run.out.rfind(descriptors.front().name + " - ", 0), 0U);
    EXPECT_NE(run.out.find("rsi - "), std::string::npos);
    EXPECT_NE(run.out.find("outputs: upper middle lower"), std::string::npos); // bbands
}

TEST(CandlewickCli, historicalVarIsTheNumpyQuantileOfTheLosses) {
    const CliRun run = CliProcess::run(
        "var --input returns.csv --confidence 0.99 --method hist --position 1000000 --json");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    // Independent computation: losses = -r * position, sorted, linear interpolation.
    auto lines = splitLines(readFixture("returns.csv"));
    std::vector<double> losses;
    for (std::size_t i = 1; i < lines.size(); ++i)
        losses.push_back(-std::stod(lines[i]) * 1e6);
    std::sort(losses.begin(), losses.end());
    const double h = (static_cast<double>(losses.size()) - 1) * 0.99;
    const auto k = static_cast<std::size_t>(h);
    const double var = losses[k] + (h - static_cast<double>(k)) * (losses[k + 1] - losses[k]);
    double tail = 0.0;
    int count = 0;
    for (double l : losses)
        if (l >= var) {
            tail += l;
            ++count;
        }
    EXPECT_NEAR(jsonNumber(run.out, "valueAtRisk"), var, 1e-6);
    EXPECT_NEAR(jsonNumber(run.out, "expectedShortfall"), tail / count, 1e-6);
    EXPECT_EQ(jsonNumber(run.out, "samples"), static_cast<double>(losses.size()));
}

TEST(CandlewickCli, monteCarloVarIsReproducibleAndPlausible) {
    const std::string args =
        "var --input returns.csv --confidence 0.99 --method mc --position 1000000 --paths 20000 "
        "--seed 5 --json";
    const CliRun one = CliProcess::run(args + " --threads 1");
    const CliRun two = CliProcess::run(args + " --threads 2");
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_EQ(one.out, two.out);
    const CliRun hist = CliProcess::run("var --input returns.csv --confidence 0.99 "
                                        "--position 1000000 --json");
    const double mcVar = jsonNumber(one.out, "valueAtRisk");
    const double histVar = jsonNumber(hist.out, "valueAtRisk");
    EXPECT_GT(mcVar, 0.0);
    // A GBM fitted to the same returns lands near the empirical figure (within 30%).
    EXPECT_NEAR(mcVar, histVar, 0.3 * histVar);
    EXPECT_GE(jsonNumber(one.out, "expectedShortfall"), mcVar);
}

TEST(CandlewickCli, varTextReportNamesVarAndEs) {
    const CliRun run = CliProcess::run("var --input returns.csv --confidence 0.95 --method mc "
                                       "--horizon-days 10");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("value at risk:"), std::string::npos);
    EXPECT_NE(run.out.find("expected shortfall:"), std::string::npos);
    EXPECT_NE(run.out.find("10000 paths x 10 steps"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("horizon:            10 periods"), std::string::npos) << run.out;
}

TEST(CandlewickCli, reportsNonNumericValueWithFileLineAndColumn) {
    expectInputError(CliProcess::run("indicators --input bad_number.csv --indicator rsi:14"),
                     "bad_number.csv:17: column 'close': 'abc' is not a number");
}

TEST(CandlewickCli, reportsMissingColumn) {
    expectInputError(CliProcess::run("indicators --input missing_column.csv --indicator rsi"),
                     "missing_column.csv:1: missing column 'volume' (the header must name "
                     "time,open,high,low,close,volume)");
}

TEST(CandlewickCli, reportsUnsortedTime) {
    expectInputError(CliProcess::run("indicators --input unsorted.csv --indicator rsi"),
                     "unsorted.csv:10: time '2024-01-08' is earlier than line 9 (rows must be "
                     "sorted by time)");
}

TEST(CandlewickCli, reportsDuplicateTime) {
    expectInputError(CliProcess::run("indicators --input duplicate_time.csv --indicator rsi"),
                     "duplicate_time.csv:12: duplicate time '2024-01-10': same as line 11");
}

TEST(CandlewickCli, reportsWrongFieldCount) {
    expectInputError(CliProcess::run("indicators --input wrong_fields.csv --indicator rsi"),
                     "wrong_fields.csv:6: expected 6 fields as in the header, found 7");
}

TEST(CandlewickCli, reportsHighBelowLow) {
    const CliRun run = CliProcess::run("indicators --input high_below_low.csv --indicator rsi");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err.rfind("candlewick-cli: high_below_low.csv:4: high ", 0), 0U) << run.err;
    EXPECT_NE(run.err.find(" is below low "), std::string::npos) << run.err;
}

TEST(CandlewickCli, reportsNanValue) {
    expectInputError(CliProcess::run("indicators --input nan_value.csv --indicator rsi"),
                     "nan_value.csv:8: column 'open': 'NaN' is not a finite number");
}

TEST(CandlewickCli, reportsBadTime) {
    expectInputError(CliProcess::run("indicators --input bad_time.csv --indicator rsi"),
                     "bad_time.csv:5: column 'time': '2024-02-30' is not a valid time (no such "
                     "date)");
}

TEST(CandlewickCli, reportsEmptyFile) {
    expectInputError(CliProcess::run("indicators --input empty.csv --indicator rsi"),
                     "empty.csv:1: empty file: expected a header with "
                     "time,open,high,low,close,volume");
}

TEST(CandlewickCli, reportsMissingFile) {
    expectInputError(CliProcess::run("indicators --input no_such_file.csv --indicator rsi"),
                     "cannot open 'no_such_file.csv': No such file or directory");
    expectInputError(CliProcess::run("var --input no_such_file.csv"),
                     "cannot open 'no_such_file.csv': No such file or directory");
}

TEST(CandlewickCli, reportsBadReturns) {
    expectInputError(CliProcess::run("var --input returns_bad_number.csv"),
                     "returns_bad_number.csv:13: column 'return': 'oops' is not a number");
    expectInputError(CliProcess::run("var --input returns_nan.csv --method mc"),
                     "returns_nan.csv:21: column 'return': 'nan' is not a finite number");
}

TEST(CandlewickCli, rejectsUnknownIndicator) {
    const CliRun run = CliProcess::run("indicators --input bars.csv --indicator foo:3");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.rfind("candlewick-cli: --indicator 'foo:3': unknown indicator 'foo'", 0), 0U)
        << run.err;
    EXPECT_TRUE(run.out.empty());
}

TEST(CandlewickCli, rejectsBadIndicatorParameter) {
    for (const char* spec : {"rsi:1", "rsi:abc", "rsi:14.5", "bbands:20,2,7"}) {
        const CliRun run =
            CliProcess::run(std::string("indicators --input bars.csv --indicator ") + spec);
        EXPECT_EQ(run.exitCode, 2) << spec;
        EXPECT_EQ(run.err.rfind("candlewick-cli: --indicator '" + std::string(spec) + "': ", 0), 0U)
            << run.err;
    }
    const CliRun range = CliProcess::run("indicators --input bars.csv --indicator rsi:1");
    EXPECT_NE(range.err.find("period"), std::string::npos) << range.err;
}

TEST(CandlewickCli, rejectsUnknownCommandAndOptions) {
    const CliRun command = CliProcess::run("frobnicate");
    EXPECT_EQ(command.exitCode, 2);
    EXPECT_EQ(command.err.rfind("candlewick-cli: unknown command 'frobnicate'", 0), 0U);

    const CliRun option = CliProcess::run("indicators --input bars.csv --bogus");
    EXPECT_EQ(option.exitCode, 2);
    EXPECT_EQ(option.err.rfind("candlewick-cli: indicators: unknown option '--bogus'", 0), 0U)
        << option.err;

    const CliRun varOption = CliProcess::run("var --input returns.csv --pathz 5");
    EXPECT_EQ(varOption.exitCode, 2);
    EXPECT_NE(varOption.err.find("unknown option '--pathz'"), std::string::npos);
}

TEST(CandlewickCli, rejectsMissingAndBadOptionValues) {
    const CliRun noInput = CliProcess::run("indicators --indicator rsi");
    EXPECT_EQ(noInput.exitCode, 2);
    EXPECT_NE(noInput.err.find("--input is required"), std::string::npos);

    const CliRun dangling = CliProcess::run("var --input");
    EXPECT_EQ(dangling.exitCode, 2);
    EXPECT_NE(dangling.err.find("option '--input' needs a value"), std::string::npos);

    for (const char* confidence : {"0", "1", "99", "abc", "nan"}) {
        const CliRun run =
            CliProcess::run(std::string("var --input returns.csv --confidence ") + confidence);
        EXPECT_EQ(run.exitCode, 2) << confidence;
        EXPECT_NE(run.err.find("--confidence"), std::string::npos) << run.err;
    }
    const CliRun method = CliProcess::run("var --input returns.csv --method magic");
    EXPECT_EQ(method.exitCode, 2);
    EXPECT_NE(method.err.find("'magic' is not one of hist, mc"), std::string::npos);

    const CliRun paths = CliProcess::run("var --input returns.csv --method mc --paths 0");
    EXPECT_EQ(paths.exitCode, 2);
    EXPECT_NE(paths.err.find("'--paths' must be at least 1"), std::string::npos);
}
