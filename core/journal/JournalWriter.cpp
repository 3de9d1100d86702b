// SPDX-License-Identifier: MIT
#include "core/journal/JournalWriter.hpp"

#include "core/journal/JournalSchema.hpp"

#include <algorithm>
#include <sqlite3.h>
#include <utility>

namespace cw::journal {
namespace {

constexpr std::chrono::milliseconds kMaxRetryDelay{1000};
/// While closing, how many times a failing batch is retried before it is given up (reported).
constexpr int kRetriesWhenClosing = 3;

std::string insertSql() {
    std::string placeholders;
    for (int i = 0; i < JournalSchema::kEventColumnCount; ++i)
        placeholders += i == 0 ? "?" : ",?";
    return "INSERT INTO events (" + std::string(JournalSchema::kEventColumns) + ") VALUES (" +
           placeholders + ")";
}

} // namespace

JournalWriter::JournalWriter(JournalWriterOptions options, JournalDatabase database)
    : m_options(std::move(options)), m_database(std::move(database)) {}

Result<std::unique_ptr<JournalWriter>> JournalWriter::open(JournalWriterOptions options) {
    options.maxBatchRecords = std::max<std::size_t>(options.maxBatchRecords, 1);
    auto database = JournalDatabase::openForWriting(options.path, options.quickCheckOnOpen);
    if (!database)
        return database.error();
    std::unique_ptr<JournalWriter> writer(
        new JournalWriter(std::move(options), std::move(*database)));
    if (auto prepared = writer->prepare(); !prepared)
        return prepared.error();
    writer->m_thread = std::thread([raw = writer.get()] { raw->run(); });

    JournalRecord started = JournalRecord::note("", JournalRecord::kOriginEngine, writer->now());
    started.kind = JournalKind::Session;
    started.action = "SessionStarted";
    started.account = writer->m_options.account;
    started.message = "Candlewick " + writer->m_options.appVersion + " started journaling";
    if (writer->m_uncleanSessions > 0)
        started.details =
            "{\"uncleanSessionsFound\":" + std::to_string(writer->m_uncleanSessions) + "}";
    writer->append(std::move(started));
    return writer;
}

Result<void> JournalWriter::prepare() {
    const std::string& path = m_options.path;
    sqlite3_busy_timeout(m_database.handle(), static_cast<int>(m_options.busyTimeout.count()));
    // Sessions a crash left open end at their last event.
    if (auto r = m_database.execute(
            "UPDATE sessions SET stop_ns = COALESCE((SELECT MAX(local_ns) FROM events "
            "WHERE events.session_id = sessions.id), start_ns) WHERE stop_ns IS NULL");
        !r)
        return r.error();
    m_uncleanSessions = sqlite3_changes(m_database.handle());

    auto insertSession = JournalStatement::prepare(
        m_database.handle(), "INSERT INTO sessions (start_ns, clean_shutdown, app_version, "
                             "account) VALUES (?, 0, COALESCE(?, ''), COALESCE(?, ''))");
    if (!insertSession)
        return insertSession.error();
    insertSession->bind(1, now());
    insertSession->bind(2, std::string_view(m_options.appVersion));
    insertSession->bind(3, std::string_view(m_options.account));
    if (insertSession->step() != SQLITE_DONE)
        return fail(ErrorCode::IoError, "journal '" + path + "': cannot start a session (" +
                                            sqlite3_errmsg(m_database.handle()) + ")");
    m_sessionId = sqlite3_last_insert_rowid(m_database.handle());

    auto maxId = m_database.queryInt64("SELECT MAX(id) FROM events");
    if (!maxId)
        return maxId.error();
    m_nextId = *maxId + 1;
    m_committedId.store(*maxId, std::memory_order_release);
    m_notifiedId = *maxId;

    auto insert = JournalStatement::prepare(m_database.handle(), insertSql());
    auto begin = JournalStatement::prepare(m_database.handle(), "BEGIN IMMEDIATE");
    auto commit = JournalStatement::prepare(m_database.handle(), "COMMIT");
    auto rollback = JournalStatement::prepare(m_database.handle(), "ROLLBACK");
    for (auto* statement : {&insert, &begin, &commit, &rollback}) {
        if (!*statement)
            return statement->error();
    }
    m_insert = std::move(*insert);
    m_begin = std::move(*begin);
    m_commit = std::move(*commit);
    m_rollback = std::move(*rollback);
    return {};
}

JournalWriter::~JournalWriter() {
    (void)close();
}

TimestampNs JournalWriter::now() const {
    if (m_options.clock)
        return m_options.clock();
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t JournalWriter::append(JournalRecord record) {
    std::int64_t id = 0;
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            m_errors.push_back(
                fail(ErrorCode::Unavailable,
                     "journal '" + m_options.path + "' is closed: a record was not written (" +
                         std::string(journalKindName(record.kind)) + " " + record.action + ")"));
            return 0;
        }
        id = m_nextId++;
        m_queue.push_back(Pending{id, std::move(record)});
        // Wake the writer when it sleeps on an empty queue or a batch is full; otherwise it is
        // busy or gathering and will see the record in time.
        wake = m_queue.size() == 1 || m_queue.size() == m_options.maxBatchRecords;
    }
    if (wake)
        m_wake.notify_one();
    return id;
}

