#include "lease/sharedlockstore.h"

#include "base/duration.h"
#include "db/catalog.h"
#include "db/database.h"
#include "db/pgresending.h"
#include "db/sqlitebusybound.h"
#include "lease/leasesql.h"
#include "lease/redissharedstore.h"
#include "lease/rowlocker.h"
#include "lease/sharedlocksql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>

#include <thread>

namespace lockscope {

namespace {

double seconds(std::chrono::milliseconds ms) {
    return static_cast<double>(ms.count()) / 1000.0;
}

QString connectionPurpose() {
    return QStringLiteral("lease"); // the lease connection: never the work's
}

QString kindWords(const SharedLockStore::KeyKind &k) {
    if (k.kind == QLatin1String("semaphore"))
        return QCoreApplication::translate("lockscope::SharedLockStore",
                                           "a semaphore with %1 permits")
            .arg(k.permits);
    if (k.kind == QLatin1String("rw"))
        return QCoreApplication::translate("lockscope::SharedLockStore", "a reader-writer lease");
    return QCoreApplication::translate("lockscope::SharedLockStore", "a lease");
}

QString howToUse(const SharedLockStore::KeyKind &k) {
    if (k.kind == QLatin1String("semaphore"))
        return QCoreApplication::translate("lockscope::SharedLockStore",
                                           "acquire it with --permits %1")
            .arg(k.permits);
    if (k.kind == QLatin1String("rw"))
        return QCoreApplication::translate("lockscope::SharedLockStore",
                                           "acquire it with --read or --write");
    return QCoreApplication::translate(
        "lockscope::SharedLockStore",
        "acquire it as a lease (without --permits, --read or --write)");
}

QString wantedWords(LockKind wanted, int permits) {
    switch (wanted) {
    case LockKind::Semaphore:
        return QCoreApplication::translate("lockscope::SharedLockStore",
                                           "a semaphore with %1 permits")
            .arg(permits);
    case LockKind::Read:
    case LockKind::Write:
        return QCoreApplication::translate("lockscope::SharedLockStore", "a reader-writer lease");
    case LockKind::Lease:
        break;
    }
    return QCoreApplication::translate("lockscope::SharedLockStore", "a lease");
}

} // namespace

SharedLockStore::SharedLockStore(const ConnectionParams &params, const LeaseConfig &config,
                                 std::atomic<quint64> &statements)
    : m_params(params)
    , m_config(config)
    , m_statements(statements)
    , m_connection(m_params, connectionPurpose())
    , m_pgRenewSlot("lockscope_renew_slot", SharedLockSql::renewSlot(Driver::Postgres))
    , m_pgRenewRw("lockscope_renew_rw", SharedLockSql::renewRw(Driver::Postgres)) {
    if (m_params.isRedis())
        m_redis = std::make_unique<RedisSharedStore>(m_params, m_config, m_statements);
}

SharedLockStore::~SharedLockStore() = default;

std::chrono::milliseconds SharedLockStore::waitLife() const {
    return std::max<std::chrono::milliseconds>(std::chrono::seconds(2),
                                               m_config.retryInterval * 10);
}

Error SharedLockStore::wrongKind(const QString &key, const KeyKind &is, LockKind wanted,
                                 int permits) {
    return Error{
        ErrorKind::WrongKind,
        QCoreApplication::translate("lockscope::SharedLockStore",
                                    "The key '%1' is %2, not %3: a key has one kind (and a "
                                    "semaphore its number of permits). %4, or use another key.")
            .arg(key, kindWords(is), wantedWords(wanted, permits),
                 howToUse(is).replace(0, 1, howToUse(is).at(0).toUpper()))};
}

Error SharedLockStore::failed(const QSqlError &error, const QString &what) {
    const Error e = Database::classify(error, m_params, what);
    if (Database::isConnectionLost(error))
        ThreadConnections::drop(m_connection);
    if (Database::isContention(error))
        return Error{ErrorKind::Busy, e.message};
    return e;
}

Result<QList<QVariantList>> SharedLockStore::run(const QString &sql, const QVariantList &values,
                                                 const QString &what, int *affected, bool *resent) {
    // Whether the rows may be a second send's after the first was executed
    // (its answer lost). A first send that failed at its PREPARE never ran.
    if (resent)
        *resent = false;
    for (int attempt = 0;; ++attempt) {
        const bool mayResend = attempt == 0 && m_params.isPostgres();
        auto statement = ThreadConnections::prepared(m_params, m_connection, sql);
        if (!statement.ok()) {
            if (mayResend && statement.error().kind == ErrorKind::Connection) {
                ThreadConnections::drop(m_connection);
                continue;
            }
            return statement.error();
        }
        QSqlQuery &q = *statement.value();
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        m_statements.fetch_add(1, std::memory_order_relaxed);
        if (q.exec())
            return rowsOf(q, affected);
        const QSqlError error = q.lastError();
        q.finish();
        // A PostgreSQL connection cut since its last use (a server restart,
        // pg_terminate_backend, an idle timeout): sent once more on a new one,
        // as the lease statements are. Every statement here stands alone on
        // PostgreSQL and is safe to repeat: an acquire with the same token
        // re-takes its own slot or share, release and renew act by token.
        // (SQLite's transactions are never cut this way.)
        if (mayResend && Database::isConnectionLost(error)) {
            ThreadConnections::drop(m_connection);
            if (resent)
                *resent = true;
            continue;
        }
        return failed(error, what);
    }
}

Result<QList<QVariantList>> SharedLockStore::rowsOf(QSqlQuery &q, int *affected) {
    QList<QVariantList> rows;
    const int columns = q.record().count();
    while (q.next()) {
        QVariantList row;
        for (int c = 0; c < columns; ++c)
            row.append(q.value(c));
        rows.append(row);
    }
    if (affected)
        *affected = q.numRowsAffected();
    q.finish(); // SQLite commits a statement's write only when it is reset
    return rows;
}

Result<std::optional<SharedLockStore::KeyKind>>
SharedLockStore::kindOf(const ConnectionParams &params, const QString &key) {
    if (params.isRedis())
        return RedisSharedStore::kindOf(params, key);
    auto db = ThreadConnections::get(params, connectionPurpose());
    if (!db.ok())
        return db.error();
    auto has = Catalog::hasTable(db.value(), params, QStringLiteral("lockscope_lock_kinds"));
    if (!has.ok())
        return has.error();
    if (!has.value())
        return std::optional<KeyKind>();
    auto statement =
        ThreadConnections::prepared(params, connectionPurpose(), SharedLockSql::kindOf());
    if (!statement.ok())
        return statement.error();
    QSqlQuery &q = *statement.value();
    q.bindValue(0, key);
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        q.finish();
        return Database::classify(
            error, params,
            QCoreApplication::translate("lockscope::SharedLockStore", "look up the kind of '%1'")
                .arg(key));
    }
    std::optional<KeyKind> kind;
    if (q.next())
        kind = KeyKind{q.value(0).toString(), q.value(1).toInt()};
    q.finish();
    return kind;
}

