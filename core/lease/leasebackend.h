#pragma once

#include "base/canceltoken.h"
#include "base/result.h"
#include "db/connectionparams.h"
#include "db/pgstatement.h"
#include "db/threadconnections.h"
#include "lease/keywakeups.h"
#include "lease/leaseconfig.h"
#include "lease/leaseinfo.h"
#include "lease/leasesql.h"
#include "lease/leasestore.h"
#include "lease/localgate.h"
#include "lease/sharedgate.h"
#include "lease/sharedlockstore.h"

#include <QSqlError>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace lockscope {

class ReleaseListener;

// What bounds one acquire attempt on PostgreSQL, where the upsert waits for
// any other transaction that holds the key's row: normally one committing for
// a few milliseconds, but a program that wrote or locked the row and left its
// transaction open holds it until that ends. The attempt gives up at
// `deadline` (but never within its first second), at the latest
// LeaseBackend::attemptRowWait() after it was sent, or within 50 ms of
// `cancel`. The server then gets a cancel request, and its answer is taken: a
// statement that completed first counts as such.
struct AcquireBound {
    std::optional<std::chrono::steady_clock::time_point> deadline;
    const CancelToken *cancel = nullptr;
};

// The state a LeaseManager shares with the Lease handles it gave out, so a handle
// may outlive its manager. Each method runs one statement on the calling
// thread's own lease connection and counts it.
class LeaseBackend final {
public:
    LeaseBackend(ConnectionParams params, LeaseConfig config);
    ~LeaseBackend();
    LeaseBackend(const LeaseBackend &) = delete;
    LeaseBackend &operator=(const LeaseBackend &) = delete;

    static constexpr std::chrono::milliseconds attemptRowWait() { return std::chrono::seconds(5); }
    // One conditional upsert. nullopt: another live holder has the key.
    // `registered`: the caller registered `token` as a waiter for the key
    // (registerWaiter); an acquire drops the registration in the same statement.
    // Busy: the key's row stayed locked past the bound (PostgreSQL) or the file
    // stayed locked past the busy timeout (SQLite); Cancelled: `cancel` fired.
    Result<std::optional<LeaseInfo>> acquireOnce(const QString &key, const QString &token,
                                                 bool registered = false,
                                                 const AcquireBound &bound = AcquireBound());
    // PostgreSQL with migration 0007 and release notifications on: registers
    // `token` as waiting for `key`, so that a release of the key notifies
    // (releases notify only when someone waits). The caller must already be
    // listening (listenForReleases) and must try once more after this returns
    // true: a release that came before the registration was committed sent no
    // notification, but that next attempt sees it. false: nothing to register
    // with (SQLite, an older schema, notifications off) -- wait by polling.
    Result<bool> registerWaiter(const QString &key, const QString &token);
    // Drops the registration (the caller gave up waiting).
    Status unregisterWaiter(const QString &key, const QString &token);
    // How long a registration lasts unless renewed: a waiter registers again
    // after half of it. A waiter that died stops costing notifications after it.
    static constexpr std::chrono::seconds waiterRegistrationLife() {
        return std::chrono::seconds(30);
    }
    // true: the lease was still ours and is gone now. A release the store never
    // applied (the connection was lost and the server down -- PostgreSQL or
    // Redis --, or a SQLite file write-locked by another connection past the
    // busy timeout) is kept and sent again before this backend's next acquire,
    // so an outage or a long write does not leave the key blocked for a whole
    // TTL; it only ever deletes the row (key) while it still carries `token`.
    // On PostgreSQL it waits at most attemptRowWait() for another transaction
    // that holds the row, then answers Busy and keeps it the same way.
    Result<bool> releaseOnce(const QString &key, const QString &token);
    // Releases waiting to be sent again: plain leases (every store) and
    // permits, readers and writers (releaseHolder).
    int pendingReleases() const;
    bool hasPendingReleases() const { return m_hasPending.load(std::memory_order_acquire); }
    // Sends them now on this thread's connection; those the server still
    // cannot be reached for stay.
    void retryPendingReleases();
    // New expires_at, or nullopt when the lease is no longer ours.
    Result<std::optional<double>> renewOnce(const QString &key, const QString &token,
                                            std::chrono::milliseconds ttl);
    // The same for the heartbeat: never waits past `deadline` (nor 50 ms past a
    // stop) whatever the server or the network does -- Timeout / Cancelled
    // then, and this thread's connection is closed, to be reopened next time.
    Result<std::optional<double>> renewBounded(const QString &key, const QString &token,
                                               std::chrono::milliseconds ttl,
                                               std::chrono::steady_clock::time_point deadline,
                                               const std::function<bool()> &stopped);

    // Semaphores and reader-writer leases (migration 0008): their store and
    // in-process gate; they share this backend's wake-ups and listener.
    SharedLockStore &sharedLocks() { return *m_shared; }
    SharedGate &sharedGate() { return m_sharedGate; }
    // Release and renew whatever `info` holds: a lease, a permit, a reader or
    // the writer. releaseHolder answers as releaseOnce does, and keeps a
    // permit's, reader's or writer's release that did not get through (the
    // connection cut and the server unreachable, or a SQLite file locked past
    // its busy timeout) to send again, as releaseOnce keeps a lease's. A
    // release that got through wakes this process's waiters for the key.
    Result<bool> releaseHolder(const LeaseInfo &info);
    Result<std::optional<double>> renewHolder(const LeaseInfo &info, std::chrono::milliseconds ttl);
    Result<std::optional<double>> renewHolderBounded(const LeaseInfo &info,
                                                     std::chrono::milliseconds ttl,
                                                     std::chrono::steady_clock::time_point deadline,
                                                     const std::function<bool()> &stopped);

