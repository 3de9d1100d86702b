// SPDX-License-Identifier: MIT
#pragma once

#include "core/exchangesim/DepthBook.hpp"
#include "core/exchangesim/ExchangeMarket.hpp"
#include "core/exchangesim/ExchangeSimConfig.hpp"
#include "core/exchangesim/KlineInterval.hpp"

#include <QObject>
#include <QTimer>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

class QWebSocket;

namespace cw::exchangesim {

/// The venue's market streams over WebSocket: raw connections (`/ws`, `/ws/<stream>[/...]`:
/// bare payloads) and combined ones (`/stream?streams=a/b`: `{"stream":..,"data":..}`), live
/// SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY / GET_PROPERTY. Streams:
/// `<symbol>@trade`, `@aggTrade`, `@kline_<interval>` (every klineIntervalMs, the closing
/// kline once with x:true), `@bookTicker` (every book change), `@depth` / `@depth@100ms`
/// (diffs: every changed level with its new quantity, "0" for removed ones; U is the previous
/// event's u + 1), `@depth<5|10|20>[@100ms]` (partial snapshots). A ping frame goes out every
/// pingIntervalMs; a connection that leaves a ping unanswered for a minute is closed.
///
/// Thread: the server's thread (QObject; the market calls the observer synchronously).
class StreamHub final : public QObject, public ExchangeMarket::IObserver {
    Q_OBJECT
public:
    StreamHub(ExchangeMarket& market, const ExchangeSimConfig& config, QObject* parent = nullptr);
    ~StreamHub() override;

    /// Takes over a connected WebSocket (its request URL says raw or combined and which
    /// streams) and deletes it when it closes.
    void addConnection(QWebSocket* socket);
    std::size_t connectionCount() const { return m_sessions.size(); }

    void onTrade(std::size_t symbolIndex, const ExchangeMarket::TradePrint& trade) override;
    void onBookChanged(std::size_t symbolIndex, const DepthBook& book) override;

private:
    enum class Kind { Invalid = 0, Trade, AggTrade, Kline, BookTicker, DepthDiff, DepthPartial };
    struct Stream {
        Kind kind = Kind::Invalid;
        std::size_t symbolIndex = 0;
        std::optional<KlineInterval> interval;
        int levels = 0;    ///< partial depth
        bool fast = false; ///< @100ms
    };
    struct Session {
        QWebSocket* socket = nullptr;
        bool combined = false;
        std::set<std::string> streams;
        std::int64_t pingSentMs = 0; ///< unanswered ping, 0 when none
    };
    /// Changes of one symbol's book not yet sent on one diff cadence.
    struct PendingDiff {
        std::int64_t firstUpdateId = 0;         ///< 0: nothing pending
        std::set<std::pair<int, Price>> levels; ///< (side, price)
    };

    std::optional<Stream> parseStream(const std::string& name) const;
    void onText(Session& session, const QString& text);
    void send(Kind kind, std::size_t symbolIndex, const std::string& payload,
              const std::optional<bool>& fast = std::nullopt);
    void sendTo(Session& session, const std::string& stream, const std::string& payload);
    void flushDiffs(bool fast);
    void sendPartials(bool fast);
    void sendKlines();
    void sendPings();
    std::string depthDiff(std::size_t symbolIndex, PendingDiff& pending) const;
    std::string klinePayload(std::size_t symbolIndex, const KlineInterval& interval,
                             const ExchangeMarket::Kline& kline, bool closed) const;
    std::int64_t eventTimeMs() const;

    ExchangeMarket& m_market;
    const ExchangeSimConfig& m_config;
    std::vector<std::string> m_lowerSymbols;
    std::map<QWebSocket*, std::unique_ptr<Session>> m_sessions;
    std::vector<PendingDiff> m_pendingSlow;
    std::vector<PendingDiff> m_pendingFast;
    std::map<std::string, std::int64_t> m_klineOpen; ///< kline stream -> open time last sent
    QTimer m_pingTimer;
    QTimer m_klineTimer;
    QTimer m_fastTimer;
    QTimer m_slowTimer;
};

} // namespace cw::exchangesim