void SharedLockStore::forget(const QString &key) {
    std::lock_guard lock(m_kindsMutex);
    m_checked.remove(key);
}

Status SharedLockStore::recordKind(const QString &key, const QString &kind, int permits,
                                   std::optional<std::chrono::milliseconds> rowWait) {
    const QString what = QStringLiteral("record the kind of the key '%1'").arg(key);
    const auto body = [&]() -> Status {
        if (m_config.kindsWithoutClaim) { // the control: no claim
            auto done = run(SharedLockSql::registerKindUnclaimed(m_params.driver),
                            {key, kind, permits, key}, what);
            return done.ok() ? Status() : Status(done.error());
        }
        if (m_params.isPostgres()) { // one statement: claim, then record
            auto done = run(SharedLockSql::registerKindPostgres(), {key, kind, permits}, what);
            return done.ok() ? Status() : Status(done.error());
        }
        auto claimed =
            run(SharedLockSql::claimMarkerSqlite(), {key, SharedLockSql::markerToken(kind)}, what);
        if (!claimed.ok())
            return claimed.error();
        if (claimed->isEmpty())
            return {}; // another kind, or a live plain lease, holds the key
        auto done = run(SharedLockSql::recordKindSqlite(), {key, kind, permits}, what);
        return done.ok() ? Status() : Status(done.error());
    };
    // SQLite claims and records in one BEGIN IMMEDIATE transaction; PostgreSQL
    // in one statement, in a transaction of its own only to hold it open (tests)
    // or to wait for a locked row no longer than `rowWait`.
    const bool bounded = rowWait && m_params.isPostgres();
    const bool transaction =
        bounded || m_config.kindRecordHold.count() > 0 || !m_params.isPostgres();
    if (!transaction)
        return body();
    // Transaction control goes unprepared (PostgreSQL prepares no BEGIN).
    const auto control = [&](const QString &sql) -> Status {
        auto db = ThreadConnections::get(m_params, m_connection);
        if (!db.ok())
            return db.error();
        QSqlQuery q(db.value());
        m_statements.fetch_add(1, std::memory_order_relaxed);
        if (q.exec(sql))
            return {};
        return failed(q.lastError(), what);
    };
    if (auto begun = control(m_params.isPostgres() ? QStringLiteral("BEGIN")
                                                   : QStringLiteral("BEGIN IMMEDIATE"));
        !begun.ok())
        return begun.error();
    Status done = bounded ? control(QStringLiteral("SET LOCAL lock_timeout = '%1ms'")
                                        .arg(std::max<qint64>(1, rowWait->count())))
                          : Status();
    if (done.ok())
        done = body();
    if (done.ok() && m_config.kindRecordHold.count() > 0)
        std::this_thread::sleep_for(m_config.kindRecordHold);
    if (done.ok()) {
        done = control(QStringLiteral("COMMIT"));
        if (done.ok())
            return {};
    }
    (void)control(QStringLiteral("ROLLBACK"));
    return done;
}

