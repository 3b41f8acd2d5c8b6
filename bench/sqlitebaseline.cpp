// The baseline for LockScope's SQLite cycle: the plainest lease lock there is --
// one conditional upsert to acquire, one owner-scoped delete to release -- sent
// through the SQLite C API, one connection per thread on the same file, opened
// as LockScope opens it (WAL, synchronous=NORMAL, a busy timeout). Prints JSON.
// With --fenced it also does what a fence costs, still through the C API: the
// acquire becomes BEGIN IMMEDIATE, the upsert, LockScope's fence bump
// (lockscope_fences), COMMIT -- the price of fencing itself, without the library.
//
//   lockscope_sqlitebaseline --file PATH [--clients N] [--seconds S] [--fenced]
//
// The file must have LockScope's schema (`lockctl --db sqlite://PATH migrate`).
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr const char *kAcquire =
    "INSERT INTO aggregate_locks (lock_key, owner_token, acquired_at, expires_at) "
    "VALUES (?1, ?2, (julianday('now') - 2440587.5) * 86400.0, "
    "(julianday('now') - 2440587.5) * 86400.0 + ?3) "
    "ON CONFLICT (lock_key) DO UPDATE SET owner_token = excluded.owner_token, "
    "acquired_at = excluded.acquired_at, expires_at = excluded.expires_at "
    "WHERE aggregate_locks.expires_at <= (julianday('now') - 2440587.5) * 86400.0 "
    "OR aggregate_locks.owner_token = excluded.owner_token RETURNING owner_token";
constexpr const char *kBumpFence =
    "INSERT INTO lockscope_fences (lock_key, last_fence, owner_token) VALUES (?1, 1, ?2) "
    "ON CONFLICT (lock_key) DO UPDATE SET last_fence = lockscope_fences.last_fence + 1, "
    "owner_token = excluded.owner_token RETURNING last_fence";
constexpr const char *kRelease =
    "DELETE FROM aggregate_locks WHERE lock_key = ?1 AND owner_token = ?2";

struct Counts {
    long long cycles = 0;
    long long failures = 0;
};

bool pragma(sqlite3 *db, const char *sql) {
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "%s: %s\n", sql, error ? error : "?");
        sqlite3_free(error);
        return false;
    }
    return true;
}

// Steps a statement to its end; true when it ran (rows: the rows it returned).
bool run(sqlite3_stmt *statement, int *rows) {
    int rc;
    *rows = 0;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
        ++*rows;
    sqlite3_reset(statement);
    return rc == SQLITE_DONE;
}

void client(const std::string &file, int id, bool fenced, const std::atomic<bool> &stop,
            Counts *counts, std::atomic<bool> *broken) {
    sqlite3 *db = nullptr;
    // The busy timeout first: clients that open at once wait for each other's
    // PRAGMA journal_mode instead of failing with "database is locked".
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
            SQLITE_OK ||
        sqlite3_busy_timeout(db, 5000) != SQLITE_OK || !pragma(db, "PRAGMA journal_mode=WAL") ||
        !pragma(db, "PRAGMA synchronous=NORMAL")) {
        *broken = true;
        sqlite3_close(db);
        return;
    }
    sqlite3_stmt *acquire = nullptr;
    sqlite3_stmt *release = nullptr;
    sqlite3_stmt *begin = nullptr;
    sqlite3_stmt *bump = nullptr;
    sqlite3_stmt *commit = nullptr;
    auto prepare = [db](const char *sql, sqlite3_stmt **statement) {
        return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, statement, nullptr) ==
               SQLITE_OK;
    };
    if (!prepare(kAcquire, &acquire) || !prepare(kRelease, &release) ||
        (fenced && (!prepare("BEGIN IMMEDIATE", &begin) || !prepare(kBumpFence, &bump) ||
                    !prepare("COMMIT", &commit)))) {
        std::fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(db));
        *broken = true;
    }
    std::mt19937 random(static_cast<unsigned>(id) * 7919u + 1u);
    std::uniform_int_distribution<int> keys(0, 63);
    while (!*broken && !stop.load(std::memory_order_relaxed)) {
        const int k = keys(random);
        const std::string key = "bench/sqlplain/" + std::to_string(id) + "/" + std::to_string(k);
        const std::string token = "plain/" + std::to_string(id) + "/" + std::to_string(k);
        sqlite3_bind_text(acquire, 1, key.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(acquire, 2, token.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(acquire, 3, 30.0);
        int rows = 0;
        if (fenced && !run(begin, &rows)) {
            ++counts->failures;
            continue;
        }
        if (!run(acquire, &rows) || rows != 1) {
            if (fenced)
                pragma(db, "ROLLBACK");
            ++counts->failures;
            continue;
        }
        if (fenced) {
            sqlite3_bind_text(bump, 1, key.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(bump, 2, token.c_str(), -1, SQLITE_TRANSIENT);
            if (!run(bump, &rows) || rows != 1 || !run(commit, &rows)) {
                pragma(db, "ROLLBACK");
                ++counts->failures;
                continue;
            }
        }
        sqlite3_bind_text(release, 1, key.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(release, 2, token.c_str(), -1, SQLITE_TRANSIENT);
        if (!run(release, &rows) || sqlite3_changes(db) != 1) {
            ++counts->failures;
            continue;
        }
        ++counts->cycles;
    }
    for (sqlite3_stmt *statement : {acquire, release, begin, bump, commit})
        sqlite3_finalize(statement);
    sqlite3_close(db);
}

} // namespace

int main(int argc, char **argv) {
    std::string file;
    int clients = 1;
    double seconds = 10;
    bool fenced = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--fenced") == 0) {
            fenced = true;
            continue;
        }
        if (i + 1 >= argc)
            break;
        if (std::strcmp(argv[i], "--file") == 0)
            file = argv[i + 1];
        else if (std::strcmp(argv[i], "--clients") == 0)
            clients = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--seconds") == 0)
            seconds = std::atof(argv[i + 1]);
        ++i;
    }
    if (file.empty() || clients < 1 || clients > 256 || !(seconds > 0)) {
        std::fprintf(stderr, "usage: lockscope_sqlitebaseline --file PATH [--clients 1..256] "
                             "[--seconds S] [--fenced]\n");
        return 2;
    }
    std::atomic<bool> stop{false};
    std::atomic<bool> broken{false};
    std::vector<Counts> counts(static_cast<size_t>(clients));
    std::vector<std::thread> threads;
    const auto start = std::chrono::steady_clock::now();
    for (int c = 0; c < clients; ++c)
        threads.emplace_back(client, file, c, fenced, std::cref(stop),
                             &counts[static_cast<size_t>(c)], &broken);
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto &t : threads)
        t.join();
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (broken)
        return 1;
    long long cycles = 0;
    long long failures = 0;
    for (const Counts &c : counts) {
        cycles += c.cycles;
        failures += c.failures;
    }
    std::printf("{\"fenced\":%s,\"clients\":%d,\"cycles\":%lld,\"failures\":%lld,\"seconds\":%.2f,"
                "\"cycles_per_s\":%.1f,\"sqlite\":\"%s\"}\n",
                fenced ? "true" : "false", clients, cycles, failures, elapsed,
                static_cast<double>(cycles) / elapsed, sqlite3_libversion());
    return 0;
}
