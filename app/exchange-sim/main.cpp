// SPDX-License-Identifier: MIT
// candlewick-exchange-sim: a local Binance-compatible exchange (docs/exchange-sim.md).

#include "core/exchangesim/ExchangeSimServer.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <type_traits>

namespace {

template <class T>
std::optional<T> number(const QCommandLineParser& parser, const QString& name, bool& ok) {
    if (!parser.isSet(name))
        return std::nullopt;
    bool parsed = false;
    const QString text = parser.value(name);
    if constexpr (std::is_floating_point_v<T>) {
        const double value = text.toDouble(&parsed);
        if (parsed)
            return static_cast<T>(value);
    } else {
        const qulonglong value = text.toULongLong(&parsed);
        if (parsed)
            return static_cast<T>(value);
    }
    std::fprintf(stderr, "candlewick-exchange-sim: --%s: '%s' is not a number\n", qPrintable(name),
                 qPrintable(text));
    ok = false;
    return std::nullopt;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("candlewick-exchange-sim");
    QCoreApplication::setApplicationVersion(CANDLEWICK_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        "A local Binance-compatible spot exchange: REST under /api/v3, market streams under "
        "/ws and /stream, on 127.0.0.1.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {"port", "TCP port on 127.0.0.1 (0: any free port).", "N", "0"},
        {"api-key", "API key clients send in X-MBX-APIKEY.", "K"},
        {"api-secret", "Secret of that key (HMAC-SHA256 signatures).", "S"},
        {"seed", "Seed of the simulated market.", "X"},
        {"speed", "Simulated seconds per wall-clock second (0.1 .. 1000).", "F"},
        {"history-days", "Days of 1-minute history (0 .. 3650).", "D"},
        {"weight-limit", "Request weight per minute before 429.", "W"},
        {"ping-interval-ms", "Ping frame interval of streams.", "MS"},
        {"data-dir", "Folder for state kept between runs (created if missing).", "DIR"},
    });
    parser.process(app);

    cw::exchangesim::ExchangeSimConfig config;
    bool ok = true;
    if (auto port = number<unsigned>(parser, "port", ok)) {
        if (*port > 65535) {
            std::fprintf(stderr, "candlewick-exchange-sim: --port must be 0 .. 65535\n");
            return 2;
        }
        config.port = static_cast<std::uint16_t>(*port);
    }
    if (parser.isSet("api-key") != parser.isSet("api-secret")) {
        std::fprintf(stderr, "candlewick-exchange-sim: --api-key and --api-secret go together\n");
        return 2;
    }
    if (parser.isSet("api-key"))
        config.apiKeys = {
            {parser.value("api-key").toStdString(), parser.value("api-secret").toStdString()}};
    if (auto seed = number<std::uint64_t>(parser, "seed", ok))
        config.seed = *seed;
    if (auto speed = number<double>(parser, "speed", ok))
        config.speed = *speed;
    if (auto days = number<unsigned>(parser, "history-days", ok))
        config.historyDays = static_cast<int>(std::min(*days, 100000u));
    if (auto weight = number<unsigned>(parser, "weight-limit", ok))
        config.requestWeightPerMinute = static_cast<int>(std::min(*weight, 100000000u));
    if (auto ping = number<unsigned>(parser, "ping-interval-ms", ok))
        config.pingIntervalMs = static_cast<int>(std::min(*ping, 100000000u));
    if (!ok)
        return 2;
    if (parser.isSet("data-dir")) {
        config.dataDir = parser.value("data-dir").toStdString();
        if (!QDir().mkpath(parser.value("data-dir"))) {
            std::fprintf(stderr, "candlewick-exchange-sim: cannot create %s\n",
                         config.dataDir.c_str());
            return 1;
        }
    }

    auto server = cw::exchangesim::ExchangeSimServer::create(config);
    if (!server) {
        std::fprintf(stderr, "candlewick-exchange-sim: %s\n", server.error().message.c_str());
        return 2;
    }
    auto port = (*server)->listen();
    if (!port) {
        std::fprintf(stderr, "candlewick-exchange-sim: %s\n", port.error().message.c_str());
        return 1;
    }
    std::printf("api key %s\n", config.apiKeys.front().key.c_str());
    std::printf("listening on 127.0.0.1:%u\n", static_cast<unsigned>(*port));
    std::fflush(stdout);
    return app.exec();
}