Status SharedLockStore::useAs(const QString &key, LockKind kind, int permits,
                              std::optional<std::chrono::steady_clock::time_point> deadline,
                              const CancelToken *cancel) {
    if (m_redis)
        return {}; // each attempt's script claims and checks the kind
    const QString wantedKind = LockKinds::keyKindName(kind);
    const int wantedPermits = kind == LockKind::Semaphore ? permits : 0;
    const QString wanted =
        kind == LockKind::Semaphore ? QStringLiteral("semaphore:%1").arg(permits) : wantedKind;
    {
        std::lock_guard lock(m_kindsMutex);
        if (m_checked.value(key) == wanted)
            return {};
    }
    for (int attempt = 0;; ++attempt) {
        const Result<bool> has = [&]() -> Result<bool> {
            auto db = ThreadConnections::get(m_params, m_connection);
            if (!db.ok())
                return db.error();
            return Catalog::hasTable(db.value(), m_params, QStringLiteral("lockscope_lock_kinds"));
        }();
        if (!has.ok()) {
            // A cut PostgreSQL connection: once more on a new one (see run()).
            if (attempt == 0 && m_params.isPostgres() &&
                has.error().kind == ErrorKind::Connection) {
                ThreadConnections::drop(m_connection);
                continue;
            }
            return has.error();
        }
        if (has.value())
            break;
        return Error{ErrorKind::SchemaMissing,
                     QCoreApplication::translate("lockscope::SharedLockStore",
                                                 "The database has no tables for semaphores and "
                                                 "reader-writer leases (migration 0008). Run "
                                                 "`lockctl migrate` to create them.")};
    }
    const QString what =
        QCoreApplication::translate("lockscope::SharedLockStore", "record the kind of the key '%1'")
            .arg(key);
    const KeyKind lease{QStringLiteral("lease"), 0};
    std::optional<Error> busy; // the database's answer when it was only busy
    for (int attempt = 0; attempt < 5; ++attempt) {
        // Each statement may wait the lock_timeout for a locked row: no new
        // attempt once the caller's time is up or it gave up.
        if (attempt > 0 && ((deadline && std::chrono::steady_clock::now() >= *deadline) ||
                            (cancel && cancel->isCancelled())))
            break;
        // Claim and record first (a key that has its kind keeps it: the
        // statement then changes nothing), then read what the key is. A bound
        // that ends before the connection's lock_timeout is the claim's wait
        // for a locked row (the read never waits for one); on SQLite, the
        // claim's and the read's wait for another writer's lock.
        const SqliteBusyBound busyBound(m_params, m_connection,
                                        m_params.isSqlite() ? SqliteBusyBound::waitUntil(deadline)
                                                            : std::nullopt);
        if (auto recorded = recordKind(
                key, wantedKind, wantedPermits,
                Duration::leftBelow(deadline, rowWaitBackstop(), std::chrono::milliseconds(10)));
            !recorded.ok()) {
            if (recorded.error().kind != ErrorKind::Busy)
                return recorded.error();
            busy = recorded.error();
        }
        auto state = run(SharedLockSql::kindState(m_params.driver), {key}, what);
        if (!state.ok()) {
            if (state.error().kind == ErrorKind::Busy) {
                busy = state.error();
                continue;
            }
            return state.error();
        }
        if (state->isEmpty())
            continue;
        const QVariantList &r = state->first();
        const bool hasKind = !r.at(0).isNull();
        const QString rowToken = r.at(2).toString();
        const bool rowLive = !r.at(2).isNull() && r.at(3).toBool();
        if (hasKind) {
            const KeyKind is{r.at(0).toString(), r.at(1).toInt()};
            if (is.kind != wantedKind || (kind == LockKind::Semaphore && is.permits != permits))
                return wrongKind(key, is, kind, permits);
            // The kind's marker holds the key in aggregate_locks; without it (a
            // kind recorded before 0009 while a plain lease held the key) the
            // plain lease must go first.
            const bool claimed = rowToken == SharedLockSql::markerToken(is.kind);
            if (!claimed && !m_config.kindsWithoutClaim) {
                if (rowLive)
                    return wrongKind(key, lease, kind, permits);
                continue;
            }
            std::lock_guard lock(m_kindsMutex);
            if (m_checked.size() > 10'000)
                m_checked.clear(); // a cache, not a registry
            m_checked.insert(key, wanted);
            return {};
        }
        if (rowLive)
            return wrongKind(key, lease, kind, permits); // a live plain lease holds it
        // Nothing recorded and nothing holds the key: the kind went between our
        // statements (dropped as idle), or the database was busy. Again.
    }
    // Contention, not another kind: Busy, which a waiting acquire retries.
    if (busy) {
        // A row another transaction holds locked: name its session.
        std::optional<RowLocker::Session> locker;
        if (m_params.isPostgres() && !(cancel && cancel->isCancelled())) {
            if (auto db = ThreadConnections::get(m_params, m_connection); db.ok())
                locker = RowLocker::of(db.value(), m_params, key);
        }
        if (!locker)
            return Error{ErrorKind::Busy, busy->message};
        return Error{ErrorKind::Busy,
                     busy->message + QLatin1Char(' ') + RowLocker::adviceFor(*locker)};
    }
    return Error{ErrorKind::Busy,
                 QCoreApplication::translate("lockscope::SharedLockStore",
                                             "The kind of the key '%1' changed while it was being "
                                             "recorded (a sweep dropped it, or another process "
                                             "took the key). Try again.")
                     .arg(key)};
}

Result<SharedLockStore::Attempt>
SharedLockStore::acquireOnce(const QString &key, const QString &token, LockKind kind, int permits,
                             std::optional<std::chrono::steady_clock::time_point> deadline) {
    if (m_redis)
        return m_redis->acquireOnce(key, token, kind, permits, waitLife());
    // SQLite: another writer's lock is the only wait; no longer than the time left.
    const SqliteBusyBound busyBound(m_params, m_connection,
                                    m_params.isPostgres() ? std::nullopt
                                                          : SqliteBusyBound::waitUntil(deadline));
    if (kind == LockKind::Semaphore) {
        if (m_config.semaphoreByCounting)
            return acquireCounting(key, token, permits);
        return m_params.isPostgres()
                   ? acquireSlotPostgres(key, token, permits,
                                         Duration::leftBelow(deadline, rowWaitBackstop(),
                                                             std::chrono::milliseconds(10)))
                   : acquireSlotSqlite(key, token, permits);
    }
    const bool write = kind == LockKind::Write;
    return m_params.isPostgres()
               ? acquireRwPostgres(key, token, write,
                                   Duration::leftBelow(deadline, rowWaitBackstop(),
                                                       std::chrono::milliseconds(10)))
               : acquireRwSqlite(key, token, write);
}

Result<SharedLockStore::Attempt>
SharedLockStore::acquireSlotPostgres(const QString &key, const QString &token, int permits,
                                     std::optional<std::chrono::milliseconds> rowWait) {
    const QString what = QCoreApplication::translate("lockscope::SharedLockStore",
                                                     "acquire a permit of the semaphore '%1'")
                             .arg(key);
    // Migration 0010's function waits for the key's releases in flight before
    // it answers "no free slot"; without it (an older schema, or the control)
    // the one statement answers from its snapshot alone.
    bool ordered = false;
    if (!m_config.semaphoreIgnoresReleasesInFlight) {
        auto has = hasSlotFunction();
        if (!has.ok())
            return has.error();
        ordered = has.value();
    }
    const QString sql = ordered ? SharedLockSql::acquireSlotFunctionPostgres()
                                : SharedLockSql::acquireSlotPostgres();
    QVariantList values{key, token, seconds(m_config.ttl), permits};
    if (rowWait)
        values.prepend(QStringLiteral("%1ms").arg(rowWait->count()));
    const auto sentAt = std::chrono::steady_clock::now();
    auto rows = run(rowWait ? SharedLockSql::withRowWait(sql) : sql, values, what);
    if (!rows.ok())
        return rows.error();
    Attempt attempt;
    if (rows->isEmpty())
        return attempt;
    const QVariantList &r = rows->first();
    if (r.at(1).isNull()) {
        attempt.retryAtOnce = r.at(0).toLongLong() > 0;
        attempt.kindGone = r.at(5).toLongLong() == 0;
        return attempt;
    }
    LeaseInfo info{key, token, r.at(2).toDouble(), r.at(3).toDouble(), false, std::nullopt, sentAt};
    if (!r.at(4).isNull())
        info.fence = r.at(4).toLongLong();
    info.kind = LockKind::Semaphore;
    info.slot = r.at(1).toInt();
    info.permits = permits;
    attempt.info = info;
    return attempt;
}

Result<bool> SharedLockStore::hasSlotFunction() {
    const int known = m_slotFunction.load(std::memory_order_acquire);
    if (known == 1)
        return true;
    const qint64 nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now().time_since_epoch())
                             .count();
    constexpr qint64 kRecheckMs = 5000;
    if (known == 0 && nowMs - m_slotFunctionAskedMs.load(std::memory_order_relaxed) < kRecheckMs)
        return false;
    auto rows = run(SharedLockSql::hasSlotFunctionPostgres(), {},
                    QCoreApplication::translate("lockscope::SharedLockStore",
                                                "look up the semaphore acquire function"));
    if (!rows.ok())
        return rows.error();
    const bool present = !rows->isEmpty() && rows->first().at(0).toBool();
    m_slotFunctionAskedMs.store(nowMs, std::memory_order_relaxed);
    m_slotFunction.store(present ? 1 : 0, std::memory_order_release);
    return present;
}

