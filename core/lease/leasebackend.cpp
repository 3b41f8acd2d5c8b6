#include "lease/leasebackend.h"

#include "db/database.h"
#include "db/pghandle.h"
#include "db/pgresending.h"
#include "db/sqlitebusybound.h"
#include "db/sqlitestatement.h"
#include "db/threadconnections.h"
#include "lease/leasesql.h"
#include "lease/ownersession.h"
#include "lease/releaselistener.h"
#include "lease/rowlocker.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

double seconds(std::chrono::milliseconds ms) {
    return static_cast<double>(ms.count()) / 1000.0;
}

// The owner id is settled before anything connects: the lease connections
// carry it in their application_name, so the inspector can tell whether a
// lease's owner is still connected (OwnerSessions).
ConnectionParams ownerSessionParams(ConnectionParams params, LeaseConfig &config) {
    if (config.ownerId.isEmpty())
        config.ownerId = LeaseConfig::defaultOwnerId();
    if (params.isPostgres())
        params.applicationName = OwnerSessionName::forOwner(params.applicationName, config.ownerId);
    return params;
}

} // namespace

LeaseBackend::LeaseBackend(ConnectionParams params, LeaseConfig config)
    : m_params(ownerSessionParams(std::move(params), config))
    , m_config(std::move(config))
    , m_connection(m_params, connectionPurpose())
    , m_acquireSql(LeaseSql::acquire(m_params.driver))
    , m_acquireFencedSql(LeaseSql::acquire(m_params.driver, true))
    , m_releaseSql(LeaseSql::release(m_params.driver, false, m_config.durableRelease))
    , m_renewSql(LeaseSql::renew(m_params.driver))
    , m_pgAcquire("lockscope_acquire", m_acquireSql)
    , m_pgAcquireFenced("lockscope_acquire_fenced", m_acquireFencedSql)
    , m_pgAcquireUnregister("lockscope_acquire_unregister",
                            LeaseSql::acquire(Driver::Postgres, false, true))
    , m_pgAcquireFencedUnregister("lockscope_acquire_fenced_unregister",
                                  LeaseSql::acquire(Driver::Postgres, true, true))
    , m_acquireGuardedSql(LeaseSql::acquire(m_params.driver, true, false, true))
    , m_pgAcquireGuarded("lockscope_acquire_guarded", m_acquireGuardedSql)
    , m_pgAcquireGuardedUnregister("lockscope_acquire_guarded_unregister",
                                   LeaseSql::acquire(Driver::Postgres, true, true, true))
    // The names tell the two releases apart: managers that share a thread's
    // connection (same URL and owner id) must not run each other's statement.
    , m_pgRelease(m_config.durableRelease ? "lockscope_release_durable" : "lockscope_release",
                  m_releaseSql)
    , m_pgReleaseWhenWaited(m_config.durableRelease ? "lockscope_release_when_waited_durable"
                                                    : "lockscope_release_when_waited",
                            LeaseSql::release(Driver::Postgres, true, m_config.durableRelease))
    , m_pgRegisterWaiter("lockscope_register_waiter", LeaseSql::registerWaiter())
    , m_pgUnregisterWaiter("lockscope_unregister_waiter", LeaseSql::unregisterWaiter())
    , m_pgRenew("lockscope_renew", m_renewSql)
    , m_ttlText(QByteArray::number(seconds(m_config.ttl), 'g', 17)) {
    if (m_params.isPostgres()) {
        m_connectionOwner.emplace(m_params);
        // A backstop for every statement on a lease connection: none waits
        // more than 6 s for a lock another transaction holds (then 55P03,
        // Busy). It bounds the semaphore and reader-writer statements; a lease
        // statement gives up sooner (attemptRowWait()), with its own message.
        ThreadConnections::setSessionSetup(connectionPurpose(),
                                           QStringLiteral("SET lock_timeout = '%1ms'")
                                               .arg(SharedLockStore::rowWaitBackstop().count()));
    }
    m_store = LeaseStore::create(m_params, m_config, m_statements);
    m_shared = std::make_unique<SharedLockStore>(m_params, m_config, m_statements);
}

