// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/IExecutionClient.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Decimal.hpp"
#include "core/domain/Instrument.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/engine/BracketEmulator.hpp"
#include "core/engine/EmulationAction.hpp"
#include "core/engine/TradingCommand.hpp"
#include "core/engine/TradingSnapshot.hpp"
#include "core/engine/TrailingStopEmulator.hpp"
#include "core/journal/JournalRecord.hpp"
#include "core/orders/ClientOrderIdGenerator.hpp"
#include "core/orders/OrderChange.hpp"
#include "core/orders/OrderManager.hpp"
#include "core/orders/PositionTracker.hpp"
#include "core/orders/Reconciler.hpp"
#include "core/risk/RiskContext.hpp"
#include "core/risk/RiskGate.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace cw::journal {
class JournalReader;
class JournalWriter;
} // namespace cw::journal

namespace cw::engine {

/// Maker and taker fee rates in basis points of the notional (2 = 0.02 %), for order
/// previews. Venues publish theirs per instrument (IExecutionClient::feeRates);
/// OrderGateway::setFeeRates overrides them for a whole venue.
using FeeRates = adapters::FeeRates;

/// The one path every order takes, on the engine thread: TradingCommand -> RiskGate ->
/// OrderManager -> journal -> the venue's IExecutionClient; and back: ExecutionEvent ->
/// journal -> OrderManager -> PositionTracker -> TradingSnapshot. Plain and deterministic: no
/// threads, no clocks (times come in as `now`), so tests drive it directly and the Engine
/// calls it from its loop. See docs/trading.md.
///
/// - Journal: every order request (with its origin), risk decision, venue event, fill,
///   position change, kill-switch action, reconciliation difference and connection event is
///   appended to the JournalWriter (if any) before it is acted on or shown.
/// - Journal before display: each change to what the UI shows is staged with the highest
///   journal id appended so far and published by `takeSnapshot` only once the journal has
///   committed that id; without a journal it is published at once.
/// - Rejections (risk gate, a submit the client refused locally) become an OrderRejected for
///   the OrderManager, so the order shows as Rejected with the rule and the numbers, and a
///   TradingNotice.
/// - Emulation: brackets and trailing stops for venues without native ones
///   (BracketEmulator, TrailingStopEmulator); their child orders bypass the risk gate (they
///   only reduce risk) but never while the kill switch is triggered.
/// - Reconciliation: after ExecutionStatusChanged(Connected) the venue's unasked
///   ReconciliationReport (requestId 0) runs the Reconciler; each difference is journaled and
///   noticed, then the OrderManager's pending requests for that venue are sent again with
///   the same client order ids (idempotent).
/// - Kill switch: TriggerKillSwitch, or the daily loss limit on a P&L update, cancels every
///   working order (emulations dropped), optionally flattens with market orders that bypass
///   the gate, and the gate blocks new orders until RearmKillSwitch.
///
/// Thread: engine thread only (or the owner of a test); not thread-safe. The execution
/// clients' events must come back through `onExecutionEvent` on the same thread (never from
/// inside a client call: queue them).
class OrderGateway {
public:
    struct Config {
        std::size_t historyRows = 1'000; ///< TradingSnapshot::orderHistory bound
        std::size_t fillRows = 1'000;    ///< TradingSnapshot::fills bound
        orders::OrderManager::Config orders{};
        risk::RiskLimits defaultLimits = risk::RiskLimits::none();
        /// When the trading day of the daily loss limit starts, as an offset from UTC
        /// midnight (0: days run 00:00-24:00 UTC; 22 h: days run 22:00-22:00 UTC). Taken
        /// modulo 24 h.
        std::int64_t tradingDayOffsetNs = 0;
    };

    /// `ids` makes the client order ids (ClientOrderIdGenerator::createForThisProcess() in
    /// the application, a fixed one in tests).
    OrderGateway();
    OrderGateway(Config config, orders::ClientOrderIdGenerator ids);

    OrderGateway(const OrderGateway&) = delete;
    OrderGateway& operator=(const OrderGateway&) = delete;

    /// The execution client of one venue (by its venue()); it must outlive the gateway or be
    /// detached first. A second client for the same venue replaces the first.
    void attachExecution(adapters::IExecutionClient& client);
    void detachExecution(std::string_view venue);
    /// Execution clients attached, by venue.
    std::vector<adapters::IExecutionClient*> executionClients() const;
    /// The journal (may be null: nothing is journaled and everything is shown at once). Not
    /// owned; must outlive the gateway or be reset first.
    void setJournal(journal::JournalWriter* journal) { m_journal = journal; }
    journal::JournalWriter* journal() const { return m_journal; }
    /// Fee rates of `venue` for previews, overriding what its execution client publishes
    /// (IExecutionClient::feeRates) for every instrument. Without either there is no fee
    /// estimate.
    void setFeeRates(std::string venue, FeeRates rates);
    /// The rates a preview of `instrument` uses: setFeeRates, else the venue's client; nullopt
    /// when neither knows.
    std::optional<FeeRates> feeRates(const adapters::InstrumentKey& instrument) const;