Result<SharedLockStore::Attempt>
SharedLockStore::acquireSlotSqlite(const QString &key, const QString &token, int permits) {
    // SQLite runs writers one at a time: the look-up of a free slot and its
    // taking are one BEGIN IMMEDIATE transaction, so nothing comes between.
    const QString what = QCoreApplication::translate("lockscope::SharedLockStore",
                                                     "acquire a permit of the semaphore '%1'")
                             .arg(key);
    const auto sentAt = std::chrono::steady_clock::now();
    if (auto begun = run(QStringLiteral("BEGIN IMMEDIATE"), {}, what); !begun.ok())
        return begun.error();
    auto rollback = [&] {
        (void)run(QStringLiteral("ROLLBACK"), {}, what);
    };
    auto now = run(LeaseSql::dbNow(Driver::Sqlite), {}, what);
    if (!now.ok() || now->isEmpty()) {
        rollback();
        return now.ok() ? Result<Attempt>(Error{ErrorKind::Database, what}) : now.error();
    }
    const double t = now->first().at(0).toDouble();
    Attempt attempt;
    auto still = stillKind(key, LockKind::Semaphore, permits, what);
    if (!still.ok() || !still.value()) {
        rollback();
        if (!still.ok())
            return still.error();
        attempt.kindGone = true;
        return attempt;
    }
    auto slot = run(SharedLockSql::freeSlotSqlite(), {permits, key, t, token, token}, what);
    if (!slot.ok()) {
        rollback();
        return slot.error();
    }
    if (slot->isEmpty()) {
        rollback();
        return attempt;
    }
    auto fence = run(LeaseSql::bumpFence(), {key, token}, what);
    if (!fence.ok() || fence->isEmpty()) {
        rollback();
        return fence.ok() ? Result<Attempt>(Error{ErrorKind::Database, what}) : fence.error();
    }
    const int s = slot->first().at(0).toInt();
    const qint64 f = fence->first().at(0).toLongLong();
    const double expires = t + seconds(m_config.ttl);
    if (auto stored = run(SharedLockSql::storeSlotSqlite(), {key, s, token, t, expires, f}, what);
        !stored.ok()) {
        rollback();
        return stored.error();
    }
    if (auto done = run(QStringLiteral("COMMIT"), {}, what); !done.ok()) {
        rollback();
        return done.error();
    }
    LeaseInfo info{key, token, t, expires, false, f, sentAt};
    info.kind = LockKind::Semaphore;
    info.slot = s;
    info.permits = permits;
    attempt.info = info;
    return attempt;
}