LeaseBackend::~LeaseBackend() = default;

Result<LeaseSql::Schema> LeaseBackend::schema() {
    const auto known = [](int bits) {
        return LeaseSql::Schema{(bits & kFences) != 0, (bits & kWaiters) != 0,
                                (bits & kKinds) != 0};
    };
    const int cached = m_schema.load(std::memory_order_acquire);
    const int complete = m_params.isPostgres() ? kSchemaComplete : kFences | kKinds;
    if (cached == complete)
        return known(cached);
    const qint64 nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now().time_since_epoch())
                             .count();
    if (cached != kSchemaUnknown &&
        nowMs - m_schemaLookedUpAtMs.load(std::memory_order_relaxed) < fenceRecheck().count())
        return known(cached);
    // A connection the server cut is reopened and asked once more, as the lease
    // statements are; what cannot be asked is an error, not "no fences".
    for (int attempt = 0;; ++attempt) {
        std::optional<Result<LeaseSql::Schema>> found;
        {
            auto db = ThreadConnections::get(m_params, m_connection);
            if (!db.ok())
                return db.error();
            found.emplace(LeaseSql::lookUpSchema(db.value(), m_params));
        } // the connection handle is gone before a lost connection is dropped
        if (!found->ok()) {
            if (found->error().kind != ErrorKind::Connection)
                return found->error();
            ThreadConnections::drop(m_connection);
            if (attempt == 0)
                continue;
            return found->error();
        }
        const LeaseSql::Schema now = found->value();
        m_schemaLookedUpAtMs.store(nowMs, std::memory_order_relaxed);
        m_schema.store((now.fences ? kFences : 0) | (now.waiters ? kWaiters : 0) |
                           (now.kinds ? kKinds : 0),
                       std::memory_order_release);
        return now;
    }
}

bool LeaseBackend::listenForReleases() {
    if (m_store)
        return m_store->listenForReleases(m_wakeups);
    if (!m_params.isPostgres() || !m_config.releaseNotifications)
        return false;
    {
        std::lock_guard lock(m_listenerMutex);
        if (!m_listener) {
            m_listener = std::make_unique<ReleaseListener>(
                m_params, [this](const QString &key) { m_wakeups.wake(key); },
                [this] { m_wakeups.wakeAll(); });
        }
    }
    return m_listener->ensureListening();
}

template <typename T> Result<T> LeaseBackend::failed(const QSqlError &error, const QString &what) {
    const Error e = Database::classify(error, m_params, what);
    if (Database::isConnectionLost(error))
        ThreadConnections::drop(m_connection);
    if (Database::isContention(error))
        return Error{ErrorKind::Busy, e.message};
    return e;
}

Result<PgRows> LeaseBackend::execPostgres(const PgStatement &statement,
                                          std::initializer_list<QByteArray> values,
                                          const char *verb, const QString &key, bool *resent,
                                          const PgStatement::Bound *bound, bool *unsettled) {
    if (resent)
        *resent = false;
    if (unsettled)
        *unsettled = false;
    const auto what = [&] {
        return QCoreApplication::translate("lockscope::LeaseBackend", "%1 the lease '%2'")
            .arg(QCoreApplication::translate("lockscope::LeaseBackend", verb), key);
    };
    // A connection the server cut (restart, pg_terminate_backend) is reopened
    // and the statement sent once more: acquire (same token), release and renew
    // are all safe to repeat.
    for (int attempt = 0;; ++attempt) {
        std::optional<Result<PgRows>> rows;
        bool lost = false; // mid-statement with no answer: close the connection
        {
            auto db = ThreadConnections::get(m_params, m_connection);
            if (!db.ok())
                return db.error();
            m_statements.fetch_add(1, std::memory_order_relaxed);
            if (bound) {
                rows.emplace(statement.execBounded(db.value(), m_params, values, what, *bound));
                const ErrorKind kind = rows->ok() ? ErrorKind::Database : rows->error().kind;
                if (kind == ErrorKind::Timeout || kind == ErrorKind::Cancelled) {
                    // Given up: stop it on the server -- a backend waiting for a
                    // row lock does not notice its client left, and would apply
                    // the statement once the row is free -- and take its answer.
                    (void)PgCanceller(db.value()).cancel();
                    auto answer = PgStatement::finishAbandoned(db.value(), m_params, what,
                                                               std::chrono::steady_clock::now() +
                                                                   std::chrono::seconds(2));
                    if (answer.ok() && answer.value())
                        rows.emplace(std::move(*answer.value())); // done before the cancel
                    lost = !answer.ok();
                }
            } else {
                rows.emplace(statement.exec(db.value(), m_params, values, what));
            }
        } // the connection handle is gone before a lost connection is dropped
        if (lost) {
            ThreadConnections::drop(m_connection);
            if (unsettled)
                *unsettled = true; // it may yet be applied
            return std::move(*rows);
        }
        if (!rows->ok() && rows->error().kind == ErrorKind::Connection) {
            ThreadConnections::drop(m_connection);
            if (attempt == 0) {
                if (resent)
                    *resent = true;
                continue;
            }
        }
        return std::move(*rows);
    }
}