    /// Restores today's realized P&L (for the daily loss limit) after a restart from the
    /// journal, through `reader`: every fill journaled since the start of the current trading
    /// day (by our clock) is replayed into the positions, from each position as journaled
    /// just before the day started; fills of the day and of the 24 hours before are also
    /// remembered as seen, so the venue's copies in the reconciliation after connecting are
    /// not applied twice. Call once, before the first command or event (the Engine does, in
    /// setJournal). Returns the number of fills replayed; IoError/ParseError from the reader
    /// (then nothing is restored). Fills journaled without an account count for the default
    /// account.
    Result<std::size_t> restoreTradingDay(journal::JournalReader& reader, TimestampNs now);
    /// The start of the trading day that contains `time` (UTC ns; see
    /// Config::tradingDayOffsetNs).
    TimestampNs tradingDayStart(TimestampNs time) const;
    /// Today's P&L of `account` in the currency of its daily loss limit: realized P&L net of
    /// fees since the trading day started, plus the unrealized P&L of the open positions;
    /// nullopt without a loss limit or without P&L in its currency.
    std::optional<Money> dailyPnl(std::string_view account) const;

    /// Instrument definitions (tick size, currency) for the risk gate and the positions;
    /// later definitions of the same instrument replace earlier ones. Invalid ones are
    /// skipped.
    void onInstruments(const std::vector<Instrument>& instruments);
    /// The definition known for `instrument`; nullptr if none.
    const Instrument* instrument(const adapters::InstrumentKey& instrument) const;

    /// Applies one trading command. Every outcome (placed, rejected, malformed) is reported in
    /// the next snapshot's notices.
    void apply(const TradingCommand& command, TimestampNs now);
    /// Applies one execution event from a venue.
    void onExecutionEvent(const adapters::ExecutionEvent& event, TimestampNs now);
    /// A market price of `instrument`; non-positive values mean "not in this update". Marks
    /// positions (last, else the mid), feeds the price band reference, moves trailing stops
    /// and checks the daily loss limit.
    void onMarketPrice(const adapters::InstrumentKey& instrument, const Price& last,
                       const Price& bid, const Price& ask, TimestampNs now);

    /// True when `takeSnapshot` would return a snapshot now (something changed and the journal
    /// committed it).
    bool hasPublishable() const;
    /// True when changes wait for the journal to commit.
    bool hasUncommitted() const;
    /// What the trading views show, when something changed and is journaled; null otherwise.
    std::shared_ptr<const TradingSnapshot> takeSnapshot();

    /// Inspection (tests, diagnostics).
    const orders::OrderManager& orders() const { return m_orders; }
    const orders::PositionTracker& positions() const { return m_positions; }
    const risk::RiskGate& riskGate() const { return m_gate; }
    const BracketEmulator& brackets() const { return m_brackets; }
    const TrailingStopEmulator& trailingStops() const { return m_trailing; }
    /// The highest journal id this gateway appended (0: none).
    std::int64_t lastJournalId() const { return m_lastJournalId; }

private:
    struct MarketPrices {
        Price last;
        Price bid;
        Price ask;
    };
    using RiskLimitsRow = std::pair<std::string, std::map<std::string, std::string>>;
    using StagedValue =
        std::variant<OrderRow, FillRow, orders::Position, adapters::AccountReport, KillSwitchStatus,
                     ExecutionSessionRow, TradingNotice, OrderPreview, RiskLimitsRow>;
    struct Staged {
        std::int64_t journalId = 0; ///< shown once the journal committed this id
        StagedValue value;
    };
    using PositionKey = std::pair<std::string, adapters::InstrumentKey>;
    /// How an order passes the risk gate.
    enum class GateMode {
        Invalid = 0,
        Check,              ///< every rule (orders from people and strategies)
        BypassUnlessKilled, ///< emulated children: protective, but not while the switch is on
        Bypass,             ///< kill-switch flatten orders: they only reduce risk
    };

    // commands
    void onCommand(const PlaceOrder& command, TimestampNs now);
    void onCommand(const PreviewOrder& command, TimestampNs now);
    void onCommand(const AmendOrder& command, TimestampNs now);
    void onCommand(const CancelWorkingOrder& command, TimestampNs now);
    void onCommand(const CancelAllWorkingOrders& command, TimestampNs now);
    void onCommand(const ClosePosition& command, TimestampNs now);
    void onCommand(const TriggerKillSwitch& command, TimestampNs now);
    void onCommand(const RearmKillSwitch& command, TimestampNs now);
    void onCommand(const SetRiskLimits& command, TimestampNs now);
    void onCommand(const AmendBracket& command, TimestampNs now);