Result<SharedLockStore::Attempt>
SharedLockStore::acquireCounting(const QString &key, const QString &token, int permits) {
    // THE CONTROL (LeaseConfig::semaphoreByCounting): count the live holders in
    // one statement, insert in another. Two processes that both count N-1 both
    // insert: this is what over-admits, and what the tests show does.
    const QString what = QCoreApplication::translate("lockscope::SharedLockStore",
                                                     "acquire a permit of the semaphore '%1'")
                             .arg(key);
    const auto sentAt = std::chrono::steady_clock::now();
    auto counted = run(SharedLockSql::countLiveSlots(m_params.driver), {key}, what);
    if (!counted.ok())
        return counted.error();
    Attempt attempt;
    if (counted->isEmpty() || counted->first().at(0).toInt() >= permits)
        return attempt;
    std::this_thread::sleep_for(std::chrono::milliseconds(2)); // a statement's round trip
    const int slot = permits + static_cast<int>(QRandomGenerator::global()->bounded(1 << 30));
    auto inserted = run(SharedLockSql::insertCountedSlot(m_params.driver),
                        {key, slot, token, seconds(m_config.ttl)}, what);
    if (!inserted.ok())
        return inserted.error();
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    LeaseInfo info{key, token, now, now + seconds(m_config.ttl), false, std::nullopt, sentAt};
    info.kind = LockKind::Semaphore;
    info.slot = slot;
    info.permits = permits;
    attempt.info = info;
    return attempt;
}

