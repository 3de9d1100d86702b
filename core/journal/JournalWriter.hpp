// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/journal/JournalDatabase.hpp"
#include "core/journal/JournalRecord.hpp"
#include "core/journal/JournalStatement.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cw::journal {

/// How a JournalWriter opens its file and batches.
struct JournalWriterOptions {
    std::string path{};       ///< the journal file; created when missing
    std::string appVersion{}; ///< written to the session row ("0.1.0")
    std::string account{};    ///< written to the session row; may be empty
    /// Most records committed in one transaction. The writer commits whatever is queued when
    /// it is free (group commit), so batches are short when the rate is low and grow up to
    /// this bound under a backlog, where larger transactions cost less per record.
    std::size_t maxBatchRecords = 16384;
    /// After the first record of a batch arrives, how long the writer waits for more before
    /// committing (unless the batch is full or someone waits in flush/appendAndWait). 0: commit
    /// at once; records that arrive during a commit form the next batch.
    std::chrono::microseconds maxBatchDelay{0};
    /// First wait before retrying a failed commit; doubles up to one second.
    std::chrono::milliseconds retryDelay{20};
    /// How long one commit waits for a lock held by another connection before it fails
    /// (and is retried).
    std::chrono::milliseconds busyTimeout{5000};
    /// Run `PRAGMA quick_check` when opening an existing file (O(file size)).
    bool quickCheckOnOpen = true;
    /// Called on the writer thread after every commit with the highest committed id. Keep it
    /// short (post to the engine queue, notify a condition variable).
    std::function<void(std::int64_t committedId)> onCommitted{};
    /// Called on the writer thread for every failed commit (the records are kept and
    /// retried). Also kept for takeErrors().
    std::function<void(const Error& error)> onError{};
    /// Local clock for session rows and session records; the system clock when empty.
    std::function<TimestampNs()> clock{};
};

/// Writes journal records to SQLite on a thread of its own ("journal before display").
///
/// `append` gives the record its event id at once (ids increase by one per append and never
/// repeat in a file: a new writer continues after the highest id stored) and queues it; it
/// never waits for the disk. The writer thread commits queued records in batches, one
/// transaction each (at most `maxBatchRecords`, gathered for at most `maxBatchDelay`), in WAL
/// mode with `synchronous=NORMAL`: a committed record survives a killed process (a power loss
/// may lose the last commits). `committedId()` is the highest id whose transaction has
/// committed; records commit in id order, so every id up to it is in the file.
///
/// A failed commit (disk full, I/O error, a locked file) is rolled back, reported through
/// `onError` and `takeErrors()`, and the same records are retried with a growing delay
/// (20 ms doubling to 1 s); nothing is dropped while the writer is open.
///
/// Each writer is one session: opening marks sessions left open by a crash as not cleanly
/// closed (stop time = their last event), adds a session row and journals a SessionStarted
/// record; `close()` journals SessionStopped and marks the session cleanly closed.
///
/// One writer per file (a second one, in any process, would fail its commits with
/// constraint errors). Readers (JournalReader) may read at any time.
///
/// Thread: `append`, `appendAndWait`, `flush`, `committedId`, `takeErrors` from any thread;
/// `close` and the destructor from the owning thread.
class JournalWriter {
public:
    /// Wait without a limit.
    static constexpr std::chrono::milliseconds kNoTimeout = std::chrono::milliseconds::max();

    /// Opens or creates the journal (see JournalDatabase::openForWriting for the errors: a
    /// file that is not a journal is never touched), migrates it, starts a session and the
    /// writer thread.
    static Result<std::unique_ptr<JournalWriter>> open(JournalWriterOptions options);

    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;
    /// close(), ignoring its result.
    ~JournalWriter();

    /// Queues `record` and returns its event id (> 0) without waiting for the disk. After
    /// close(): returns 0, the record is not written and an Unavailable error is recorded.
    std::int64_t append(JournalRecord record);
    /// append(), then waits until the record is committed. Unavailable when `timeout`
    /// passes first (the record stays queued and is still written) or after close().
    Result<std::int64_t> appendAndWait(JournalRecord record,
                                       std::chrono::milliseconds timeout = kNoTimeout);
    /// Waits until every record appended before the call is committed and its onCommitted
    /// call has returned (the writer commits at once instead of gathering). Unavailable on timeout,
    /// naming the last commit error.
    Result<void> flush(std::chrono::milliseconds timeout = kNoTimeout);
    /// Waits until `id` is committed; as flush.
    Result<void> waitForCommit(std::int64_t id, std::chrono::milliseconds timeout = kNoTimeout);

    /// The highest committed id (0 before the first commit of a new file: ids of earlier
    /// sessions count as committed). Lock-free.
    std::int64_t committedId() const { return m_committedId.load(std::memory_order_acquire); }
    /// The id the last append returned.
    std::int64_t lastAssignedId() const;
    /// This session's row id in the `sessions` table.
    std::int64_t sessionId() const { return m_sessionId; }
    /// How many earlier sessions were found not cleanly closed when this writer opened.
    int uncleanSessionsFound() const { return m_uncleanSessions; }
    /// The commit errors since the last call (oldest first).
    std::vector<Error> takeErrors();
    const std::string& path() const { return m_options.path; }

    /// Journals SessionStopped, commits everything queued, marks the session cleanly closed
    /// and stops the thread. If the disk keeps failing, gives up after a few retries and
    /// returns IoError saying how many records were not written (the session then stays
    /// not cleanly closed). Idempotent.
    Result<void> close();

private:
    struct Pending {
        std::int64_t id = 0;
        JournalRecord record;
    };

    JournalWriter(JournalWriterOptions options, JournalDatabase database);
    Result<void> prepare();
    TimestampNs now() const;
    void run();
    Result<void> writeBatch(const Pending* first, std::size_t count);
    void reportError(Error error);
    void publishCommitted(std::int64_t id);

    JournalWriterOptions m_options;
    JournalDatabase m_database;
    JournalStatement m_insert;
    JournalStatement m_begin;
    JournalStatement m_commit;
    JournalStatement m_rollback;
    std::int64_t m_sessionId = 0;
    int m_uncleanSessions = 0;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;      ///< writer: records queued, flush requested, stop
    std::condition_variable m_committed; ///< waiters: committedId advanced
    std::vector<Pending> m_queue;
    std::int64_t m_nextId = 1;
    int m_flushWaiters = 0;
    bool m_stopping = false;
    bool m_closed = false;
    std::size_t m_unwritten = 0; ///< records given up on while stopping
    std::vector<Error> m_errors;
    std::string m_lastError;
    std::atomic<std::int64_t> m_committedId{0};
    std::int64_t m_notifiedId = 0; ///< committed and onCommitted called; guarded by m_mutex
    std::thread m_thread;
};

} // namespace cw::journal
