// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulatedExecutionClient.hpp"

#include <string>

namespace cw::adapters::sim {

SimulatedExecutionClient::SimulatedExecutionClient(std::shared_ptr<SimulatedExchange> exchange)
    : m_exchange(std::move(exchange)), m_capabilities(PaperMatchingEngine::capabilities()) {
    CW_ASSERT(m_exchange && m_exchange->hasPaperBroker());
}

SimulatedExecutionClient::~SimulatedExecutionClient() {
    disconnect();
}

void SimulatedExecutionClient::postStatus(FeedState state, std::string message) {
    m_state = state;
    // Through the exchange's ordered path, so the status stays in line with order events.
    m_exchange->postStatus(
        ExecutionStatusChanged{std::string(kVenue), state, std::move(message), m_exchange->now()});
}

Result<void> SimulatedExecutionClient::connect() {
    if (m_connector.joinable()) {
        const FeedState state = m_state.load();
        if (state == FeedState::Connecting || state == FeedState::Connected)
            return {};
        m_connector.join();
    }
    m_stopRequested = false;
    m_state = FeedState::Connecting;
    m_connector = std::thread([this] {
        m_exchange->setExecutionEventsEnabled(true);
        postStatus(FeedState::Connecting, "starting the paper broker");
        auto started = m_exchange->startMarket();
        if (!started) {
            postStatus(FeedState::Error, started.error().message);
            return;
        }
        if (m_stopRequested.load())
            return;
        postStatus(FeedState::Connected, "");
        m_exchange->reconcile(0);
    });
    return {};
}

void SimulatedExecutionClient::disconnect() {
    if (!m_connector.joinable())
        return;
    m_stopRequested = true;
    m_connector.join();
    postStatus(FeedState::Disconnected, "disconnected");
    m_exchange->setExecutionEventsEnabled(false);
}

std::string SimulatedExecutionClient::checkClientOrderId(std::string_view id) {
    if (id.empty())
        return "the client order id is empty";
    if (id.size() > kMaxClientOrderIdLength)
        return "client order id '" + std::string(id) + "' is longer than 36 characters";
    for (const char c : id) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '/' || c == '_' ||
                        c == '-';
        if (!ok)
            return "client order id '" + std::string(id) +
                   "' has a character outside A-Z a-z 0-9 . : / _ -";
    }
    return {};
}

std::optional<FeeRates> SimulatedExecutionClient::feeRates(const InstrumentKey& instrument) const {
    if (instrument.venue() != kVenue)
        return std::nullopt;
    // The configuration is fixed at creation, so reading it needs no lock.
    const SimulationConfig& config = m_exchange->config();
    for (const auto& spec : config.instruments) {
        if (spec.instrument.symbol != instrument.symbol())
            continue;
        const PaperFeeRates rates = config.paper.feesFor(spec.instrument.assetClass);
        return FeeRates{rates.makerBps, rates.takerBps};
    }
    return std::nullopt;
}

Result<void> SimulatedExecutionClient::checkSession() const {
    if (m_state.load() != FeedState::Connected)
        return fail(ErrorCode::Unavailable, "the paper broker is not connected");
    return {};
}

Result<void> SimulatedExecutionClient::checkInstrument(const InstrumentKey& instrument) const {
    if (instrument.venue() != kVenue)
        return fail(ErrorCode::InvalidArgument, "instrument " + instrument.toString() +
                                                    " is not on venue " + std::string(kVenue));
    return {};
}

Result<void> SimulatedExecutionClient::submit(const SubmitOrder& command) {
    if (const std::string why = checkClientOrderId(command.clientOrderId); !why.empty())
        return fail(ErrorCode::InvalidArgument, why);
    if (auto ok = checkInstrument(command.instrument); !ok)
        return ok;
    if (command.side == Side::Invalid)
        return fail(ErrorCode::InvalidArgument, "the order has no side");
    if (command.type == OrderType::Invalid)
        return fail(ErrorCode::InvalidArgument, "the order has no type");
    if (const std::string why = checkClientOrderId(command.account);
        !command.account.empty() && !why.empty())
        return fail(ErrorCode::InvalidArgument, "account '" + command.account +
                                                    "' has a character outside A-Z a-z 0-9 . : "
                                                    "/ _ - or is longer than 36 characters");
    if (auto ok = checkSession(); !ok)
        return ok;
    m_exchange->submit(command);
    return {};
}

Result<void> SimulatedExecutionClient::modify(const ModifyOrder& command) {
    if (const std::string why = checkClientOrderId(command.clientOrderId); !why.empty())
        return fail(ErrorCode::InvalidArgument, why);
    if (const std::string why = checkClientOrderId(command.newClientOrderId); !why.empty())
        return fail(ErrorCode::InvalidArgument, "new id: " + why);
    if (auto ok = checkInstrument(command.instrument); !ok)
        return ok;
    if (auto ok = checkSession(); !ok)
        return ok;
    m_exchange->modify(command);
    return {};
}

Result<void> SimulatedExecutionClient::cancel(const CancelOrder& command) {
    if (const std::string why = checkClientOrderId(command.clientOrderId); !why.empty())
        return fail(ErrorCode::InvalidArgument, why);
    if (auto ok = checkInstrument(command.instrument); !ok)
        return ok;
    if (auto ok = checkSession(); !ok)
        return ok;
    m_exchange->cancel(command);
    return {};
}

Result<void> SimulatedExecutionClient::cancelAll(const CancelAllOrders& command) {
    if (command.instrument)
        if (auto ok = checkInstrument(*command.instrument); !ok)
            return ok;
    if (auto ok = checkSession(); !ok)
        return ok;
    m_exchange->cancelAll(command);
    return {};
}

Result<void> SimulatedExecutionClient::requestReconciliation(const RequestReconciliation& command) {
    if (auto ok = checkSession(); !ok)
        return ok;
    m_exchange->reconcile(command.requestId);
    return {};
}

} // namespace cw::adapters::sim
