// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceParseStats.hpp"

namespace cw::adapters::binance {

std::string_view binanceParseErrorKindName(BinanceParseErrorKind kind) {
    switch (kind) {
    case BinanceParseErrorKind::MalformedJson:
        return "MalformedJson";
    case BinanceParseErrorKind::MissingField:
        return "MissingField";
    case BinanceParseErrorKind::WrongType:
        return "WrongType";
    case BinanceParseErrorKind::BadNumber:
        return "BadNumber";
    case BinanceParseErrorKind::BadValue:
        return "BadValue";
    case BinanceParseErrorKind::UnknownEvent:
        return "UnknownEvent";
    case BinanceParseErrorKind::UnknownSymbol:
        return "UnknownSymbol";
    case BinanceParseErrorKind::Invalid:
        break;
    }
    return "Invalid";
}

bool BinanceParseStats::recordFailure(BinanceParseErrorKind kind) {
    auto index = static_cast<std::size_t>(kind);
    if (index >= m_failures.size())
        index = 0;
    return ++m_failures[index] == 1;
}

std::uint64_t BinanceParseStats::totalFailures() const {
    std::uint64_t total = 0;
    for (auto n : m_failures)
        total += n;
    return total;
}

} // namespace cw::adapters::binance
