// SPDX-License-Identifier: MIT
#include "core/risk/RiskLimits.hpp"

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Currency.hpp"

#include <string_view>
#include <type_traits>
#include <utility>

namespace cw::risk {

namespace {

constexpr std::string_view kOff = "off";

constexpr std::string_view kMaxOrderQuantity = "maxOrderQuantity";
constexpr std::string_view kMaxOrderNotional = "maxOrderNotional";
constexpr std::string_view kPriceBandPercent = "priceBandPercent";
constexpr std::string_view kPriceBandTicks = "priceBandTicks";
constexpr std::string_view kMaxPosition = "maxPosition";
constexpr std::string_view kMaxOpenOrders = "maxOpenOrders";
constexpr std::string_view kMaxOpenOrdersPerInstrument = "maxOpenOrdersPerInstrument";
constexpr std::string_view kMaxOrdersPerSecond = "maxOrdersPerSecond";
constexpr std::string_view kDailyLossLimit = "dailyLossLimit";

Error badValue(std::string_view key, std::string_view value, std::string_view why) {
    return fail(ErrorCode::InvalidArgument, "risk limit " + std::string(key) + " = '" +
                                                std::string(value) + "': " + std::string(why));
}

std::string moneyText(const Money& money) {
    return money.toString() + " " + std::string(money.currency().code());
}

Result<Decimal> parsePositiveDecimal(std::string_view key, std::string_view value) {
    auto parsed = Decimal::parse(value);
    if (!parsed)
        return badValue(key, value, "not a plain decimal number (" + parsed.error().message + ")");
    if (!parsed->isPositive())
        return badValue(key, value, "must be greater than zero (or 'off')");
    return *parsed;
}

Result<std::int64_t> parseCount(std::string_view key, std::string_view value) {
    auto parsed = Decimal::parse(value, 0);
    if (!parsed)
        return badValue(key, value, "not a whole number (" + parsed.error().message + ")");
    if (parsed->raw() < 1)
        return badValue(key, value, "must be at least 1 (or 'off')");
    return parsed->raw();
}

Result<Money> parsePositiveMoney(std::string_view key, std::string_view value) {
    const std::size_t space = value.find(' ');
    if (space == std::string_view::npos)
        return badValue(key, value, "expected an amount and a currency, e.g. '100000 USDT'");
    const std::string_view amountText = value.substr(0, space);
    const std::string_view currencyText = value.substr(space + 1);
    auto currency = Currency::parse(currencyText);
    if (!currency)
        return badValue(key, value, "bad currency (" + currency.error().message + ")");
    auto amount = parsePositiveDecimal(key, amountText);
    if (!amount)
        return std::move(amount).error();
    return Money(*amount, *currency);
}

template <class T, class Parse>
Result<std::optional<T>> parseOptional(std::string_view key, std::string_view value, Parse parse) {
    if (value == kOff)
        return std::optional<T>();
    auto parsed = parse(key, value);
    if (!parsed)
        return std::move(parsed).error();
    return std::optional<T>(*parsed);
}

Result<Quantity> parseQuantity(std::string_view key, std::string_view value) {
    auto d = parsePositiveDecimal(key, value);
    if (!d)
        return std::move(d).error();
    return Quantity(*d);
}

template <class T, class Format>
void writeLimit(std::map<std::string, std::string>& out, std::string_view key,
                const PerInstrumentLimit<T>& limit, Format format) {
    out[std::string(key)] = limit.defaultValue ? format(*limit.defaultValue) : std::string(kOff);
    for (const auto& [instrument, value] : limit.overrides)
        out[std::string(key) + "." + instrument.toString()] =
            value ? format(*value) : std::string(kOff);
}

template <class T>
void writeOptional(std::map<std::string, std::string>& out, std::string_view key,
                   const std::optional<T>& value) {
    if (!value) {
        out[std::string(key)] = std::string(kOff);
        return;
    }
    if constexpr (std::is_same_v<T, Decimal>)
        out[std::string(key)] = value->toString();
    else
        out[std::string(key)] = std::to_string(*value);
}

Result<void> checkPositive(std::string_view key, const std::optional<Quantity>& value) {
    if (value && !value->isPositive())
        return fail(ErrorCode::InvalidArgument, "risk limit " + std::string(key) +
                                                    " must be greater than zero, not " +
                                                    value->toString());
    return {};
}

Result<void> checkPositive(std::string_view key, const std::optional<Money>& value) {
    if (!value)
        return {};
    if (value->currency().isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    "risk limit " + std::string(key) + " has no currency");
    if (!value->amount().isPositive())
        return fail(ErrorCode::InvalidArgument, "risk limit " + std::string(key) +
                                                    " must be greater than zero, not " +
                                                    moneyText(*value));
    return {};
}

template <class T>
Result<void> checkPerInstrument(std::string_view key, const PerInstrumentLimit<T>& limit) {
    if (auto r = checkPositive(key, limit.defaultValue); !r)
        return r;
    for (const auto& [instrument, value] : limit.overrides) {
        if (instrument.isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        "risk limit " + std::string(key) + " has an override without instrument");
        if (auto r = checkPositive(std::string(key) + "." + instrument.toString(), value); !r)
            return r;
    }
    return {};
}

Result<void> checkCount(std::string_view key, const std::optional<std::int64_t>& value) {
    if (value && *value < 1)
        return fail(ErrorCode::InvalidArgument, "risk limit " + std::string(key) +
                                                    " must be at least 1, not " +
                                                    std::to_string(*value));
    return {};
}

} // namespace

Result<void> RiskLimits::validate() const {
    if (auto r = checkPerInstrument(kMaxOrderQuantity, maxOrderQuantity); !r)
        return r;
    if (auto r = checkPerInstrument(kMaxOrderNotional, maxOrderNotional); !r)
        return r;
    if (priceBandPercent && !priceBandPercent->isPositive())
        return fail(ErrorCode::InvalidArgument,
                    "risk limit priceBandPercent must be greater than zero, not " +
                        priceBandPercent->toString());
    if (auto r = checkCount(kPriceBandTicks, priceBandTicks); !r)
        return r;
    if (auto r = checkPerInstrument(kMaxPosition, maxPosition); !r)
        return r;
    if (auto r = checkCount(kMaxOpenOrders, maxOpenOrders); !r)
        return r;
    if (auto r = checkCount(kMaxOpenOrdersPerInstrument, maxOpenOrdersPerInstrument); !r)
        return r;
    if (auto r = checkCount(kMaxOrdersPerSecond, maxOrdersPerSecond); !r)
        return r;
    return checkPositive(kDailyLossLimit, dailyLossLimit);
}

std::map<std::string, std::string> RiskLimits::toSettings() const {
    std::map<std::string, std::string> out;
    const auto quantityText = [](const Quantity& q) { return q.toString(); };
    writeLimit(out, kMaxOrderQuantity, maxOrderQuantity, quantityText);
    writeLimit(out, kMaxOrderNotional, maxOrderNotional, moneyText);
    writeLimit(out, kMaxPosition, maxPosition, quantityText);
    writeOptional(out, kPriceBandPercent, priceBandPercent);
    writeOptional(out, kPriceBandTicks, priceBandTicks);
    writeOptional(out, kMaxOpenOrders, maxOpenOrders);
    writeOptional(out, kMaxOpenOrdersPerInstrument, maxOpenOrdersPerInstrument);
    writeOptional(out, kMaxOrdersPerSecond, maxOrdersPerSecond);
    out[std::string(kDailyLossLimit)] =
        dailyLossLimit ? moneyText(*dailyLossLimit) : std::string(kOff);
    return out;
}

Result<RiskLimits> RiskLimits::fromSettings(const std::map<std::string, std::string>& settings) {
    RiskLimits limits;
    for (const auto& [fullKey, value] : settings) {
        const std::size_t dot = fullKey.find('.');
        const std::string_view key = std::string_view(fullKey).substr(0, dot);
        std::optional<adapters::InstrumentKey> instrument;
        if (dot != std::string::npos) {
            if (key != kMaxOrderQuantity && key != kMaxOrderNotional && key != kMaxPosition)
                return fail(ErrorCode::InvalidArgument, "risk limit key '" + fullKey +
                                                            "': " + std::string(key) +
                                                            " has no per-instrument overrides");
            auto parsed = adapters::InstrumentKey::parse(fullKey.substr(dot + 1));
            if (!parsed)
                return fail(ErrorCode::InvalidArgument, "risk limit key '" + fullKey +
                                                            "': bad instrument (" +
                                                            parsed.error().message + ")");
            instrument = *parsed;
        }

        const auto store = [&](auto& perInstrument, auto parsed) -> Result<void> {
            if (!parsed)
                return std::move(parsed).error();
            if (instrument)
                perInstrument.overrides[*instrument] = *parsed;
            else
                perInstrument.defaultValue = *parsed;
            return {};
        };

        Result<void> stored;
        if (key == kMaxOrderQuantity) {
            stored = store(limits.maxOrderQuantity,
                           parseOptional<Quantity>(fullKey, value, parseQuantity));
        } else if (key == kMaxOrderNotional) {
            stored = store(limits.maxOrderNotional,
                           parseOptional<Money>(fullKey, value, parsePositiveMoney));
        } else if (key == kMaxPosition) {
            stored =
                store(limits.maxPosition, parseOptional<Quantity>(fullKey, value, parseQuantity));
        } else {
            const auto assign = [&](auto& field, auto parsed) -> Result<void> {
                if (!parsed)
                    return std::move(parsed).error();
                field = *parsed;
                return {};
            };
            if (key == kPriceBandPercent)
                stored = assign(limits.priceBandPercent,
                                parseOptional<Decimal>(key, value, parsePositiveDecimal));
            else if (key == kPriceBandTicks)
                stored = assign(limits.priceBandTicks,
                                parseOptional<std::int64_t>(key, value, parseCount));
            else if (key == kMaxOpenOrders)
                stored = assign(limits.maxOpenOrders,
                                parseOptional<std::int64_t>(key, value, parseCount));
            else if (key == kMaxOpenOrdersPerInstrument)
                stored = assign(limits.maxOpenOrdersPerInstrument,
                                parseOptional<std::int64_t>(key, value, parseCount));
            else if (key == kMaxOrdersPerSecond)
                stored = assign(limits.maxOrdersPerSecond,
                                parseOptional<std::int64_t>(key, value, parseCount));
            else if (key == kDailyLossLimit)
                stored = assign(limits.dailyLossLimit,
                                parseOptional<Money>(key, value, parsePositiveMoney));
            else
                return fail(ErrorCode::InvalidArgument, "unknown risk limit key '" + fullKey + "'");
        }
        if (!stored)
            return stored.error();
    }
    return limits;
}

} // namespace cw::risk
