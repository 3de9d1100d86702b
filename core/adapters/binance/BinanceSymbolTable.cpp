// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceSymbolTable.hpp"

#include "core/adapters/binance/BinanceMessages.hpp"

#include <array>

namespace cw::adapters::binance {

Result<void> BinanceSymbolTable::add(std::string_view symbol, int pricePrecision,
                                     int quantityPrecision, Currency quoteCurrency) {
    if (pricePrecision < 0 || pricePrecision > 18 || quantityPrecision < 0 ||
        quantityPrecision > 18)
        return fail(ErrorCode::InvalidArgument,
                    "precisions of " + std::string(symbol) + " outside 0..18");
    auto key = InstrumentKey::make(kBinanceVenue, symbol);
    if (!key)
        return key.error();
    m_symbols.insert_or_assign(
        std::string(symbol),
        BinanceSymbolInfo{*key, pricePrecision, quantityPrecision, quoteCurrency});
    return {};
}

Result<void> BinanceSymbolTable::add(const Instrument& instrument) {
    if (instrument.venue != kBinanceVenue)
        return fail(ErrorCode::InvalidArgument,
                    "instrument " + instrument.symbol + " is not of venue BINANCE");
    return add(instrument.symbol, instrument.pricePrecision, instrument.quantityPrecision,
               instrument.quoteCurrency);
}

const BinanceSymbolInfo* BinanceSymbolTable::find(std::string_view symbol) const {
    const auto it = m_symbols.find(symbol);
    return it == m_symbols.end() ? nullptr : &it->second;
}

const BinanceSymbolInfo* BinanceSymbolTable::findStreamSymbol(std::string_view lowerCase) const {
    std::array<char, InstrumentKey::kMaxSymbolLength> upper{};
    if (lowerCase.empty() || lowerCase.size() > upper.size())
        return nullptr;
    for (std::size_t i = 0; i < lowerCase.size(); ++i) {
        const char c = lowerCase[i];
        upper[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return find(std::string_view(upper.data(), lowerCase.size()));
}

} // namespace cw::adapters::binance