void LeaseBackend::keepForRetry(const QString &key, const QString &token, LockKind kind) {
    constexpr std::size_t kMaxPending = 10'000; // each expires with its TTL anyway
    std::lock_guard lock(m_pendingMutex);
    if (m_pending.size() >= kMaxPending)
        m_pending.erase(m_pending.begin());
    m_pending.push_back({key, token, kind, std::chrono::steady_clock::now() + m_config.ttl});
    m_hasPending.store(true, std::memory_order_release);
}

int LeaseBackend::pendingReleases() const {
    std::lock_guard lock(m_pendingMutex);
    return static_cast<int>(m_pending.size());
}

void LeaseBackend::retryPendingReleases() {
    std::vector<PendingRelease> pending;
    {
        std::lock_guard lock(m_pendingMutex);
        pending.swap(m_pending);
        m_hasPending.store(false, std::memory_order_release);
    }
    const auto now = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const PendingRelease &p = pending[i];
        if (p.expires <= now)
            continue; // expired: anyone may take it, nothing to release
        bool unreachable = false;
        if (p.kind == LockKind::Lease) {
            // A key given up on because its row stayed locked (acquireOnce) may
            // be locked still: wait a moment for it, no more, and keep it.
            const PgStatement::Bound briefly{
                std::chrono::steady_clock::now() + std::chrono::seconds(1), {}};
            auto gone = m_store                 ? m_store->releaseOnce(p.key, p.token)
                        : m_params.isPostgres() ? sendRelease(p.key, p.token, nullptr, &briefly)
                                                : sendSqliteRelease(p.key, p.token);
            unreachable = !gone.ok() && (releaseMayGetThrough(gone.error().kind) ||
                                         gone.error().kind == ErrorKind::Timeout);
        } else {
            auto gone = m_shared->releaseOnce(p.key, p.token);
            unreachable = !gone.ok() && releaseMayGetThrough(gone.error().kind);
            if (gone.ok() && gone->releasedAnything())
                m_wakeups.wake(p.key);
        }
        if (unreachable) {
            // Still unreachable: keep this one and the rest for the next attempt.
            std::lock_guard lock(m_pendingMutex);
            m_pending.insert(m_pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(i),
                             pending.end());
            m_hasPending.store(true, std::memory_order_release);
            return;
        }
    }
}

Result<bool> LeaseBackend::sendRelease(const QString &key, const QString &token, bool *resent,
                                       const PgStatement::Bound *bound, bool *unsettled) {
    const auto tables = schema();
    if (!tables.ok())
        return tables.error();
    const bool whenWaited = tables->waiters;
    auto rows = execPostgres(
        whenWaited ? m_pgReleaseWhenWaited : m_pgRelease, {key.toUtf8(), token.toUtf8()},
        QT_TRANSLATE_NOOP("lockscope::LeaseBackend", "release"), key, resent, bound, unsettled);
    if (!rows.ok())
        return rows.error();
    // 0007's function answers with a boolean; before it, the CTE returns the
    // deleted row's notification, or nothing.
    return whenWaited ? rows->count() > 0 && rows->toBool(0, 0) : rows->count() > 0;
}

