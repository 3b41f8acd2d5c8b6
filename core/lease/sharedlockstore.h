#pragma once

#include "base/canceltoken.h"
#include "base/result.h"
#include "db/connectionparams.h"
#include "db/pgstatement.h"
#include "db/threadconnections.h"
#include "lease/leaseconfig.h"
#include "lease/leaseinfo.h"
#include "lease/sharedrelease.h"

#include <QHash>
#include <QSqlError>
#include <QVariant>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QSqlQuery;

namespace lockscope {

class RedisSharedStore;

// The database side of semaphores and reader-writer leases (migration 0008)
// on PostgreSQL and SQLite, and on Redis (RedisSharedStore, which does the
// work there); owned by a LeaseBackend, which shares its gate, wake-ups and
// statement count with them. Each method runs on the calling thread's own
// lease connection.
class SharedLockStore final {
public:
    SharedLockStore(const ConnectionParams &params, const LeaseConfig &config,
                    std::atomic<quint64> &statements);
    ~SharedLockStore();
    SharedLockStore(const SharedLockStore &) = delete;
    SharedLockStore &operator=(const SharedLockStore &) = delete;

    // The kind a key was given by its first semaphore or reader-writer use.
    struct KeyKind {
        QString kind; // "semaphore" or "rw"
        int permits = 0;
    };
    // nullopt: the key has no recorded kind (or the database has no 0008).
    static Result<std::optional<KeyKind>> kindOf(const ConnectionParams &params,
                                                 const QString &key);
    // The error for using a key of kind `is` as `wanted` ("lease" for a plain lease).
    static Error wrongKind(const QString &key, const KeyKind &is, LockKind wanted, int permits);

    // Records the key as `kind` on its first use, claiming it in aggregate_locks
    // with the kind's marker row in the same transaction (migration 0009), or
    // checks that it is one: WrongKind when it is another kind, has other
    // permits, or a live plain lease holds it. The answer is cached per key and
    // backend until an attempt finds the kind gone (kindGone; forget()). On
    // Redis nothing to do: every acquire attempt claims and checks the kind in
    // its own script (and answers WrongKind). A key's row that stays locked
    // makes a statement wait up to the connection's lock_timeout -- or, when
    // `deadline` comes sooner, until `deadline` -- and answer Busy; it is tried
    // again, but not once `deadline` has passed or `cancel` was set (Busy then
    // too: the caller says why it stopped).
    Status useAs(const QString &key, LockKind kind, int permits,
                 std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt,
                 const CancelToken *cancel = nullptr);
    // Drops the cached answer of useAs for `key`.
    void forget(const QString &key);
    // PostgreSQL: the most any statement on a lease connection waits for a row
    // another transaction holds locked (its session's lock_timeout, set by
    // LeaseBackend), then 55P03 (Busy).
    static constexpr std::chrono::milliseconds rowWaitBackstop() { return std::chrono::seconds(6); }

    struct Attempt {
        std::optional<LeaseInfo> info; // acquired
        bool retryAtOnce = false;      // a free slot was taken at the same moment
        bool kindGone = false;         // the key is no longer this kind: useAs again
    };
    // One attempt. A reader or writer that is not admitted records (or
    // refreshes) its place in the key's queue; withdraw() gives it up. On
    // PostgreSQL a row another transaction holds locked makes it wait up to
    // the connection's lock_timeout, or until `deadline` when that comes
    // sooner, and answer Busy.
    Result<Attempt>
    acquireOnce(const QString &key, const QString &token, LockKind kind, int permits,
                std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt);
    // What `token` held under `key` and is gone now (SharedRelease).
    // PostgreSQL notifies a registered waiter.
    Result<SharedRelease> releaseOnce(const QString &key, const QString &token);
    Result<std::optional<double>> renewOnce(const QString &key, const QString &token, LockKind kind,
                                            std::chrono::milliseconds ttl);
    Result<std::optional<double>> renewBounded(const QString &key, const QString &token,
                                               LockKind kind, std::chrono::milliseconds ttl,
                                               std::chrono::steady_clock::time_point deadline,
                                               const std::function<bool()> &stopped);
    // How long a waiting reader's or writer's place lasts unless its next
    // attempt renews it: a waiter that died stops holding others back after it.
    std::chrono::milliseconds waitLife() const;

private:
    Result<Attempt> acquireSlotPostgres(const QString &key, const QString &token, int permits,
                                        std::optional<std::chrono::milliseconds> rowWait);
    // Whether this database has migration 0010's lockscope_semaphore_acquire:
    // kept once found; "absent" is asked again after a few seconds (a
    // `lockctl migrate` while the service runs), a failed look-up never kept.
    Result<bool> hasSlotFunction();
    Result<Attempt> acquireSlotSqlite(const QString &key, const QString &token, int permits);
    Result<Attempt> acquireCounting(const QString &key, const QString &token, int permits);
    Result<Attempt> acquireRwPostgres(const QString &key, const QString &token, bool write,
                                      std::optional<std::chrono::milliseconds> rowWait);
    Result<Attempt> acquireRwSqlite(const QString &key, const QString &token, bool write);
    // Claims the key and records its kind (or, the control, only records it).
    // rowWait (PostgreSQL): wait no longer than this for the key's row when
    // another transaction holds it locked (SET LOCAL lock_timeout in a
    // transaction of the statement's own), not the connection's backstop.
    Status recordKind(const QString &key, const QString &kind, int permits,
                      std::optional<std::chrono::milliseconds> rowWait = std::nullopt);
    // SQLite, inside an acquire's transaction: whether the key still is this kind.
    Result<bool> stillKind(const QString &key, LockKind kind, int permits, const QString &what);
    // Runs one statement on this thread's lease connection; rows as lists.
    // *resent tells whether the rows are a second send's (PostgreSQL, after
    // the connection was cut: the first may have applied, its reply lost).
    static Result<QList<QVariantList>> rowsOf(QSqlQuery &q, int *affected);
    Result<QList<QVariantList>> run(const QString &sql, const QVariantList &values,
                                    const QString &what, int *affected = nullptr,
                                    bool *resent = nullptr);
    Error failed(const QSqlError &error, const QString &what);

    ConnectionParams m_params;
    LeaseConfig m_config;
    std::atomic<quint64> &m_statements;
    ThreadConnections::Key m_connection;
    PgStatement m_pgRenewSlot;
    PgStatement m_pgRenewRw;
    std::atomic<int> m_slotFunction{-1};          // -1 unknown, 0 absent, 1 present
    std::atomic<qint64> m_slotFunctionAskedMs{0}; // steady clock, while absent
    std::mutex m_kindsMutex;
    QHash<QString, QString> m_checked;         // key -> "semaphore:N" or "rw"
    std::unique_ptr<RedisSharedStore> m_redis; // Redis only
};

} // namespace lockscope