    const ConnectionParams &params() const { return m_params; }
    const LeaseConfig &config() const { return m_config; }
    LocalGate &gate() { return m_gate; }
    KeyWakeups &wakeups() { return m_wakeups; }
    // Starts the release listener (PostgreSQL, when enabled) if not yet running;
    // true when releases of other processes will wake this process's waiters.
    bool listenForReleases();
    quint64 statementCount() const { return m_statements.load(std::memory_order_relaxed); }

    static QString connectionPurpose() { return QStringLiteral("lease"); }
    // How long "the database has no fence (or waiter) table" is believed before
    // it is looked up again (a `lockctl migrate` while the service runs). Tables
    // once found are kept for the backend's life; a failed look-up is never kept.
    static constexpr std::chrono::milliseconds fenceRecheck() { return std::chrono::seconds(5); }

private:
    template <typename T> Result<T> failed(const QSqlError &error, const QString &what);
    void keepForRetry(const QString &key, const QString &token, LockKind kind = LockKind::Lease);
    // Whether a failed release (of any kind) is worth sending again: the store
    // never applied it.
    static bool releaseMayGetThrough(ErrorKind kind);
    // `resent`, when given, tells whether the statement had to be sent again
    // on a new connection (the first one was cut: it may have committed).
    // `bound`: sent with execBounded; given up at its deadline or stop, the
    // statement gets a cancel request and its answer is awaited 2 s more (rows
    // when it completed first). `unsettled` tells whether even that answer
    // never came: the connection was closed, and the statement may be applied.
    Result<PgRows> execPostgres(const PgStatement &statement,
                                std::initializer_list<QByteArray> values, const char *verb,
                                const QString &key, bool *resent = nullptr,
                                const PgStatement::Bound *bound = nullptr,
                                bool *unsettled = nullptr);
    // The release statement this database has (before or after migration 0007);
    // true when the lease was still ours and is gone now.
    // `bound`, when given, limits the wait for the key's row (as acquireOnce's).
    // `unsettled` as execPostgres's.
    Result<bool> sendRelease(const QString &key, const QString &token, bool *resent,
                             const PgStatement::Bound *bound = nullptr, bool *unsettled = nullptr);
    // SQLite's: true when the lease was still ours and is gone now.
    Result<bool> sendSqliteRelease(const QString &key, const QString &token);
    // After a resent release deleted nothing: true when nobody holds the key
    // (the first attempt committed and only its reply was lost, or it expired
    // unclaimed), false when another token holds it now.
    Result<bool> freeAfterResentRelease(const QString &key);
    // PostgreSQL, for an error about `key`'s row staying locked: the session
    // whose transaction holds it and what to do (RowLocker), or where to look
    // when it cannot be named. `settled`: false when the connection had to be
    // closed because the server did not answer -- it is not asked again then.
    QString rowLockerAdvice(const QString &key, bool settled);

    ConnectionParams m_params;
    LeaseConfig m_config;
    // On PostgreSQL the parameters carry this manager's session name, so its
    // connections are its own: they close once it is gone.
    std::optional<ThreadConnections::Owner> m_connectionOwner;
    // Computed once: these run on every statement.
    ThreadConnections::Key m_connection;
    // Which of LockScope's tables this thread's connection sees (the fences,
    // migration 0004; the release waiters, 0007; the key kinds, 0008), from the cache or by asking
    // the server; an error when it cannot tell.
    Result<LeaseSql::Schema> schema();
    static constexpr int kSchemaUnknown = -1, kFences = 1, kWaiters = 2, kKinds = 4;
    static constexpr int kSchemaComplete = kFences | kWaiters | kKinds;
    std::atomic<int> m_schema{kSchemaUnknown};   // kFences | kWaiters, or unknown
    std::atomic<qint64> m_schemaLookedUpAtMs{0}; // steady clock, while incomplete
    QString m_acquireSql;
    QString m_acquireFencedSql;
    QString m_releaseSql;
    QString m_renewSql;
    PgStatement m_pgAcquire; // PostgreSQL fast path for the hot statements
    PgStatement m_pgAcquireFenced;
    PgStatement m_pgAcquireUnregister; // the same, for a registered waiter
    PgStatement m_pgAcquireFencedUnregister;
    // With migration 0008: the same, refusing a key that is a semaphore or a
    // reader-writer lease (a key has one kind).
    QString m_acquireGuardedSql;
    PgStatement m_pgAcquireGuarded;
    PgStatement m_pgAcquireGuardedUnregister;
    PgStatement m_pgRelease;           // notifies every time (before 0007)
    PgStatement m_pgReleaseWhenWaited; // notifies only a registered waiter
    PgStatement m_pgRegisterWaiter;
    PgStatement m_pgUnregisterWaiter;
    PgStatement m_pgRenew;
    QByteArray m_ttlText;
    LocalGate m_gate;
    KeyWakeups m_wakeups; // declared before m_listener, which calls into it
    std::mutex m_listenerMutex;
    std::unique_ptr<ReleaseListener> m_listener;
    std::atomic<quint64> m_statements{0};
    struct PendingRelease {
        QString key;
        QString token;
        LockKind kind = LockKind::Lease;               // a lease, or whatever SharedLockStore holds
        std::chrono::steady_clock::time_point expires; // no use retrying after this
    };
    mutable std::mutex m_pendingMutex;
    std::vector<PendingRelease> m_pending;
    std::atomic<bool> m_hasPending{false};
    // Redis (LeaseStore::create): every method above hands its work to it;
    // null for PostgreSQL and SQLite, which run the SQL here.
    std::unique_ptr<LeaseStore> m_store;
    std::unique_ptr<SharedLockStore> m_shared;
    SharedGate m_sharedGate;
};

} // namespace lockscope
