// SPDX-License-Identifier: MIT
// Kills a trading process (JournalCrashChild: orders through the OrderGateway and its risk
// gate to the paper broker, every event journaled) with SIGKILL at random moments, and checks
// after each kill that the file passes PRAGMA integrity_check and holds every event id the
// process reported committed.
#include "core/journal/JournalReader.hpp"
#include "tests/unit/journal/TempJournalDir.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <gtest/gtest.h>
#include <poll.h>
#include <random>
#include <spawn.h>
#include <sqlite3.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace cw::journal;
using cw::journal::test::TempJournalDir;
using Clock = std::chrono::steady_clock;

extern char** environ;

namespace {

/// What one run of the child said before it ended.
struct ChildRun {
    bool started = false;
    std::int64_t sessionId = 0;
    std::int64_t firstId = 0;
    int uncleanFound = 0;
    std::int64_t maxCommitted = 0;
    int commits = 0;
    bool closed = false;
    long ordersPlaced = 0; ///< from "closed": orders the process placed
    long fillsSeen = 0;    ///< from "closed": fills the process handled
    int exitStatus = 0;
};

void parseLine(const std::string& line, ChildRun& run) {
    std::istringstream in(line);
    std::string word;
    in >> word;
    if (word == "started") {
        run.started = true;
        in >> run.sessionId >> run.firstId >> run.uncleanFound;
    } else if (word == "committed") {
        std::int64_t id = 0;
        in >> id;
        EXPECT_GT(id, run.maxCommitted) << "commits are reported in increasing order";
        run.maxCommitted = std::max(run.maxCommitted, id);
        ++run.commits;
    } else if (word == "closed") {
        run.closed = true;
        in >> run.ordersPlaced >> run.fillsSeen;
    }
}

/// When the kill delay starts to count.
enum class KillClock { Invalid = 0, FromLaunch, FromFirstCommit };

/// Runs the child; kills it with SIGKILL `killAfter` after its launch or after its first
/// reported commit (never, when negative) and reads
/// every complete line it wrote.
ChildRun runChild(const std::vector<std::string>& args, std::chrono::microseconds killAfter,
                  KillClock killClock, std::chrono::seconds limit = std::chrono::seconds(60)) {
    ChildRun run;
    int fds[2];
    if (::pipe(fds) != 0) {
        ADD_FAILURE() << "pipe: " << std::strerror(errno);
        return run;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
        ADD_FAILURE() << "posix_spawn " << argv[0] << ": " << std::strerror(rc);
        ::close(fds[0]);
        return run;
    }

    const auto start = Clock::now();
    auto killBase = start;
    bool killed = false;
    std::string pending;
    char buffer[4096];
    for (;;) {
        int waitMs = 50;
        const bool clockRuns = killClock == KillClock::FromLaunch || run.commits > 0;
        if (killAfter.count() >= 0 && !killed && clockRuns) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                killBase + killAfter - Clock::now());
            if (left.count() <= 0) {
                ::kill(pid, SIGKILL);
                killed = true;
            } else {
                waitMs = static_cast<int>(std::min<long>(left.count(), 50));
            }
        }
        if (Clock::now() - start > limit && !killed) {
            ADD_FAILURE() << "the child ran past " << limit.count() << " s";
            ::kill(pid, SIGKILL);
            killed = true;
        }
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, waitMs) <= 0)
            continue;
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0)
            break; // EOF: the child is gone and everything it wrote has been read
        pending.append(buffer, static_cast<std::size_t>(n));
        for (auto nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n')) {
            const int commitsBefore = run.commits;
            parseLine(pending.substr(0, nl), run);
            if (commitsBefore == 0 && run.commits > 0 && killClock == KillClock::FromFirstCommit)
                killBase = Clock::now();
            pending.erase(0, nl + 1);
        }
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    run.exitStatus = status;
    return run;
}

/// What the check after a kill found.
enum class FileState { Invalid = 0, Checked, Missing, NeedsRecovery };