    // the order path
    /// Risk check (unless `bypassGate`), registration, journal, send. Returns true when sent.
    bool placeOrder(adapters::SubmitOrder order, const orders::OrderOrigin& origin,
                    std::uint64_t requestTag, GateMode gate, std::string_view note,
                    TimestampNs now);
    bool sendSubmit(const adapters::SubmitOrder& order, std::uint64_t requestTag, TimestampNs now);
    bool cancelOrder(const std::string& clientOrderId, std::string_view origin, TimestampNs now);
    bool modifyOrder(const adapters::ModifyOrder& modify, std::string_view origin, bool bypassGate,
                     std::uint64_t requestTag, TimestampNs now);
    void rejectLocally(const adapters::SubmitOrder& order, adapters::RejectReason reason,
                       std::string message, TradingNotice::Kind kind, risk::RiskRule rule,
                       std::uint64_t requestTag, TimestampNs now);
    void runKillSwitch(bool flatten, std::string_view actor, std::string reason, TimestampNs now);
    void executeEmulation(std::vector<EmulationAction> actions, TimestampNs now);
    void resendPending(std::string_view venue, TimestampNs now);

    // events
    void applyOrderChanges(const std::vector<orders::OrderChange>& changes, std::int64_t journalId,
                           TimestampNs now, bool fillsApplied = false);
    void onReconciliation(const adapters::ReconciliationReport& report, std::int64_t journalId,
                          TimestampNs now);
    void checkDailyLoss(TimestampNs now);
    /// Starts a new trading day when `now` is past the current one: today's realized P&L
    /// starts again from zero (the positions keep theirs; a baseline is subtracted).
    void rollTradingDay(TimestampNs now);
    Error restoreFailed(Error error, TimestampNs now);

    // helpers
    risk::RiskContext riskContext(const adapters::InstrumentKey& instrument,
                                  std::string_view account) const;
    Price referencePrice(const adapters::InstrumentKey& instrument) const;
    adapters::IExecutionClient* clientFor(std::string_view venue) const;
    std::int64_t journal(journal::JournalRecord record);
    void stage(StagedValue value);
    void stageOrder(const orders::Order& order, std::int64_t journalId);
    void stagePosition(const std::string& account, const adapters::InstrumentKey& instrument);
    void notice(TradingNotice::Kind kind, std::string message, TimestampNs now,
                std::uint64_t requestTag = 0, std::string clientOrderId = {},
                adapters::InstrumentKey instrument = {},
                risk::RiskRule rule = risk::RiskRule::Invalid);
    void applyStaged(Staged&& staged);
    static std::string originName(const orders::OrderOrigin& origin);

    Config m_config;
    orders::ClientOrderIdGenerator m_ids;
    risk::RiskGate m_gate;
    orders::OrderManager m_orders;
    orders::PositionTracker m_positions;
    orders::Reconciler m_reconciler;
    BracketEmulator m_brackets;
    TrailingStopEmulator m_trailing;
    journal::JournalWriter* m_journal = nullptr;
    std::map<std::string, adapters::IExecutionClient*, std::less<>> m_clients;
    std::map<std::string, FeeRates, std::less<>> m_fees;
    TimestampNs m_dayStart = 0; ///< start of the current trading day (0: not yet known)
    /// Net realized P&L per (account, currency) when the current trading day started: today's
    /// realized P&L is the positions' net realized P&L minus this.
    std::map<std::pair<std::string, std::string>, Money> m_dayBaseline;
    std::unordered_map<adapters::InstrumentKey, Instrument> m_instruments;
    std::unordered_map<adapters::InstrumentKey, MarketPrices> m_prices;
    std::set<std::string, std::less<>> m_awaitingReconciliation; ///< venues just connected
    std::set<std::string, std::less<>> m_accounts;               ///< accounts with fills
    std::map<std::string, std::map<std::string, std::string>> m_riskSettings;
    std::set<adapters::InstrumentKey> m_markedInstruments; ///< marks changed since staging
    std::int64_t m_lastJournalId = 0;
    std::map<std::string, std::uint64_t, std::less<>> m_requestTags; ///< clientOrderId -> tag
    /// Notes of rows the emulators no longer know (flatten orders, ended legs): id -> (emulated,
    /// note); dropped when the order ends.
    std::map<std::string, std::pair<bool, std::string>, std::less<>> m_rowNotes;

    // What the UI sees: staged changes, applied once journaled.
    std::deque<Staged> m_staged;
    std::map<std::string, OrderRow, std::less<>> m_shownWorking;
    std::deque<OrderRow> m_shownHistory;
    std::deque<FillRow> m_shownFills;
    std::map<PositionKey, orders::Position> m_shownPositions;
    std::map<std::pair<std::string, std::string>, adapters::AccountReport> m_shownAccounts;
    KillSwitchStatus m_shownKillSwitch;
    std::map<std::string, ExecutionSessionRow> m_shownSessions;
    std::map<std::string, std::map<std::string, std::string>> m_shownRiskLimits;
    std::vector<TradingNotice> m_shownNotices;
    std::vector<OrderPreview> m_shownPreviews;
    bool m_shownChanged = false;
    std::uint64_t m_version = 0;
};

} // namespace cw::engine