Result<bool> LeaseBackend::registerWaiter(const QString &key, const QString &token) {
    if (!m_config.releaseNotifications)
        return false;
    if (m_store) {
        if (auto done = m_store->registerWaiter(key, token, waiterRegistrationLife()); !done.ok())
            return done.error();
        return true;
    }
    if (!m_params.isPostgres())
        return false;
    const auto tables = schema();
    if (!tables.ok())
        return tables.error();
    if (!tables->waiters)
        return false;
    const QByteArray life =
        QByteArray::number(static_cast<qint64>(waiterRegistrationLife().count()));
    auto rows = execPostgres(m_pgRegisterWaiter, {key.toUtf8(), token.toUtf8(), life},
                             QT_TRANSLATE_NOOP("lockscope::LeaseBackend", "wait for"), key);
    if (!rows.ok())
        return rows.error();
    return true;
}

Status LeaseBackend::unregisterWaiter(const QString &key, const QString &token) {
    if (m_store)
        return m_store->unregisterWaiter(key, token);
    auto rows = execPostgres(m_pgUnregisterWaiter, {key.toUtf8(), token.toUtf8()},
                             QT_TRANSLATE_NOOP("lockscope::LeaseBackend", "stop waiting for"), key);
    if (!rows.ok())
        return rows.error();
    return {};
}

QString LeaseBackend::rowLockerAdvice(const QString &key, bool settled) {
    if (!settled) // a server that did not answer is not asked again (nor reconnected to)
        return RowLocker::adviceWithoutSession();
    auto db = ThreadConnections::get(m_params, m_connection);
    return db.ok() ? RowLocker::advice(db.value(), m_params, key)
                   : RowLocker::adviceWithoutSession();
}

Result<bool> LeaseBackend::freeAfterResentRelease(const QString &key) {
    auto db = ThreadConnections::get(m_params, m_connection);
    if (!db.ok())
        return db.error();
    QSqlQuery q(db.value());
    q.prepare(QStringLiteral("SELECT 1 FROM aggregate_locks WHERE lock_key = ?"));
    q.addBindValue(key);
    m_statements.fetch_add(1, std::memory_order_relaxed);
    if (!q.exec())
        return failed<bool>(q.lastError(), QCoreApplication::translate("lockscope::LeaseBackend",
                                                                       "check the lease '%1'")
                                               .arg(key));
    return !q.next();
}