bool needsRecovery(sqlite3* db) {
    const int code = sqlite3_extended_errcode(db);
    return code == SQLITE_READONLY_ROLLBACK || code == SQLITE_READONLY_RECOVERY ||
           code == SQLITE_READONLY_CANTINIT;
}

/// Checks the file with plain SQLite on a read-only connection: integrity, ids 1..max all
/// present, at least `mustContain`. A file the kill left needing crash recovery (a hot
/// rollback journal while switching to WAL, a WAL index to rebuild) cannot be read
/// read-only: NeedsRecovery, and the next writer must recover it.
FileState checkFile(const std::string& path, std::int64_t mustContain, std::int64_t& maxInFile) {
    maxInFile = 0;
    if (!std::filesystem::exists(path)) {
        // Killed before the file was created: nothing can have been reported.
        EXPECT_EQ(mustContain, 0);
        return FileState::Missing;
    }
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    const auto single = [&](const char* sql, std::string& text, std::int64_t& a, std::int64_t& b) {
        sqlite3_stmt* statement = nullptr;
        int rc = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW) {
            const auto* t = sqlite3_column_text(statement, 0);
            text = t ? reinterpret_cast<const char*>(t) : "";
            a = sqlite3_column_int64(statement, 0);
            b = sqlite3_column_int64(statement, 1);
        }
        sqlite3_finalize(statement);
        return rc;
    };
    std::string text;
    std::int64_t a = 0, b = 0;
    if (single("PRAGMA integrity_check", text, a, b) != SQLITE_ROW) {
        const bool recovery = needsRecovery(db);
        EXPECT_TRUE(recovery) << sqlite3_errmsg(db);
        sqlite3_close(db);
        return FileState::NeedsRecovery;
    }
    EXPECT_EQ(text, "ok");
    EXPECT_EQ(single("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND "
                     "name = 'events'",
                     text, a, b),
              SQLITE_ROW);
    if (a == 0) {
        // Killed while the new journal was being created: the creating transaction never
        // committed, and the file is an empty database that the next run starts afresh.
        sqlite3_close(db);
        EXPECT_EQ(mustContain, 0);
        return FileState::Checked;
    }
    EXPECT_EQ(single("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM events", text, a, b), SQLITE_ROW);
    sqlite3_close(db);
    maxInFile = b;
    // Every id the child saw committed is there, and nothing is missing below it.
    EXPECT_GE(maxInFile, mustContain);
    EXPECT_EQ(a, maxInFile) << "ids are not contiguous";
    return FileState::Checked;
}

} // namespace

