// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCapabilities.hpp"
#include "core/adapters/ExecutionCommands.hpp"
#include "core/common/Result.hpp"

#include <optional>
#include <string_view>

namespace cw::adapters {

/// The execution and account role of one venue: places, modifies and cancels orders and
/// reports orders, fills, positions and balances. Real venues (REST + user stream, TWS socket,
/// MT5 bridge) and the simulated exchange's paper broker implement it, so the order manager,
/// the risk gate and the UI cannot tell them apart.
///
/// Commands never block on the network: a returned error only means "rejected locally" (not
/// connected, malformed command); success means "sent". Everything the venue says, rejections
/// included, comes back as ExecutionEvents through the IExecutionSink given at construction.
/// After every (re)connect the client posts ExecutionStatusChanged(Connected) followed by an
/// unasked ReconciliationReport (requestId 0).
///
/// Thread: member functions from one owner thread (the engine thread); none blocks for more
/// than a few milliseconds. Events are posted from the adapter's own thread(s). After
/// `disconnect()` returns (and after destruction) nothing more is posted.
class IExecutionClient {
public:
    virtual ~IExecutionClient() = default;

    /// The venue's name as in InstrumentKey::venue.
    virtual std::string_view venue() const = 0;
    virtual const ExecutionCapabilities& capabilities() const = 0;
    /// The fee rates the venue charges for `instrument`, when it publishes them (from its
    /// settings, an account-tier query or the paper broker's configuration); nullopt when
    /// unknown, the default. Thread: the owner thread; never blocks on the network (a venue
    /// that learns its rates asynchronously answers from what it learned so far).
    virtual std::optional<FeeRates> feeRates(const InstrumentKey& instrument) const {
        (void)instrument;
        return std::nullopt;
    }

    /// Starts the execution session; reports ExecutionStatusChanged Connecting, then Connected
    /// (or Error) and a ReconciliationReport. Harmless while connecting or connected.
    virtual Result<void> connect() = 0;
    /// Ends the session (working orders stay at the venue); reports Disconnected. Idempotent.
    virtual void disconnect() = 0;

    /// Local errors: InvalidArgument for a malformed command (empty or too long client order
    /// id, wrong venue, missing side/type), Unavailable when not connected. Venue-side problems
    /// (tick size, balance, unknown symbol...) come back as OrderRejected.
    virtual Result<void> submit(const SubmitOrder& command) = 0;
    /// Answered by OrderReplaced or RequestRejected.
    virtual Result<void> modify(const ModifyOrder& command) = 0;
    /// Answered by OrderCanceled or RequestRejected (UnknownOrder when it is no longer working).
    virtual Result<void> cancel(const CancelOrder& command) = 0;
    /// Answered by one OrderCanceled per canceled order (nothing when none were working).
    virtual Result<void> cancelAll(const CancelAllOrders& command) = 0;
    /// Answered by one ReconciliationReport with the same requestId.
    virtual Result<void> requestReconciliation(const RequestReconciliation& command) = 0;
};

} // namespace cw::adapters
