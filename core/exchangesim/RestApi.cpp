// SPDX-License-Identifier: MIT
#include "core/exchangesim/RestApi.hpp"

#include "core/exchangesim/HmacSigner.hpp"
#include "core/exchangesim/JsonWriter.hpp"
#include "core/exchangesim/ParamReader.hpp"

#include <chrono>

namespace cw::exchangesim {

namespace {

constexpr std::int64_t kDefaultRecvWindowMs = 5000;
constexpr std::int64_t kDayMs = 24 * 60 * 60 * 1000;

int constant(const RequestParams&, int weight) {
    return weight;
}

/// 2 for one symbol, 4 (or `all`) without.
int perSymbol(const RequestParams& params, int one, int all) {
    return params.get("symbol") ? one : all;
}

HttpResponse toResponse(const RestReply& reply) {
    if (const auto* body = std::get_if<std::string>(&reply))
        return HttpResponse::json(200, *body);
    const auto& error = std::get<VenueError>(reply);
    return HttpResponse::error(error.httpStatus, error.code, error.message);
}

} // namespace

RestApi::RestApi(ExchangeMarket& market, const ExchangeSimConfig& config)
    : m_market(market), m_config(config), m_marketData(market, config), m_trading(market, config),
      m_limiter(WeightLimiter::Limits{config.requestWeightPerMinute, config.banAfterRefusals,
                                      config.banMs}) {
    for (const ApiKey& key : config.apiKeys)
        m_secrets[key.key] = key.secret;
    addRoutes();
}

std::int64_t RestApi::nowMs() const {
    if (m_config.clockMs)
        return m_config.clockMs();
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void RestApi::addRoutes() {
    auto fixed = [](int weight) {
        return [weight](const RequestParams& p) { return constant(p, weight); };
    };
    auto add = [this](std::string method, std::string path, Security security,
                      std::function<int(const RequestParams&)> weight,
                      std::function<RestReply(Call&)> handler, bool placesOrder = false) {
        m_routes.push_back(Route{std::move(method), "/api/v3/" + std::move(path), security,
                                 std::move(weight), std::move(handler), placesOrder});
    };
    auto& md = m_marketData;
    auto& tr = m_trading;
    add("GET", "ping", Security::None, fixed(1), [&md](Call& c) { return md.ping(c.params); });
    add("GET", "time", Security::None, fixed(1),
        [this, &md](Call& c) { return md.time(c.params, nowMs()); });
    add("GET", "exchangeInfo", Security::None, fixed(20),
        [this, &md](Call& c) { return md.exchangeInfo(c.params, nowMs()); });
    add(
        "GET", "depth", Security::None,
        [](const RequestParams& p) {
            const auto limit = p.get("limit");
            std::int64_t n = 100;
            if (limit && !limit->empty() && limit->size() < 10 &&
                limit->find_first_not_of("0123456789") == std::string::npos)
                n = std::stoll(*limit);
            return MarketDataEndpoints::depthWeight(n);
        },
        [&md](Call& c) { return md.depth(c.params); });
    add("GET", "trades", Security::None, fixed(25), [&md](Call& c) { return md.trades(c.params); });
    add("GET", "aggTrades", Security::None, fixed(4),
        [&md](Call& c) { return md.aggTrades(c.params); });
    add("GET", "klines", Security::None, fixed(2), [&md](Call& c) { return md.klines(c.params); });
    add("GET", "uiKlines", Security::None, fixed(2),
        [&md](Call& c) { return md.klines(c.params); });
    add(
        "GET", "ticker/24hr", Security::None,
        [](const RequestParams& p) { return perSymbol(p, 2, 80); },
        [&md](Call& c) { return md.ticker24hr(c.params); });
    add(
        "GET", "ticker/price", Security::None,
        [](const RequestParams& p) { return perSymbol(p, 2, 4); },
        [&md](Call& c) { return md.tickerPrice(c.params); });
    add(
        "GET", "ticker/bookTicker", Security::None,
        [](const RequestParams& p) { return perSymbol(p, 2, 4); },
        [&md](Call& c) { return md.bookTicker(c.params); });
    add("GET", "avgPrice", Security::None, fixed(2),
        [&md](Call& c) { return md.avgPrice(c.params); });

    add("GET", "account", Security::Signed, fixed(20),
        [&tr](Call& c) { return tr.account(*c.account, c.params); });
    add(
        "POST", "order", Security::Signed, fixed(1),
        [&tr](Call& c) { return tr.newOrder(*c.account, c.params, false); }, true);
    add("POST", "order/test", Security::Signed, fixed(1),
        [&tr](Call& c) { return tr.newOrder(*c.account, c.params, true); });
    add("GET", "order", Security::Signed, fixed(4),
        [&tr](Call& c) { return tr.queryOrder(*c.account, c.params); });
    add("DELETE", "order", Security::Signed, fixed(1),
        [&tr](Call& c) { return tr.cancelOrder(*c.account, c.params); });
    add(
        "GET", "openOrders", Security::Signed,
        [](const RequestParams& p) { return perSymbol(p, 6, 80); },
        [&tr](Call& c) { return tr.openOrders(*c.account, c.params); });
    add("DELETE", "openOrders", Security::Signed, fixed(1),
        [&tr](Call& c) { return tr.cancelOpenOrders(*c.account, c.params); });
    add("GET", "allOrders", Security::Signed, fixed(20),
        [&tr](Call& c) { return tr.allOrders(*c.account, c.params); });
    add(
        "GET", "myTrades", Security::Signed,
        [](const RequestParams& p) { return p.get("orderId") ? 5 : 20; },
        [&tr](Call& c) { return tr.myTrades(*c.account, c.params); });
    add("POST", "userDataStream", Security::ApiKey, fixed(2),
        [&tr](Call& c) { return tr.newListenKey(c.apiKey); });
    add("PUT", "userDataStream", Security::ApiKey, fixed(2),
        [&tr](Call& c) { return tr.keepListenKey(c.params, false); });
    add("DELETE", "userDataStream", Security::ApiKey, fixed(2),
        [&tr](Call& c) { return tr.keepListenKey(c.params, true); });
}

std::optional<VenueError> RestApi::authenticate(const Route& route, Call& call,
                                                const RequestParams& params) {
    const auto key = call.request.header("X-MBX-APIKEY");
    if (!key || key->empty() || key->size() > 128)
        return VenueError{401, -2014, "API-key format invalid."};
    auto secret = m_secrets.find(std::string(*key));
    if (secret == m_secrets.end())
        return VenueError{401, -2015, "Invalid API-key, IP, or permissions for action."};
    call.apiKey = std::string(*key);
    call.account = m_market.account(call.apiKey);
    if (route.security != Security::Signed)
        return std::nullopt;

    ParamReader p(params);
    const std::int64_t timestamp = p.integer("timestamp");
    const auto recvWindowText = p.optionalText("recvWindow");
    if (p.error())
        return *p.error();
    // recvWindow may carry up to three decimals (microseconds).
    std::int64_t recvWindowUs = kDefaultRecvWindowMs * 1000;
    if (recvWindowText) {
        auto parsed = Decimal::parse(*recvWindowText, 3);
        if (!parsed || parsed->isNegative())
            return ParamReader::illegal("recvWindow", "^[0-9]{1,20}(\\.[0-9]{1,3})?$");
        if (parsed->raw() > static_cast<std::int64_t>(m_config.recvWindowMaxMs) * 1000)
            return VenueError{400, -1131,
                              "recvWindow must be less than " +
                                  std::to_string(m_config.recvWindowMaxMs) + "."};
        recvWindowUs = parsed->raw();
    }
    const std::int64_t serverMs = nowMs();
    if (timestamp >= serverMs + 1000)
        return VenueError{400, -1021,
                          "Timestamp for this request was 1000ms ahead of the server's time."};
    if ((serverMs - timestamp) * 1000 > recvWindowUs)
        return VenueError{400, -1021, "Timestamp for this request is outside of the recvWindow."};
    const auto signature = params.signature();
    if (!signature || signature->empty())
        return ParamReader::missing("signature");
    if (!HmacSigner::verify(secret->second, params.signedPayload(), *signature))
        return VenueError{400, -1022, "Signature for this request is not valid."};
    return std::nullopt;
}

std::pair<int, int> RestApi::orderCounts(const std::string& apiKey, std::int64_t nowMs) {
    auto& times = m_orderTimes[apiKey];
    while (!times.empty() && times.front() <= nowMs - kDayMs)
        times.pop_front();
    int last10s = 0;
    for (auto it = times.rbegin(); it != times.rend() && *it > nowMs - 10'000; ++it)
        ++last10s;
    return {last10s, static_cast<int>(times.size())};
}

std::optional<VenueError> RestApi::countOrder(const std::string& apiKey, std::int64_t nowMs) {
    const auto [last10s, lastDay] = orderCounts(apiKey, nowMs);
    if (last10s >= m_config.ordersPer10s)
        return VenueError{429, -1015,
                          "Too many new orders; current limit is " +
                              std::to_string(m_config.ordersPer10s) + " orders per 10 SECOND."};
    if (lastDay >= m_config.ordersPerDay)
        return VenueError{429, -1015,
                          "Too many new orders; current limit is " +
                              std::to_string(m_config.ordersPerDay) + " orders per DAY."};
    m_orderTimes[apiKey].push_back(nowMs);
    return std::nullopt;
}

HttpResponse RestApi::handle(const HttpRequest& request) {
    const Route* route = nullptr;
    bool pathKnown = false;
    for (const Route& r : m_routes)
        if (r.path == request.path) {
            pathKnown = true;
            if (r.method == request.method) {
                route = &r;
                break;
            }
        }
    if (!route) {
        if (pathKnown)
            return HttpResponse::error(405, -1000, "Method not allowed for this endpoint.");
        return HttpResponse::error(404, -1000, "Unknown endpoint " + request.path);
    }

    const std::int64_t now = nowMs();
    auto parsed = RequestParams::parse(request.query, request.body);
    const RequestParams params = parsed ? std::move(*parsed) : RequestParams();
    const int weight = route->weight(params);
    const auto decision = m_limiter.admit(request.remoteAddress, weight, now);
    auto withWeight = [&](HttpResponse response) {
        response.headers.emplace_back("X-MBX-USED-WEIGHT-1M", std::to_string(decision.usedWeight));
        return response;
    };
    if (decision.verdict == WeightLimiter::Verdict::TooManyRequests) {
        HttpResponse response = HttpResponse::error(
            429, -1003,
            "Too much request weight used; current limit is " +
                std::to_string(m_config.requestWeightPerMinute) +
                " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to "
                "avoid polling the API.");
        response.headers.emplace_back("Retry-After", std::to_string(decision.retryAfterSeconds));
        return withWeight(std::move(response));
    }
    if (decision.verdict == WeightLimiter::Verdict::Banned) {
        HttpResponse response = HttpResponse::error(
            418, -1003,
            "Way too much request weight used; IP banned until " +
                std::to_string(decision.bannedUntilMs) +
                ". Please use WebSocket Streams for live updates to avoid bans.");
        response.headers.emplace_back("Retry-After", std::to_string(decision.retryAfterSeconds));
        return withWeight(std::move(response));
    }
    if (!parsed)
        return withWeight(HttpResponse::error(
            400, -1100, "Illegal characters found in a parameter: " + parsed.error().message));

    Call call{request, params, nullptr, {}};
    if (route->security != Security::None)
        if (auto error = authenticate(*route, call, params))
            return withWeight(HttpResponse::error(error->httpStatus, error->code, error->message));
    if (route->security == Security::Signed && !call.account)
        return withWeight(
            HttpResponse::error(401, -2015, "Invalid API-key, IP, or permissions for action."));
    if (route->placesOrder)
        if (auto error = countOrder(call.apiKey, now))
            return withWeight(HttpResponse::error(error->httpStatus, error->code, error->message));

    HttpResponse response = withWeight(toResponse(route->handler(call)));
    if (route->placesOrder) {
        const auto [last10s, lastDay] = orderCounts(call.apiKey, now);
        response.headers.emplace_back("X-MBX-ORDER-COUNT-10S", std::to_string(last10s));
        response.headers.emplace_back("X-MBX-ORDER-COUNT-1D", std::to_string(lastDay));
    }
    return response;
}

} // namespace cw::exchangesim