TEST(JournalDurability, survivesRepeatedSigkillWithoutLosingCommittedRecords) {
    TempJournalDir dir;
    const std::string path = dir.file("crash.cwjournal");
    const std::string child = CW_JOURNAL_CRASH_CHILD;
    std::mt19937 rng(20261125); // seeded: the same kill times on every run
    std::uniform_int_distribution<int> killDelayUs(0, 100'000);

    constexpr int kKills = 30;
    const auto testStart = Clock::now();
    std::int64_t maxInFile = 0;   // the highest id in the file after the last check
    bool maxInFileKnown = true;   // false while the file waits for crash recovery
    std::int64_t reportedMax = 0; // the highest id any run reported committed
    int sessionsStarted = 0;
    int runsWithCommits = 0;
    int recoveries = 0;
    for (int k = 0; k < kKills; ++k) {
        SCOPED_TRACE("kill " + std::to_string(k));
        // Even kills: anywhere from the launch on (creating, migrating, opening the session);
        // odd kills: while records flow, after the first commit.
        const auto clock = k % 2 == 0 ? KillClock::FromLaunch : KillClock::FromFirstCommit;
        const ChildRun run =
            runChild({child, path}, std::chrono::microseconds(killDelayUs(rng)), clock);
        if (clock == KillClock::FromFirstCommit) {
            EXPECT_GT(run.commits, 0);
        }
        ASSERT_TRUE(WIFSIGNALED(run.exitStatus) && WTERMSIG(run.exitStatus) == SIGKILL)
            << "the child ended on its own (status " << run.exitStatus << ")";
        if (run.started) {
            ++sessionsStarted;
            // A relaunch (after recovery, if the kill left one to do) continues after the last
            // record that reached the file.
            if (maxInFileKnown)
                EXPECT_EQ(run.firstId, maxInFile + 1);
            else
                EXPECT_GT(run.firstId, reportedMax);
            EXPECT_LE(run.uncleanFound, 1);
        }
        if (run.commits > 0)
            ++runsWithCommits;
        reportedMax = std::max(reportedMax, run.maxCommitted);
        std::int64_t nowInFile = 0;
        const FileState state = checkFile(path, reportedMax, nowInFile);
        if (HasFatalFailure() || HasNonfatalFailure())
            return;
        if (state == FileState::NeedsRecovery) {
            ++recoveries;
            maxInFileKnown = false;
        } else {
            EXPECT_GE(nowInFile, maxInFile);
            maxInFile = nowInFile;
            maxInFileKnown = true;
        }
        // Bounded total time, even on a slow (sanitizer) build.
        ASSERT_LT(Clock::now() - testStart, std::chrono::seconds(90));
    }
    RecordProperty("kills_leaving_recovery", recoveries);
    // At least the odd kills land while records flow.
    EXPECT_GE(runsWithCommits, kKills / 2);

    // A last, clean run: a new session, after all the killed ones.
    const ChildRun last = runChild({child, path, "--orders", "40"}, std::chrono::microseconds(-1),
                                   KillClock::FromLaunch);
    ASSERT_TRUE(WIFEXITED(last.exitStatus) && WEXITSTATUS(last.exitStatus) == 0);
    EXPECT_TRUE(last.closed);
    if (maxInFileKnown)
        EXPECT_EQ(last.firstId, maxInFile + 1);
    else
        EXPECT_GT(last.firstId, reportedMax);

    auto reader = JournalReader::open(path);
    ASSERT_TRUE(reader.hasValue()) << reader.error().toString();
    auto sessions = reader->sessions();
    ASSERT_TRUE(sessions.hasValue());
    ASSERT_GE(static_cast<int>(sessions->size()), sessionsStarted + 1);
    for (std::size_t i = 0; i + 1 < sessions->size(); ++i) {
        EXPECT_FALSE((*sessions)[i].cleanShutdown) << "session " << (*sessions)[i].id;
        EXPECT_GE((*sessions)[i].stopNs, (*sessions)[i].startNs) << "crashed sessions get a stop";
    }
    EXPECT_TRUE(sessions->back().cleanShutdown);
    EXPECT_EQ(sessions->back().id, last.sessionId);
    // The clean run's whole order flow is there: every order it placed (request and risk
    // decision) and every fill it handled.
    auto flow = reader->events(JournalQuery{.sessionId = last.sessionId, .limit = 0});
    ASSERT_TRUE(flow.hasValue()) << flow.error().toString();
    const auto countOf = [&](std::string_view action) {
        return std::count_if(flow->begin(), flow->end(),
                             [&](const JournalEntry& e) { return e.record.action == action; });
    };
    EXPECT_EQ(last.ordersPlaced, 40);
    EXPECT_EQ(countOf("SubmitOrder"), last.ordersPlaced);
    EXPECT_EQ(countOf("RiskCheck"), last.ordersPlaced);
    EXPECT_GT(countOf("CancelOrder"), 0) << "the resting limit orders were canceled";
    EXPECT_GT(last.fillsSeen, 0);
    EXPECT_EQ(countOf("OrderFilled"), last.fillsSeen);
    // The killed runs traded too.
    auto allFills = reader->count(JournalQuery{.kind = JournalKind::Fill});
    ASSERT_TRUE(allFills.hasValue());
    EXPECT_GT(*allFills, last.fillsSeen);
}