Result<std::optional<LeaseInfo>> LeaseBackend::acquireOnce(const QString &key, const QString &token,
                                                           bool registered,
                                                           const AcquireBound &bound) {
    if (m_hasPending.load(std::memory_order_acquire))
        retryPendingReleases();
    if (m_store)
        return m_store->acquireOnce(key, token, registered);
    if (m_params.isPostgres()) {
        const auto tables = schema();
        if (!tables.ok())
            return tables.error();
        const bool withFence = tables->fences;
        const bool unregister = registered && tables->waiters;
        const bool guarded = tables->guarded();
        const PgStatement &statement =
            guarded     ? (unregister ? m_pgAcquireGuardedUnregister : m_pgAcquireGuarded)
            : withFence ? (unregister ? m_pgAcquireFencedUnregister : m_pgAcquireFenced)
                        : (unregister ? m_pgAcquireUnregister : m_pgAcquire);
        const auto sentAt = std::chrono::steady_clock::now();
        const auto rowWaitEnds = sentAt + attemptRowWait();
        const PgStatement::Bound limits{
            // A deadline already near (lock(key, 0) is one attempt) still
            // leaves the attempt a second to be answered.
            bound.deadline
                ? std::min(std::max(*bound.deadline, sentAt + std::chrono::seconds(1)), rowWaitEnds)
                : rowWaitEnds,
            bound.cancel ? std::function<bool()>([c = bound.cancel] { return c->isCancelled(); })
                         : std::function<bool()>()};
        bool unsettled = false;
        auto rows = execPostgres(statement, {key.toUtf8(), token.toUtf8(), m_ttlText},
                                 QT_TRANSLATE_NOOP("lockscope::LeaseBackend", "acquire"), key,
                                 nullptr, &limits, &unsettled);
        if (!rows.ok()) {
            const ErrorKind kind = rows.error().kind;
            if (kind != ErrorKind::Timeout && kind != ErrorKind::Cancelled)
                return rows.error();
            // The server did not even answer the cancel: had the statement been
            // applied, the key would be ours unknown to anyone. Release it with
            // this backend's next statement (owner-scoped: harmless when
            // nothing was taken).
            if (unsettled)
                keepForRetry(key, token);
            if (kind == ErrorKind::Cancelled)
                return rows.error();
            return Error{
                ErrorKind::Busy,
                QCoreApplication::translate(
                    "lockscope::LeaseBackend",
                    "The lease '%1' could not be tried: its row on %2 stayed locked by "
                    "another transaction (a program that wrote or locked the row and "
                    "has not committed, or a server too busy to answer). %3")
                    .arg(key, m_params.displayUrl(),
                         rowLockerAdvice(key, !unsettled &&
                                                  !(bound.cancel && bound.cancel->isCancelled())))};
        }
        if (rows->count() == 0)
            return std::optional<LeaseInfo>();
        LeaseInfo info{
            key,          token, rows->toDouble(0, 0), rows->toDouble(0, 1), rows->toBool(0, 2),
            std::nullopt, sentAt};
        if (withFence && !rows->isNull(0, 3))
            info.fence = rows->toLongLong(0, 3);
        return std::optional<LeaseInfo>(info);
    }
    // SQLite: with fencing, the upsert and the fence bump are one short write
    // transaction (SQLite has no data-modifying CTEs). It counts as one operation.
    // Run through the C API (SqliteStatement): at a few microseconds of database
    // work per statement, QSqlQuery's per-value QVariants were most of the cost.
    const auto tables = schema();
    if (!tables.ok())
        return tables.error();
    const bool withFence = tables->fences;
    const auto what = [&key] {
        return QCoreApplication::translate("lockscope::LeaseBackend", "acquire the lease '%1'")
            .arg(key);
    };
    auto statement = [&](const QString &sql) {
        return ThreadConnections::sqlitePrepared(m_params, m_connection, sql);
    };
    // Another writer's lock is the only wait: no longer than the time left.
    const SqliteBusyBound busyBound(m_params, m_connection,
                                    SqliteBusyBound::waitUntil(bound.deadline));
    m_statements.fetch_add(1, std::memory_order_relaxed);
    const auto sentAt = std::chrono::steady_clock::now();
    if (withFence) {
        auto begin = statement(QStringLiteral("BEGIN IMMEDIATE"));
        if (!begin.ok())
            return begin.error();
        if (auto begun = begin.value()->exec({}, what); !begun.ok())
            return begun.error();
    }
    auto rollback = [&] {
        if (!withFence)
            return;
        if (auto r = statement(QStringLiteral("ROLLBACK")); r.ok())
            (void)r.value()->exec({}, what);
    };
    // Migration 0008: a key another kind (semaphore, rw) took is not a lease.
    auto acquire = statement(tables->kinds ? m_acquireGuardedSql : m_acquireSql);
    if (!acquire.ok()) {
        rollback();
        return acquire.error();
    }
    std::optional<LeaseInfo> info;
    const QByteArray keyText = key.toUtf8();
    const QByteArray tokenText = token.toUtf8();
    auto acquired = acquire.value()->exec(
        {keyText, tokenText, seconds(m_config.ttl)}, what, [&](const SqliteStatement &row) {
            info = LeaseInfo{key,          token, row.columnDouble(0), row.columnDouble(1), false,
                             std::nullopt, sentAt};
        });
    if (!acquired.ok()) {
        rollback();
        return acquired.error();
    }
    if (info && withFence) {
        auto bump = statement(LeaseSql::bumpFence());
        if (!bump.ok()) {
            rollback();
            return bump.error();
        }
        auto bumped =
            bump.value()->exec({keyText, tokenText}, what, [&](const SqliteStatement &row) {
                if (!row.columnIsNull(0))
                    info->fence = row.columnInt64(0);
            });
        if (!bumped.ok()) {
            rollback();
            return bumped.error();
        }
    }
    if (withFence) {
        auto commit = statement(QStringLiteral("COMMIT"));
        if (!commit.ok()) {
            rollback();
            return commit.error();
        }
        if (auto committed = commit.value()->exec({}, what); !committed.ok()) {
            rollback();
            return committed.error();
        }
    }
    return info;
}

