// SPDX-License-Identifier: MIT
#include "core/exchangesim/ParamReader.hpp"

#include <algorithm>

namespace cw::exchangesim {

namespace {
constexpr std::string_view kIntegerRange = "^[0-9]{1,20}$";
constexpr std::string_view kDecimalRange = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";

bool isDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}
} // namespace

VenueError ParamReader::missing(std::string_view name) {
    return VenueError{400, -1102,
                      "Mandatory parameter '" + std::string(name) +
                          "' was not sent, was empty/null, or malformed."};
}

VenueError ParamReader::illegal(std::string_view name, std::string_view legalRange) {
    return VenueError{400, -1100,
                      "Illegal characters found in parameter '" + std::string(name) +
                          "'; legal range is '" + std::string(legalRange) + "'."};
}

void ParamReader::setError(VenueError error) {
    if (!m_error)
        m_error = std::move(error);
}

std::optional<std::string> ParamReader::optionalText(std::string_view name) const {
    auto value = m_params.get(name);
    if (!value || value->empty())
        return std::nullopt;
    return value;
}

std::string ParamReader::text(std::string_view name) {
    auto value = optionalText(name);
    if (!value) {
        setError(missing(name));
        return {};
    }
    return *value;
}

std::optional<std::int64_t> ParamReader::optionalInteger(std::string_view name) {
    const auto value = optionalText(name);
    if (!value)
        return std::nullopt;
    if (!isDigits(*value) || value->size() > 18) {
        setError(illegal(name, kIntegerRange));
        return std::nullopt;
    }
    return std::stoll(*value);
}

std::int64_t ParamReader::integer(std::string_view name) {
    if (!optionalText(name)) {
        setError(missing(name));
        return 0;
    }
    return optionalInteger(name).value_or(0);
}

std::optional<Decimal> ParamReader::optionalDecimal(std::string_view name) {
    const auto value = optionalText(name);
    if (!value)
        return std::nullopt;
    const auto dot = value->find('.');
    const std::string_view whole = std::string_view(*value).substr(0, dot);
    const std::string_view fraction =
        dot == std::string::npos ? std::string_view("0") : std::string_view(*value).substr(dot + 1);
    if (!isDigits(whole) || !isDigits(fraction) || whole.size() > 20 || fraction.size() > 20) {
        setError(illegal(name, kDecimalRange));
        return std::nullopt;
    }
    auto parsed = Decimal::parse(*value);
    if (!parsed) {
        if (parsed.error().code == ErrorCode::OutOfRange)
            setError(VenueError{400, -1111,
                                "Parameter '" + std::string(name) + "' has too much precision."});
        else
            setError(illegal(name, kDecimalRange));
        return std::nullopt;
    }
    return *parsed;
}

} // namespace cw::exchangesim
