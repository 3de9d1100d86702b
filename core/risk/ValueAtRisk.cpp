// SPDX-License-Identifier: MIT
#include "core/risk/ValueAtRisk.hpp"

#include "core/risk/GbmPathSimulator.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace cw::risk {

namespace {

Result<void> checkConfidence(double confidence) {
    if (!(confidence > 0.0 && confidence < 1.0))
        return fail(ErrorCode::InvalidArgument,
                    "confidence must be strictly between 0 and 1, got " +
                        std::to_string(confidence));
    return {};
}

Result<void> checkFinite(std::span<const double> values, const char* what) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]))
            return fail(ErrorCode::InvalidArgument,
                        std::string(what) + " at index " + std::to_string(i) + " is " +
                            (std::isnan(values[i]) ? "NaN" : "infinite"));
    }
    return {};
}

// NumPy's linear interpolation, written the way NumPy evaluates it (from whichever end is
// nearer) so that results agree to the last bit.
double lerp(double a, double b, double t) {
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

} // namespace

Result<RiskEstimate> estimateFromLosses(std::span<double> losses, double confidence) {
    if (auto ok = checkConfidence(confidence); !ok)
        return ok.error();
    if (losses.empty())
        return fail(ErrorCode::InvalidArgument, "no samples: the loss series is empty");
    if (auto ok = checkFinite(losses, "loss"); !ok)
        return ok.error();

    const std::size_t n = losses.size();
    const double h = static_cast<double>(n - 1) * confidence;
    const auto k = static_cast<std::size_t>(std::floor(h));
    const double fraction = h - static_cast<double>(k);
    std::nth_element(losses.begin(), losses.begin() + static_cast<std::ptrdiff_t>(k), losses.end());
    const double below = losses[k];
    double var = below;
    if (k + 1 < n) {
        const double above =
            *std::min_element(losses.begin() + static_cast<std::ptrdiff_t>(k) + 1, losses.end());
        var = lerp(below, above, fraction);
    }

    double tailSum = 0.0;
    std::size_t tailCount = 0;
    for (std::size_t i = k; i < n; ++i) {
        if (losses[i] >= var) {
            tailSum += losses[i];
            ++tailCount;
        }
    }
    // lerp can round a hair above every sample when they are all equal; then the tail is
    // the largest sample alone.
    const double es = tailCount > 0 ? tailSum / static_cast<double>(tailCount)
                                    : *std::max_element(losses.begin(), losses.end());
    return RiskEstimate{confidence, var, std::max(es, var), n};
}

Result<RiskEstimate> historicalVar(std::span<const double> returns, double confidence,
                                   double positionValue) {
    if (auto ok = checkConfidence(confidence); !ok)
        return ok.error();
    if (returns.empty())
        return fail(ErrorCode::InvalidArgument, "no samples: the return series is empty");
    if (auto ok = checkFinite(returns, "return"); !ok)
        return ok.error();
    if (!std::isfinite(positionValue))
        return fail(ErrorCode::InvalidArgument, "position value must be finite");
    std::vector<double> losses(returns.size());
    std::transform(returns.begin(), returns.end(), losses.begin(),
                   [positionValue](double r) { return -r * positionValue; });
    return estimateFromLosses(losses, confidence);
}

Result<std::vector<double>> compoundReturns(std::span<const double> returns, std::size_t horizon) {
    if (horizon == 0)
        return fail(ErrorCode::InvalidArgument, "horizon must be at least 1 period");
    if (horizon > returns.size())
        return fail(ErrorCode::InvalidArgument,
                    "horizon of " + std::to_string(horizon) + " periods is longer than the " +
                        std::to_string(returns.size()) + " returns given");
    if (auto ok = checkFinite(returns, "return"); !ok)
        return ok.error();
    if (horizon == 1)
        return std::vector<double>(returns.begin(), returns.end());
    std::vector<double> out;
    out.reserve(returns.size() - horizon + 1);
    for (std::size_t i = 0; i + horizon <= returns.size(); ++i) {
        double growth = 1.0;
        for (std::size_t j = i; j < i + horizon; ++j)
            growth *= 1.0 + returns[j];
        out.push_back(growth - 1.0);
    }
    return out;
}

Result<RiskEstimate> monteCarloVar(const GbmParameters& gbm, const MonteCarloConfig& config,
                                   double confidence, double quantity) {
    if (auto ok = checkConfidence(confidence); !ok)
        return ok.error();
    if (config.paths == 0)
        return fail(ErrorCode::InvalidArgument, "paths must be at least 1");
    if (!std::isfinite(quantity))
        return fail(ErrorCode::InvalidArgument, "quantity must be finite");
    auto simulator = GbmPathSimulator::create(gbm, config.steps, config.seed);
    if (!simulator)
        return simulator.error();

    std::vector<double> losses(config.paths);
    simulator->simulateTerminalParallel(losses, config.threads);
    for (double& value : losses)
        value = -(value - gbm.spot) * quantity;
    return estimateFromLosses(losses, confidence);
}

Result<GbmParameters> fitGbm(std::span<const double> returns, double dtYears, double spot) {
    if (returns.size() < 2)
        return fail(ErrorCode::InvalidArgument,
                    "at least 2 returns are needed to fit a volatility, got " +
                        std::to_string(returns.size()));
    if (!std::isfinite(dtYears) || dtYears <= 0.0)
        return fail(ErrorCode::InvalidArgument, "dt must be a positive number of years");
    if (!std::isfinite(spot) || spot <= 0.0)
        return fail(ErrorCode::InvalidArgument, "spot must be a positive finite price");
    if (auto ok = checkFinite(returns, "return"); !ok)
        return ok.error();
    std::vector<double> logs(returns.size());
    for (std::size_t i = 0; i < returns.size(); ++i) {
        if (returns[i] <= -1.0)
            return fail(ErrorCode::InvalidArgument, "return at index " + std::to_string(i) +
                                                        " is " + std::to_string(returns[i]) +
                                                        ", a loss of 100% or more has no log");
        logs[i] = std::log1p(returns[i]);
    }
    double mean = 0.0;
    for (double l : logs)
        mean += l;
    mean /= static_cast<double>(logs.size());
    double squares = 0.0;
    for (double l : logs)
        squares += (l - mean) * (l - mean);
    const double stdev = std::sqrt(squares / static_cast<double>(logs.size() - 1));

    GbmParameters fitted;
    fitted.spot = spot;
    fitted.dtYears = dtYears;
    fitted.volatility = stdev / std::sqrt(dtYears);
    fitted.drift = mean / dtYears + 0.5 * fitted.volatility * fitted.volatility;
    return fitted;
}

} // namespace cw::risk
