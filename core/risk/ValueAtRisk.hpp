// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cw::risk {

/// Value-at-Risk and Expected Shortfall at one confidence level, both as positive amounts of
/// money lost (in the currency of the position); a negative VaR means even the tail outcome
/// at that confidence is a gain.
struct RiskEstimate {
    double confidence = 0.0;        ///< in (0, 1), e.g. 0.99
    double valueAtRisk = 0.0;       ///< loss quantile at `confidence`
    double expectedShortfall = 0.0; ///< mean of the losses at or beyond `valueAtRisk`
    std::size_t samples = 0;        ///< number of loss samples the estimate was built from
};

/// VaR and ES of a sample of losses (positive = money lost).
///
/// VaR is the `confidence` quantile of the losses with linear interpolation between order
/// statistics, the same rule as NumPy's default `quantile` ("linear", type 7): with the losses
/// sorted ascending as x[0..n-1] and h = (n - 1) * confidence, VaR = x[floor(h)] +
/// (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]). ES is the arithmetic mean of every loss
/// >= VaR, so ES >= VaR always.
///
/// `losses` is reordered in place (partial sort); its contents stay the same multiset.
/// Errors: InvalidArgument for an empty sample, a confidence outside (0, 1) or NaN, and a NaN
/// or infinite loss (the message names its index).
/// Thread: pure function, safe from any thread.
Result<RiskEstimate> estimateFromLosses(std::span<double> losses, double confidence);

/// Historical-simulation VaR/ES of a position of `positionValue` (money, may be negative for
/// a short) held over one period of the return series: loss_i = -returns[i] * positionValue.
///
/// `returns` are simple per-period returns (0.01 = +1%). Errors: InvalidArgument for an empty
/// series, confidence outside (0, 1), a non-finite positionValue, and a NaN or infinite return
/// ("return at index 7 is NaN").
/// Thread: pure function, safe from any thread.
Result<RiskEstimate> historicalVar(std::span<const double> returns, double confidence,
                                   double positionValue = 1.0);

/// Overlapping `horizon`-period compounded returns, prod(1 + r[i..i+horizon)) - 1, for
/// historical VaR over a horizon of several periods. A horizon of 1 returns the input.
/// Errors: InvalidArgument when horizon is 0 or longer than the series, or a return is not
/// finite (index named).
Result<std::vector<double>> compoundReturns(std::span<const double> returns, std::size_t horizon);

/// Geometric Brownian motion of one asset: dS = mu S dt + sigma S dW.
struct GbmParameters {
    double spot = 100.0;          ///< S0, price per unit, > 0
    double drift = 0.05;          ///< mu, per year (0.05 = 5%/yr)
    double volatility = 0.20;     ///< sigma, per square-root year, >= 0
    double dtYears = 1.0 / 252.0; ///< length of one simulated step in years, > 0
};

/// How a Monte Carlo run is shaped. The result depends only on (paths, steps, seed): each path
/// draws from its own random stream derived from (seed, path index), so any thread count gives
/// bit-identical results.
struct MonteCarloConfig {
    std::size_t paths = 1000; ///< number of simulated paths, >= 1
    std::size_t steps = 252;  ///< steps per path; horizon = steps * dtYears, >= 1
    std::uint64_t seed = 42;  ///< any value
    unsigned threads = 0;     ///< worker threads, 0 = std::thread::hardware_concurrency()
};

/// Monte Carlo VaR/ES of holding `quantity` units (negative = short) from now to the end of
/// the horizon: each path is simulated step by step with exact GBM log-increments
/// (mu - sigma^2/2) dt + sigma sqrt(dt) Z, Z ~ N(0,1) drawn for every step, and
/// P&L = (S_T - S0) * quantity; losses are -P&L, summarised by estimateFromLosses.
///
/// Errors: InvalidArgument for spot <= 0, volatility < 0, dtYears <= 0, any non-finite
/// parameter, paths or steps of 0, confidence outside (0, 1), a non-finite quantity.
/// Thread: safe from any thread; uses up to `config.threads` std::threads internally and joins
/// them before returning.
Result<RiskEstimate> monteCarloVar(const GbmParameters& gbm, const MonteCarloConfig& config,
                                   double confidence, double quantity = 1.0);

/// Fits GBM drift and volatility to a series of simple per-period returns, each period
/// `dtYears` long: with l_i = ln(1 + r_i), m = mean(l) and s = sample standard deviation of l
/// (n - 1 denominator), sigma = s / sqrt(dtYears) and mu = m / dtYears + sigma^2 / 2.
/// The result carries `spot` and `dtYears` as given.
/// Errors: InvalidArgument for fewer than 2 returns, a return <= -1 (a loss of everything has
/// no log), a NaN/infinite return (index named), spot <= 0 or dtYears <= 0.
Result<GbmParameters> fitGbm(std::span<const double> returns, double dtYears, double spot);

} // namespace cw::risk
