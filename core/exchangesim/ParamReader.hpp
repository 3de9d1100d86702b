// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Decimal.hpp"
#include "core/exchangesim/RequestParams.hpp"
#include "core/exchangesim/VenueError.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cw::exchangesim {

/// Reads one request's parameters the way the venue validates them, keeping the first
/// problem as the venue's error: a mandatory parameter missing or empty is -1102, a value
/// with characters outside the parameter's legal range -1100. Read everything, then check
/// `error()` once:
///
///     ParamReader p(params);
///     const std::string symbol = p.text("symbol");
///     const auto limit = p.optionalInteger("limit");
///     if (auto e = p.error()) return *e;
///
/// Thread: a plain value.
class ParamReader {
public:
    explicit ParamReader(const RequestParams& params) : m_params(params) {}

    /// A mandatory parameter (-1102 when absent or empty).
    std::string text(std::string_view name);
    /// An optional parameter; empty counts as absent.
    std::optional<std::string> optionalText(std::string_view name) const;
    /// Optional non-negative integer (-1100 for anything but 1..20 digits).
    std::optional<std::int64_t> optionalInteger(std::string_view name);
    /// Mandatory non-negative integer.
    std::int64_t integer(std::string_view name);
    /// Optional non-negative decimal ("0.1", "100"; -1100 otherwise, -1111 beyond 18 decimals).
    std::optional<Decimal> optionalDecimal(std::string_view name);

    /// The first problem found so far.
    const std::optional<VenueError>& error() const { return m_error; }
    /// Records a problem (kept only when it is the first).
    void setError(VenueError error);

    static VenueError missing(std::string_view name);
    static VenueError illegal(std::string_view name, std::string_view legalRange);

private:
    const RequestParams& m_params;
    std::optional<VenueError> m_error;
};

} // namespace cw::exchangesim
