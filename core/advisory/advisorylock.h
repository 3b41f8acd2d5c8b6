#pragma once

#include "advisory/advisorykey.h"
#include "base/locklostnotifier.h"
#include "base/result.h"
#include "db/connectionparams.h"

#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace lockscope {

class AdvisoryLockWatch;
class CancelToken;

enum class AdvisoryScope { Session, Transaction };
enum class AdvisoryMode { Exclusive, Shared };

struct AdvisoryLockOptions {
    AdvisoryScope scope = AdvisoryScope::Session;
    AdvisoryMode mode = AdvisoryMode::Exclusive;
    // Transaction scope: the server ends a transaction left idle this long,
    // releasing the lock of a holder that stalled.
    std::chrono::milliseconds idleInTransactionTimeout{60'000};
};

// A PostgreSQL advisory lock on a DEDICATED connection of its own (never the
// connection of the work it protects): acquired, held and released on that one
// connection, since an unlock on any other connection does nothing.
//
// The connection is opened by the first call, on the calling thread; use the
// lock from that thread only (its destructor too). Only lock()'s cancel token may
// be used from another thread.
//
// Session scope: held until unlock() or the connection ends. Transaction scope:
// lock() opens a transaction on the lock's connection and the lock is held until
// commit() or rollback().
class AdvisoryLock final {
public:
    AdvisoryLock(ConnectionParams params, AdvisoryKey key, AdvisoryLockOptions options = {});
    ~AdvisoryLock();
    AdvisoryLock(const AdvisoryLock &) = delete;
    AdvisoryLock &operator=(const AdvisoryLock &) = delete;

    // One attempt: true when held now, false when someone else holds it.
    Result<bool> tryLock();
    // Waits on the server (no polling) until held, `timeout` ran out (Timeout), or
    // `cancel` was cancelled (Cancelled). A failed wait holds nothing.
    Status lock(std::optional<std::chrono::milliseconds> timeout = std::nullopt,
                const CancelToken *cancel = nullptr);
    // Session scope: pg_advisory_unlock; transaction scope: commit.
    Status unlock();
    Status commit();
    Status rollback();

    bool isHeld() const { return m_held; }
    // The server process of the lock's connection (0 before it connected).
    int backendPid() const { return m_pid; }
    const AdvisoryKey &key() const { return m_key; }
    // Points the lock at another key, reusing its connection; only while not held.
    bool setKey(const AdvisoryKey &key);
    // Statements sent on the lock's connection so far.
    quint64 statementCount() const { return m_statements; }
    const AdvisoryLockOptions &options() const { return m_options; }
    // True while the lock's connection still answers; a session lock whose
    // connection died has been released by the server.
    bool connectionAlive();

    // While held: watches the lock from a thread of its own (own connection,
    // pg_locks every `interval`) until unlock()/commit()/rollback(). When the server
    // no longer shows it held by this session -- terminated, connection cut, server
    // restarted -- or it cannot be confirmed for `unconfirmedLimit`, the lock is
    // lost: `onLost` runs (on the watch's thread) and lostNotifier()->lost() is
    // emitted, once. An unlock never reports lost. False when nothing is held.
    bool startWatch(LockLostCallback onLost = {},
                    std::chrono::milliseconds interval = std::chrono::seconds(1),
                    std::chrono::milliseconds unconfirmedLimit = std::chrono::seconds(5));
    bool isLost() const;
    // How often the watch has seen the lock still held (0 without a watch).
    quint64 watchConfirmations() const;
    QString lostReason() const;
    // Null until startWatch().
    LockLostNotifier *lostNotifier() const;

private:
    Status ensureConnection();
    QString function(bool attempt) const;
    Status run(const QString &sql, const QVariantList &values, const QString &what,
               QVariant *firstValue = nullptr);
    Status endTransaction(const QString &verb);
    void stopWatch();

    ConnectionParams m_params;
    AdvisoryKey m_key;
    AdvisoryLockOptions m_options;
    QString m_connectionName;
    bool m_connected = false;
    bool m_inTransaction = false;
    bool m_held = false;
    int m_pid = 0;
    quint64 m_statements = 0;
    std::unique_ptr<AdvisoryLockWatch> m_watch;
};

} // namespace lockscope
