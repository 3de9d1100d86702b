// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cw::adapters::binance {

/// Why a Binance message could not be parsed. Every parser failure has one of these, and
/// the message of the returned Error starts with its name in brackets ("[MissingField]").
enum class BinanceParseErrorKind {
    Invalid = 0,
    MalformedJson, ///< not JSON, truncated, or an invalid document (ErrorCode::ParseError)
    MissingField,  ///< a required key is absent (ErrorCode::ParseError)
    WrongType,     ///< a key holds the wrong JSON type (ErrorCode::ParseError)
    BadNumber,     ///< a number or decimal string that is malformed, too precise or too
                   ///< large (ErrorCode::ParseError, OutOfRange or Overflow)
    BadValue,      ///< an enum text or value outside what the venue documents
                   ///< (ErrorCode::ParseError)
    UnknownEvent,  ///< a well-formed message of a type this parser does not handle
                   ///< (ErrorCode::Unsupported)
    UnknownSymbol, ///< a symbol missing from the BinanceSymbolTable (ErrorCode::NotFound)
};

inline constexpr std::size_t kBinanceParseErrorKindCount = 8;

std::string_view binanceParseErrorKindName(BinanceParseErrorKind kind);

/// Counts of parsed messages and of failures per kind, so the adapter can log the first
/// failure of each kind and report counts later instead of logging every bad message.
///
/// Thread: the owning parser's thread.
class BinanceParseStats {
public:
    /// Counts one failure of `kind`; true when it is the first of that kind.
    bool recordFailure(BinanceParseErrorKind kind);
    void recordParsed() { ++m_parsed; }

    std::uint64_t failures(BinanceParseErrorKind kind) const {
        return m_failures[static_cast<std::size_t>(kind)];
    }
    std::uint64_t totalFailures() const;
    std::uint64_t parsed() const { return m_parsed; }
    void reset() { *this = BinanceParseStats{}; }

private:
    std::array<std::uint64_t, kBinanceParseErrorKindCount> m_failures{};
    std::uint64_t m_parsed = 0;
};

} // namespace cw::adapters::binance