Result<SharedLockStore::Attempt>
SharedLockStore::acquireRwPostgres(const QString &key, const QString &token, bool write,
                                   std::optional<std::chrono::milliseconds> rowWait) {
    QVariantList values{key, token, write, seconds(m_config.ttl), seconds(waitLife())};
    if (rowWait)
        values.prepend(QStringLiteral("%1ms").arg(rowWait->count()));
    const auto sentAt = std::chrono::steady_clock::now();
    auto rows = run(rowWait ? SharedLockSql::withRowWait(SharedLockSql::acquireRwPostgres())
                            : SharedLockSql::acquireRwPostgres(),
                    values,
                    QCoreApplication::translate("lockscope::SharedLockStore",
                                                "acquire the reader-writer lease '%1'")
                        .arg(key));
    if (!rows.ok())
        return rows.error();
    Attempt attempt;
    if (!rows->isEmpty() && rows->first().at(0).isNull()) {
        attempt.kindGone = true; // lockscope_rw_acquire found no rw kind row
        return attempt;
    }
    if (rows->isEmpty() || !rows->first().at(0).toBool())
        return attempt;
    const QVariantList &r = rows->first();
    LeaseInfo info{key, token, r.at(1).toDouble(), r.at(2).toDouble(), false, std::nullopt, sentAt};
    if (!r.at(3).isNull())
        info.fence = r.at(3).toLongLong();
    info.kind = write ? LockKind::Write : LockKind::Read;
    attempt.info = info;
    return attempt;
}