Result<bool> LeaseBackend::releaseOnce(const QString &key, const QString &token) {
    if (m_store) {
        // The store sends it once more on a new connection when the first is
        // cut; an error left means the server is unreachable. Its script
        // deletes the key only while it carries `token`, so sending it again
        // later is safe whether or not a lost reply hid that it was applied.
        auto gone = m_store->releaseOnce(key, token);
        if (!gone.ok() && releaseMayGetThrough(gone.error().kind))
            keepForRetry(key, token);
        return gone;
    }
    if (m_params.isPostgres()) {
        bool resent = false;
        // Bounded like an acquire: another program's open transaction that
        // holds the row must not hang a release (nor the destructor of a Lease).
        const PgStatement::Bound bound{std::chrono::steady_clock::now() + attemptRowWait(), {}};
        bool unsettled = false;
        auto rows = sendRelease(key, token, &resent, &bound, &unsettled);
        if (!rows.ok() && rows.error().kind == ErrorKind::Timeout) {
            // Cancelled on the server (not applied), or no answer at all (the
            // connection is closed; maybe applied): sent again either way,
            // owner-scoped, so harmless when it was.
            keepForRetry(key, token);
            return Error{ErrorKind::Busy,
                         QCoreApplication::translate(
                             "lockscope::LeaseBackend",
                             "The lease '%1' is not released yet: its row on %2 stayed locked by "
                             "another transaction (a program that wrote or locked the row and "
                             "has not committed, or a server too busy to answer). It is released "
                             "with this process's next lease statement, else it expires at its "
                             "TTL. %3")
                             .arg(key, m_params.displayUrl(), rowLockerAdvice(key, !unsettled))};
        }
        if (!rows.ok()) {
            if (releaseMayGetThrough(rows.error().kind))
                keepForRetry(key, token);
            return rows.error();
        }
        if (rows.value())
            return true;
        // Resent after the connection was cut: the first delete may have
        // committed with only its reply lost. Say what happened.
        return resent ? freeAfterResentRelease(key) : Result<bool>(false);
    }
    // SQLite: a file write-locked by another connection past the busy timeout
    // never saw the delete; keep it, as for a server that was unreachable.
    auto gone = sendSqliteRelease(key, token);
    if (!gone.ok() && releaseMayGetThrough(gone.error().kind))
        keepForRetry(key, token);
    return gone;
}

Result<bool> LeaseBackend::sendSqliteRelease(const QString &key, const QString &token) {
    auto statement = ThreadConnections::sqlitePrepared(m_params, m_connection, m_releaseSql);
    if (!statement.ok())
        return statement.error();
    m_statements.fetch_add(1, std::memory_order_relaxed);
    auto changed = statement.value()->exec({key.toUtf8(), token.toUtf8()}, [&key] {
        return QCoreApplication::translate("lockscope::LeaseBackend", "release the lease '%1'")
            .arg(key);
    });
    if (!changed.ok())
        return changed.error();
    return changed.value() > 0;
}

Result<std::optional<double>> LeaseBackend::renewOnce(const QString &key, const QString &token,
                                                      std::chrono::milliseconds ttl) {
    if (m_store)
        return m_store->renewOnce(key, token, ttl);
    if (m_params.isPostgres()) {
        // Sent once more on a new connection when the first was cut (an idle
        // timeout, a restart): a renewal acts by token, so twice is harmless.
        auto rows = execPostgres(
            m_pgRenew, {QByteArray::number(seconds(ttl), 'g', 17), key.toUtf8(), token.toUtf8()},
            QT_TRANSLATE_NOOP("lockscope::LeaseBackend", "renew"), key);
        if (!rows.ok())
            return rows.error();
        if (rows->count() == 0)
            return std::optional<double>();
        return std::optional<double>(rows->toDouble(0, 0));
    }
    auto statement = ThreadConnections::prepared(m_params, m_connection, m_renewSql);
    if (!statement.ok())
        return statement.error();
    QSqlQuery &q = *statement.value();
    q.bindValue(0, seconds(ttl));
    q.bindValue(1, key);
    q.bindValue(2, token);
    m_statements.fetch_add(1, std::memory_order_relaxed);
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        q.finish();
        return failed<std::optional<double>>(
            error, QCoreApplication::translate("lockscope::LeaseBackend", "renew the lease '%1'")
                       .arg(key));
    }
    std::optional<double> expires;
    if (q.next())
        expires = q.value(0).toDouble();
    q.finish();
    return expires;
}

