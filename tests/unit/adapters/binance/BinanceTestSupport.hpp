// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/binance/BinanceSymbolTable.hpp"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <string_view>

namespace cw::adapters::binance::testing {

/// The text of tests/fixtures/binance/<name>; fails the test when it cannot be read.
inline std::string fixture(std::string_view name) {
    const char* root = std::getenv("CW_SOURCE_DIR");
    const std::string dir = root != nullptr ? root : ".";
    const std::string path = dir + "/tests/fixtures/binance/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot read " << path;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The symbols of the documented examples, at precisions that hold every example value.
inline BinanceSymbolTable exampleSymbols() {
    BinanceSymbolTable table;
    EXPECT_TRUE(table.add("BNBBTC", 6, 3).hasValue());
    EXPECT_TRUE(table.add("BNBUSDT", 4, 2).hasValue());
    EXPECT_TRUE(table.add("ETHBTC", 8, 4).hasValue());
    EXPECT_TRUE(table.add("LTCBTC", 6, 2).hasValue());
    EXPECT_TRUE(table.add("BTCUSDT", 2, 5).hasValue());
    return table;
}

/// `text` with the first occurrence of `from` replaced by `to` (fails the test when absent).
inline std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "'" << from << "' not in the payload";
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

} // namespace cw::adapters::binance::testing