Result<SharedLockStore::Attempt>
SharedLockStore::acquireRwSqlite(const QString &key, const QString &token, bool write) {
    // The same rules as lockscope_rw_acquire (migration 0008, PostgreSQL), in
    // one BEGIN IMMEDIATE transaction: SQLite runs writers one at a time.
    const QString what = QCoreApplication::translate("lockscope::SharedLockStore",
                                                     "acquire the reader-writer lease '%1'")
                             .arg(key);
    const QString mode = write ? QStringLiteral("write") : QStringLiteral("read");
    const QString waitMode = mode + QStringLiteral("-wait");
    const auto sentAt = std::chrono::steady_clock::now();
    if (auto begun = run(QStringLiteral("BEGIN IMMEDIATE"), {}, what); !begun.ok())
        return begun.error();
    auto rollback = [&] {
        (void)run(QStringLiteral("ROLLBACK"), {}, what);
    };
    auto commit = [&]() -> Status {
        auto done = run(QStringLiteral("COMMIT"), {}, what);
        if (!done.ok()) {
            rollback();
            return done.error();
        }
        return {};
    };
    auto now = run(LeaseSql::dbNow(Driver::Sqlite), {}, what);
    if (!now.ok() || now->isEmpty()) {
        rollback();
        return now.ok() ? Result<Attempt>(Error{ErrorKind::Database, what}) : now.error();
    }
    const double t = now->first().at(0).toDouble();
    const double ttl = seconds(m_config.ttl);
    Attempt attempt;
    auto still = stillKind(key, write ? LockKind::Write : LockKind::Read, 0, what);
    if (!still.ok() || !still.value()) {
        rollback();
        if (!still.ok())
            return still.error();
        attempt.kindGone = true;
        return attempt;
    }
    auto own =
        run(QStringLiteral("SELECT acquired_at, fence FROM lockscope_rw_holders WHERE "
                           "lock_key = ? AND owner_token = ? AND mode = ? AND expires_at > ?"),
            {key, token, mode, t}, what);
    if (!own.ok()) {
        rollback();
        return own.error();
    }
    LeaseInfo info{key, token, t, t + ttl, false, std::nullopt, sentAt};
    info.kind = write ? LockKind::Write : LockKind::Read;
    if (!own->isEmpty()) { // a retried call: ours already
        (void)run(QStringLiteral("UPDATE lockscope_rw_holders SET expires_at = ? WHERE "
                                 "lock_key = ? AND owner_token = ?"),
                  {t + ttl, key, token}, what);
        if (auto s = commit(); !s.ok())
            return s.error();
        info.acquiredAt = own->first().at(0).toDouble();
        if (!own->first().at(1).isNull())
            info.fence = own->first().at(1).toLongLong();
        attempt.info = info;
        return attempt;
    }
    auto waiting = run(QStringLiteral("SELECT acquired_at FROM lockscope_rw_holders WHERE "
                                      "lock_key = ? AND owner_token = ? AND mode IN "
                                      "('read-wait', 'write-wait') AND expires_at > ?"),
                       {key, token, t}, what);
    if (!waiting.ok()) {
        rollback();
        return waiting.error();
    }
    const double myWait = waiting->isEmpty() ? t : waiting->first().at(0).toDouble();
    const QString blockers =
        write ? QStringLiteral("SELECT 1 FROM lockscope_rw_holders WHERE lock_key = ? AND "
                               "owner_token <> ? AND expires_at > ? AND (mode IN ('read', "
                               "'write') OR (mode IN ('read-wait', 'write-wait') AND "
                               "acquired_at < ?)) LIMIT 1")
              : QStringLiteral("SELECT 1 FROM lockscope_rw_holders WHERE lock_key = ? AND "
                               "owner_token <> ? AND expires_at > ? AND (mode = 'write' OR "
                               "(mode = 'write-wait' AND acquired_at < ?)) LIMIT 1");
    auto blocked = run(blockers, {key, token, t, myWait}, what);
    if (!blocked.ok()) {
        rollback();
        return blocked.error();
    }
    if (!blocked->isEmpty()) {
        auto queued =
            run(QStringLiteral("INSERT INTO lockscope_rw_holders (lock_key, owner_token, mode, "
                               "acquired_at, expires_at, fence) VALUES (?, ?, ?, ?, ?, NULL) "
                               "ON CONFLICT (lock_key, owner_token) DO UPDATE SET mode = "
                               "excluded.mode, acquired_at = excluded.acquired_at, expires_at = "
                               "excluded.expires_at, fence = NULL"),
                {key, token, waitMode, myWait, t + seconds(waitLife())}, what);
        if (!queued.ok()) {
            rollback();
            return queued.error();
        }
        if (auto s = commit(); !s.ok())
            return s.error();
        return attempt;
    }
    auto cleared = run(QStringLiteral("DELETE FROM lockscope_rw_holders WHERE lock_key = ? AND "
                                      "(expires_at <= ? OR owner_token = ?)"),
                       {key, t, token}, what);
    auto fence = cleared.ok() ? run(LeaseSql::bumpFence(), {key, token}, what) : cleared;
    if (!fence.ok() || fence->isEmpty()) {
        rollback();
        return fence.ok() ? Result<Attempt>(Error{ErrorKind::Database, what}) : fence.error();
    }
    info.fence = fence->first().at(0).toLongLong();
    auto stored = run(QStringLiteral("INSERT INTO lockscope_rw_holders (lock_key, owner_token, "
                                     "mode, acquired_at, expires_at, fence) VALUES (?, ?, ?, ?, "
                                     "?, ?)"),
                      {key, token, mode, t, t + ttl, *info.fence}, what);
    if (!stored.ok()) {
        rollback();
        return stored.error();
    }
    if (auto s = commit(); !s.ok())
        return s.error();
    attempt.info = info;
    return attempt;
}