Result<std::int64_t> JournalWriter::appendAndWait(JournalRecord record,
                                                  std::chrono::milliseconds timeout) {
    const std::int64_t id = append(std::move(record));
    if (id == 0)
        return fail(ErrorCode::Unavailable, "journal '" + m_options.path + "' is closed");
    if (auto committed = waitForCommit(id, timeout); !committed)
        return committed.error();
    return id;
}

Result<void> JournalWriter::flush(std::chrono::milliseconds timeout) {
    return waitForCommit(lastAssignedId(), timeout);
}

Result<void> JournalWriter::waitForCommit(std::int64_t id, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    if (m_notifiedId >= id)
        return {};
    if (m_closed)
        return fail(ErrorCode::Unavailable, "journal '" + m_options.path + "' is closed");
    ++m_flushWaiters;
    lock.unlock();
    m_wake.notify_one();
    lock.lock();
    const auto done = [&] { return m_notifiedId >= id || m_closed; };
    bool reached = true;
    if (timeout == kNoTimeout)
        m_committed.wait(lock, done);
    else
        reached = m_committed.wait_for(lock, timeout, done);
    --m_flushWaiters;
    if (m_notifiedId >= id)
        return {};
    std::string why = reached ? "the journal was closed" : "timed out";
    if (!m_lastError.empty())
        why += "; last error: " + m_lastError;
    return fail(ErrorCode::Unavailable, "journal '" + m_options.path + "': event " +
                                            std::to_string(id) + " not committed (" + why + ")");
}

std::int64_t JournalWriter::lastAssignedId() const {
    std::lock_guard lock(m_mutex);
    return m_nextId - 1;
}

std::vector<Error> JournalWriter::takeErrors() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_errors, {});
}

Result<void> JournalWriter::close() {
    if (!m_thread.joinable())
        return {};
    JournalRecord stopped = JournalRecord::note("", JournalRecord::kOriginEngine, now());
    stopped.kind = JournalKind::Session;
    stopped.action = "SessionStopped";
    stopped.account = m_options.account;
    stopped.message = "Candlewick " + m_options.appVersion + " stopped journaling";
    append(std::move(stopped));
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();

    std::size_t unwritten = 0;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        unwritten = m_unwritten;
    }
    m_committed.notify_all();
    if (unwritten > 0)
        return fail(ErrorCode::IoError, "journal '" + m_options.path +
                                            "': " + std::to_string(unwritten) +
                                            " records could not be written (" + m_lastError + ")");

    auto closeSession = JournalStatement::prepare(
        m_database.handle(), "UPDATE sessions SET stop_ns = ?, clean_shutdown = 1 WHERE id = ?");
    if (!closeSession)
        return closeSession.error();
    closeSession->bind(1, now());
    closeSession->bind(2, m_sessionId);
    if (closeSession->step() != SQLITE_DONE)
        return fail(ErrorCode::IoError, "journal '" + m_options.path +
                                            "': cannot close the session (" +
                                            sqlite3_errmsg(m_database.handle()) + ")");
    return {};
}

