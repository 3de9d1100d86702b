// SPDX-License-Identifier: MIT
#pragma once

#include "core/exchangesim/ExchangeAccount.hpp"
#include "core/exchangesim/ExchangeMarket.hpp"
#include "core/exchangesim/ExchangeSimConfig.hpp"
#include "core/exchangesim/RequestParams.hpp"
#include "core/exchangesim/VenueError.hpp"

#include <cstdint>
#include <set>
#include <string>

namespace cw::exchangesim {

/// The account endpoints (API key and signature already checked by RestApi): account,
/// order (POST/GET/DELETE), order/test, openOrders (GET/DELETE), allOrders, myTrades, and
/// the listenKey endpoints of userDataStream. Same JSON shapes as the venue.
///
/// Thread: the server's thread.
class TradingEndpoints {
public:
    TradingEndpoints(ExchangeMarket& market, const ExchangeSimConfig& config)
        : m_market(market), m_config(config) {}

    RestReply account(ExchangeAccount& account, const RequestParams& params);
    RestReply newOrder(ExchangeAccount& account, const RequestParams& params, bool testOnly);
    RestReply queryOrder(ExchangeAccount& account, const RequestParams& params);
    RestReply cancelOrder(ExchangeAccount& account, const RequestParams& params);
    RestReply openOrders(ExchangeAccount& account, const RequestParams& params);
    RestReply cancelOpenOrders(ExchangeAccount& account, const RequestParams& params);
    RestReply allOrders(ExchangeAccount& account, const RequestParams& params);
    RestReply myTrades(ExchangeAccount& account, const RequestParams& params);

    /// POST (new key), PUT (keep alive), DELETE (close); -1125 for an unknown key.
    RestReply newListenKey(const std::string& apiKey);
    RestReply keepListenKey(const RequestParams& params, bool close);

    /// A client order id the venue would accept: 1..36 of A-Z a-z 0-9 . : / _ -.
    static bool isValidClientOrderId(std::string_view id);

private:
    std::string generateClientOrderId();

    ExchangeMarket& m_market;
    const ExchangeSimConfig& m_config;
    std::uint64_t m_idCounter = 0;
    std::set<std::string> m_listenKeys;
};

} // namespace cw::exchangesim