Result<bool> SharedLockStore::stillKind(const QString &key, LockKind kind, int permits,
                                        const QString &what) {
    auto rows = run(SharedLockSql::isKind(), {key, LockKinds::keyKindName(kind), permits}, what);
    if (!rows.ok())
        return rows.error();
    return !rows->isEmpty();
}

Result<SharedRelease> SharedLockStore::releaseOnce(const QString &key, const QString &token) {
    if (m_redis)
        return m_redis->releaseOnce(key, token);
    const QString what =
        QCoreApplication::translate("lockscope::SharedLockStore", "release '%1'").arg(key);
    if (m_params.isPostgres()) {
        bool resent = false;
        auto rows = run(SharedLockSql::releasePostgres(), {key, token}, what, nullptr, &resent);
        if (!rows.ok())
            return rows.error();
        return SharedRelease{rows->isEmpty() || rows->first().at(0).isNull()
                                 ? QString()
                                 : rows->first().at(0).toString(),
                             resent};
    }
    int affected = 0;
    auto slot = run(SharedLockSql::releaseSlotSqlite(), {key, token}, what, &affected);
    if (!slot.ok())
        return slot.error();
    if (affected > 0)
        return SharedRelease{QStringLiteral("slot")};
    auto rw = run(SharedLockSql::releaseRwSqlite(), {key, token}, what);
    if (!rw.ok())
        return rw.error();
    return SharedRelease{rw->isEmpty() ? QString() : rw->first().at(0).toString()};
}

Result<std::optional<double>> SharedLockStore::renewOnce(const QString &key, const QString &token,
                                                         LockKind kind,
                                                         std::chrono::milliseconds ttl) {
    if (m_redis)
        return m_redis->renew(key, token, ttl, std::chrono::steady_clock::time_point::max(), {});
    const QString sql = kind == LockKind::Semaphore ? SharedLockSql::renewSlot(m_params.driver)
                                                    : SharedLockSql::renewRw(m_params.driver);
    auto rows =
        run(sql, {seconds(ttl), key, token},
            QCoreApplication::translate("lockscope::SharedLockStore", "renew '%1'").arg(key));
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return std::optional<double>();
    return std::optional<double>(rows->first().at(0).toDouble());
}

Result<std::optional<double>> SharedLockStore::renewBounded(
    const QString &key, const QString &token, LockKind kind, std::chrono::milliseconds ttl,
    std::chrono::steady_clock::time_point deadline, const std::function<bool()> &stopped) {
    if (m_redis)
        return m_redis->renew(
            key, token, ttl, deadline, stopped ? stopped : [] { return false; });
    if (m_params.isPostgres()) {
        auto rows = PgResending::execBounded(
            kind == LockKind::Semaphore ? m_pgRenewSlot : m_pgRenewRw, m_params, m_connection,
            {QByteArray::number(seconds(ttl), 'g', 17), key.toUtf8(), token.toUtf8()},
            [&] {
                return QCoreApplication::translate("lockscope::SharedLockStore", "renew '%1'")
                    .arg(key);
            },
            {deadline, stopped}, m_statements);
        if (!rows.ok())
            return rows.error();
        if (rows->count() == 0)
            return std::optional<double>();
        return std::optional<double>(rows->toDouble(0, 0));
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
        return Error{ErrorKind::Timeout,
                     QCoreApplication::translate("lockscope::SharedLockStore",
                                                 "No time was left to renew '%1'.")
                         .arg(key)};
    {
        auto db = ThreadConnections::get(m_params, m_connection);
        if (!db.ok())
            return db.error();
        QSqlQuery pragma(db.value());
        (void)pragma.exec(
            QStringLiteral("PRAGMA busy_timeout = %1").arg(std::min<qint64>(left.count(), 2000)));
    }
    return renewOnce(key, token, kind, ttl);
}

} // namespace lockscope