void JournalWriter::run() {
    std::vector<Pending> work;
    std::size_t done = 0;
    auto retryDelay = m_options.retryDelay;
    int failuresWhileStopping = 0;
    for (;;) {
        if (done == work.size()) {
            work.clear();
            done = 0;
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty())
                return; // stopping, everything written
            if (m_options.maxBatchDelay.count() > 0 && m_queue.size() < m_options.maxBatchRecords &&
                m_flushWaiters == 0 && !m_stopping) {
                m_wake.wait_for(lock, m_options.maxBatchDelay, [&] {
                    return m_queue.size() >= m_options.maxBatchRecords || m_flushWaiters > 0 ||
                           m_stopping;
                });
            }
            work.swap(m_queue);
        }

        const std::size_t count = std::min(work.size() - done, m_options.maxBatchRecords);
        auto written = writeBatch(work.data() + done, count);
        if (written) {
            done += count;
            retryDelay = m_options.retryDelay;
            failuresWhileStopping = 0;
            publishCommitted(work[done - 1].id);
            continue;
        }

        reportError(written.error());
        std::unique_lock lock(m_mutex);
        if (m_stopping && ++failuresWhileStopping > kRetriesWhenClosing) {
            // Give up: close() reports how many records were lost.
            m_unwritten += (work.size() - done) + m_queue.size();
            m_queue.clear();
            return;
        }
        m_wake.wait_for(lock, retryDelay, [&] { return m_stopping; });
        retryDelay = std::min(retryDelay * 2, kMaxRetryDelay);
    }
}

Result<void> JournalWriter::writeBatch(const Pending* first, std::size_t count) {
    sqlite3* db = m_database.handle();
    const auto failure = [&](std::string_view step) -> Error {
        Error error =
            fail(ErrorCode::IoError, "journal '" + m_options.path + "': " + std::string(step) +
                                         " of " + std::to_string(count) + " records (ids " +
                                         std::to_string(first->id) + "..." +
                                         std::to_string(first[count - 1].id) +
                                         ") failed: " + sqlite3_errmsg(db) + "; will retry");
        m_insert.reset();
        m_commit.reset();
        m_begin.reset();
        if (sqlite3_get_autocommit(db) == 0) {
            m_rollback.step();
            m_rollback.reset();
        }
        return error;
    };

    if (m_begin.step() != SQLITE_DONE)
        return failure("begin");
    m_begin.reset();
    for (std::size_t i = 0; i < count; ++i) {
        const Pending& pending = first[i];
        const JournalRecord& r = pending.record;
        m_insert.bind(1, pending.id);
        m_insert.bind(2, m_sessionId);
        m_insert.bind(3, journalKindName(r.kind));
        m_insert.bind(4, static_cast<std::int64_t>(r.localTimeNs));
        m_insert.bind(5, static_cast<std::int64_t>(r.venueTimeNs));
        const std::string* texts[] = {
            &r.action,       &r.venue,         &r.account,     &r.instrument, &r.clientOrderId,
            &r.venueOrderId, &r.linkedOrderId, &r.origin,      &r.side,       &r.orderType,
            &r.timeInForce,  &r.quantity,      &r.price,       &r.stopPrice,  &r.fillQuantity,
            &r.fillPrice,    &r.fee,           &r.feeCurrency, &r.tradeId,    &r.status,
            &r.reason,       &r.message,       &r.details};
        int index = 6;
        for (const std::string* text : texts)
            m_insert.bind(index++, std::string_view(*text));
        if (m_insert.step() != SQLITE_DONE)
            return failure("insert");
        m_insert.reset();
    }
    if (m_commit.step() != SQLITE_DONE)
        return failure("commit");
    m_commit.reset();
    return {};
}

void JournalWriter::reportError(Error error) {
    if (m_options.onError)
        m_options.onError(error);
    std::lock_guard lock(m_mutex);
    m_lastError = error.message;
    m_errors.push_back(std::move(error));
}

void JournalWriter::publishCommitted(std::int64_t id) {
    m_committedId.store(id, std::memory_order_release);
    if (m_options.onCommitted)
        m_options.onCommitted(id);
    // Waiters return only after the callback, so a flush() that returned has seen it run.
    {
        std::lock_guard lock(m_mutex);
        m_notifiedId = id;
    }
    m_committed.notify_all();
}

} // namespace cw::journal
