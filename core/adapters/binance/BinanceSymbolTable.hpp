// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Instrument.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cw::adapters::binance {

/// What the parsers need to know about one symbol: its key and the precisions its prices
/// and quantities are parsed at (from exchangeInfo's tick and step sizes).
struct BinanceSymbolInfo {
    InstrumentKey key; ///< BINANCE:<SYMBOL>
    int pricePrecision = 0;
    int quantityPrecision = 0;
    Currency quoteCurrency; ///< may be empty when added without an Instrument
};

/// Symbol -> BinanceSymbolInfo, for the parsers. Stream payloads name symbols in upper
/// case ("BTCUSDT"); stream names in lower case ("btcusdt@trade"): `findStreamSymbol`
/// takes those.
///
/// Thread: build it on one thread; afterwards const lookups from any thread.
class BinanceSymbolTable {
public:
    /// Adds or replaces a symbol. InvalidArgument for precisions outside 0..18 or a symbol
    /// InstrumentKey rejects.
    Result<void> add(std::string_view symbol, int pricePrecision, int quantityPrecision,
                     Currency quoteCurrency = {});
    /// Adds an instrument of venue BINANCE with its precisions; InvalidArgument otherwise.
    Result<void> add(const Instrument& instrument);

    /// The entry of an upper-case symbol; nullptr when unknown.
    const BinanceSymbolInfo* find(std::string_view symbol) const;
    /// The entry of a lower-case stream symbol ("btcusdt"); nullptr when unknown.
    const BinanceSymbolInfo* findStreamSymbol(std::string_view lowerCaseSymbol) const;

    std::size_t size() const { return m_symbols.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, BinanceSymbolInfo, Hash, std::equal_to<>> m_symbols;
};

} // namespace cw::adapters::binance
