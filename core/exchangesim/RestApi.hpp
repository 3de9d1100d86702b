// SPDX-License-Identifier: MIT
#pragma once

#include "core/exchangesim/ExchangeMarket.hpp"
#include "core/exchangesim/ExchangeSimConfig.hpp"
#include "core/exchangesim/HttpRequest.hpp"
#include "core/exchangesim/HttpResponse.hpp"
#include "core/exchangesim/MarketDataEndpoints.hpp"
#include "core/exchangesim/TradingEndpoints.hpp"
#include "core/exchangesim/WeightLimiter.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cw::exchangesim {

/// The venue's REST API under /api/v3: routes a parsed request to its endpoint after the
/// checks the venue makes, in its order: request weight (429 -1003 with Retry-After, 418
/// after repeated refusals), parameters (-1100/-1102), API key (-2014 malformed, -2015
/// unknown, both 401), timestamp and recvWindow (-1021), signature over the raw query and
/// body (-1022), order rate (429 -1015). Every response carries X-MBX-USED-WEIGHT-1M; order
/// responses also X-MBX-ORDER-COUNT-10S and -1D.
///
/// Thread: the server's thread. The market must have been advanced to the present first.
class RestApi {
public:
    RestApi(ExchangeMarket& market, const ExchangeSimConfig& config);

    HttpResponse handle(const HttpRequest& request);

    /// The wall clock (ms) the server uses.
    std::int64_t nowMs() const;

private:
    enum class Security { Invalid = 0, None, ApiKey, Signed };
    struct Call {
        const HttpRequest& request;
        const RequestParams& params;
        ExchangeAccount* account = nullptr;
        std::string apiKey;
    };
    struct Route {
        std::string method;
        std::string path;
        Security security = Security::Invalid;
        std::function<int(const RequestParams&)> weight;
        std::function<RestReply(Call&)> handler;
        bool placesOrder = false;
    };

    void addRoutes();
    std::optional<VenueError> authenticate(const Route& route, Call& call,
                                           const RequestParams& params);
    /// Counts one new order of `apiKey`; -1015 when over a limit.
    std::optional<VenueError> countOrder(const std::string& apiKey, std::int64_t nowMs);
    std::pair<int, int> orderCounts(const std::string& apiKey, std::int64_t nowMs);

    ExchangeMarket& m_market;
    const ExchangeSimConfig& m_config;
    MarketDataEndpoints m_marketData;
    TradingEndpoints m_trading;
    WeightLimiter m_limiter;
    std::vector<Route> m_routes;
    std::map<std::string, std::string> m_secrets;                 ///< API key -> secret
    std::map<std::string, std::deque<std::int64_t>> m_orderTimes; ///< per key, last day
};

} // namespace cw::exchangesim