Result<std::optional<double>>
LeaseBackend::renewBounded(const QString &key, const QString &token, std::chrono::milliseconds ttl,
                           std::chrono::steady_clock::time_point deadline,
                           const std::function<bool()> &stopped) {
    if (m_store)
        return m_store->renewBounded(key, token, ttl, deadline, stopped);
    if (m_params.isPostgres()) {
        auto rows = PgResending::execBounded(
            m_pgRenew, m_params, m_connection,
            {QByteArray::number(seconds(ttl), 'g', 17), key.toUtf8(), token.toUtf8()},
            [&] {
                return QCoreApplication::translate("lockscope::LeaseBackend",
                                                   "renew the lease '%1'")
                    .arg(key);
            },
            {deadline, stopped}, m_statements);
        if (!rows.ok())
            return rows.error();
        if (rows->count() == 0)
            return std::optional<double>();
        return std::optional<double>(rows->toDouble(0, 0));
    }
    // SQLite: the only wait is for another writer's lock; bound it by the
    // deadline (the busy timeout is this heartbeat thread's connection's own).
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
        return Error{ErrorKind::Timeout,
                     QCoreApplication::translate("lockscope::LeaseBackend",
                                                 "No time was left to renew the lease '%1'.")
                         .arg(key)};
    {
        auto db = ThreadConnections::get(m_params, m_connection);
        if (!db.ok())
            return db.error();
        QSqlQuery pragma(db.value());
        (void)pragma.exec(
            QStringLiteral("PRAGMA busy_timeout = %1").arg(std::min<qint64>(left.count(), 2000)));
    }
    return renewOnce(key, token, ttl);
}

bool LeaseBackend::releaseMayGetThrough(ErrorKind kind) {
    // Cut and unreachable (PostgreSQL and Redis: the release was already sent
    // once more on a new connection), or locked by others past the busy
    // timeout (SQLite) / the lock timeout (PostgreSQL): the server never
    // applied it.
    return kind == ErrorKind::Connection || kind == ErrorKind::Busy;
}

Result<bool> LeaseBackend::releaseHolder(const LeaseInfo &info) {
    if (info.kind == LockKind::Lease)
        return releaseOnce(info.key, info.token);
    auto gone = m_shared->releaseOnce(info.key, info.token);
    if (!gone.ok()) {
        if (releaseMayGetThrough(gone.error().kind))
            keepForRetry(info.key, info.token, info.kind);
        return gone.error();
    }
    // SQLite sends no notification, and this process's threads may wait on
    // the database for the key (a semaphore admits several): wake them.
    if (gone->releasedAnything())
        m_wakeups.wake(info.key);
    return gone->releasedHolder();
}

Result<std::optional<double>> LeaseBackend::renewHolder(const LeaseInfo &info,
                                                        std::chrono::milliseconds ttl) {
    if (info.kind == LockKind::Lease)
        return renewOnce(info.key, info.token, ttl);
    return m_shared->renewOnce(info.key, info.token, info.kind, ttl);
}

Result<std::optional<double>>
LeaseBackend::renewHolderBounded(const LeaseInfo &info, std::chrono::milliseconds ttl,
                                 std::chrono::steady_clock::time_point deadline,
                                 const std::function<bool()> &stopped) {
    if (info.kind == LockKind::Lease)
        return renewBounded(info.key, info.token, ttl, deadline, stopped);
    return m_shared->renewBounded(info.key, info.token, info.kind, ttl, deadline, stopped);
}

} // namespace lockscope
