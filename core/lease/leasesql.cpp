#include "lease/leasesql.h"

#include "db/catalog.h"
#include "db/database.h"

#include <QStringList>

namespace lockscope {

Result<bool> LeaseSql::hasFences(const QSqlDatabase &db, const ConnectionParams &params) {
    return Catalog::hasTable(db, params, QStringLiteral("lockscope_fences"));
}

// A lease whose expires_at is not a finite number (another program wrote NaN,
// Infinity, -Infinity or NULL) is never taken over: NaN, Infinity and NULL fail
// `<= t` by themselves (PostgreSQL orders NaN above every number), and -Infinity
// is excluded explicitly (SQLite reads -9e999 as -Infinity and stores NaN as NULL).
QString LeaseSql::acquire(Driver driver, bool fenced, bool unregister, bool guarded) {
    // PostgreSQL: one statement. The CTE `c` reads the clock once, so
    // acquired_at and the expiry comparison agree; `k` binds the values once;
    // `p` is the holder before this statement, so `took_over` is true only
    // when an expired lease of *another* token was taken -- a retry of our own
    // acquire whose first reply was lost re-takes our own row, and says so.
    static const QString head = QStringLiteral(
        "WITH c AS (SELECT extract(epoch from clock_timestamp())::float8 AS t), "
        "k AS (SELECT CAST(? AS text) AS key, CAST(? AS text) AS token, CAST(? AS float8) AS ttl), "
        "p AS (SELECT l.owner_token FROM aggregate_locks l, k WHERE l.lock_key = k.key), ");
    const QString upsert =
        QStringLiteral(
            "INSERT INTO aggregate_locks AS l (lock_key, owner_token, acquired_at, expires_at) "
            "SELECT k.key, k.token, c.t, c.t + k.ttl FROM c, k ") +
        (guarded ? QStringLiteral("WHERE NOT EXISTS (SELECT 1 FROM lockscope_lock_kinds x "
                                  "WHERE x.lock_key = k.key) ")
                 : QString()) +
        QStringLiteral(
            "ON CONFLICT (lock_key) DO UPDATE SET owner_token = EXCLUDED.owner_token, "
            "acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at "
            "WHERE (l.expires_at <= EXCLUDED.acquired_at AND l.expires_at > '-Infinity'::float8) "
            "OR l.owner_token = EXCLUDED.owner_token ");
    static const QString tookOver = QStringLiteral(
        "(l.xmax <> 0 AND (SELECT owner_token FROM p) IS DISTINCT FROM l.owner_token)");
    // A waiter that registered for release notifications (registerWaiter) drops
    // its registration in the statement that acquires, and only if it acquired.
    static const QString unregistered = QStringLiteral(
        "u AS (DELETE FROM lockscope_release_waiters w USING k WHERE w.lock_key = k.key "
        "AND w.waiter = k.token AND EXISTS (SELECT 1 FROM a)), ");
    if (driver == Driver::Postgres && fenced) {
        // Still one statement: the fence is bumped only when the lease was taken
        // (the second CTE reads the first's RETURNING).
        return head + QStringLiteral("a AS (") + upsert +
               QStringLiteral(
                   "RETURNING l.lock_key, l.owner_token, l.acquired_at, l.expires_at, ") +
               tookOver + QStringLiteral(" AS took_over), ") +
               (unregister ? unregistered : QString()) +
               QStringLiteral(
                   "f AS (INSERT INTO lockscope_fences AS f (lock_key, last_fence, owner_token) "
                   "SELECT lock_key, 1, owner_token FROM a ON CONFLICT (lock_key) DO UPDATE "
                   "SET last_fence = f.last_fence + 1, owner_token = EXCLUDED.owner_token "
                   "RETURNING last_fence) "
                   "SELECT a.acquired_at, a.expires_at, a.took_over, f.last_fence FROM a, f");
    }
    if (driver == Driver::Postgres && unregister) {
        return head + QStringLiteral("a AS (") + upsert +
               QStringLiteral("RETURNING l.acquired_at, l.expires_at, ") + tookOver +
               QStringLiteral(" AS took_over), ") + unregistered.chopped(2) +
               QStringLiteral(" SELECT acquired_at, expires_at, took_over FROM a");
    }
    if (driver == Driver::Postgres) {
        return head.chopped(2) + QLatin1Char(' ') + upsert +
               QStringLiteral("RETURNING l.acquired_at, l.expires_at, ") + tookOver +
               QStringLiteral(" AS took_over");
    }
    // SQLite: numbered parameters, so the guard (0008) can name the key again.
    // (Binding the values once in a derived table instead, as PostgreSQL's
    // `k`, cost SQLite more work per statement: BENCHMARKS.md, "SQLite".)
    return QStringLiteral(
               "INSERT INTO aggregate_locks (lock_key, owner_token, acquired_at, expires_at) "
               "SELECT ?1, ?2, c.t, c.t + ?3 "
               "FROM (SELECT ((julianday('now') - 2440587.5) * 86400.0) AS t) AS c WHERE %1 "
               "ON CONFLICT (lock_key) DO UPDATE SET owner_token = excluded.owner_token, "
               "acquired_at = excluded.acquired_at, expires_at = excluded.expires_at "
               "WHERE (aggregate_locks.expires_at <= excluded.acquired_at "
               "AND aggregate_locks.expires_at > -9e999) "
               "OR aggregate_locks.owner_token = excluded.owner_token "
               "RETURNING acquired_at, expires_at, 0")
        .arg(guarded ? QStringLiteral("NOT EXISTS (SELECT 1 FROM lockscope_lock_kinds x "
                                      "WHERE x.lock_key = ?1)")
                     : QStringLiteral("true"));
}

QString LeaseSql::bumpFence() {
    return QStringLiteral(
        "INSERT INTO lockscope_fences (lock_key, last_fence, owner_token) VALUES (?, 1, ?) "
        "ON CONFLICT (lock_key) DO UPDATE SET last_fence = lockscope_fences.last_fence + 1, "
        "owner_token = excluded.owner_token RETURNING last_fence");
}

QString LeaseSql::release(Driver driver, bool notifyWaitersOnly, bool durable) {
    // Not durable (the default): the release's own transaction commits without
    // waiting for the WAL flush. `set_config(..., true)` lasts to the end of
    // that transaction only, so the connection's next acquire is durable again
    // -- and its flush covers this release too (the WAL is one sequence). A
    // release a crash loses leaves the lease to expire at its TTL, as if the
    // holder had died before releasing; it never lets two hold one key.
    const QString async =
        durable ? QString() : QStringLiteral(", set_config('synchronous_commit', 'off', true)");
    if (driver == Driver::Postgres && notifyWaitersOnly) {
        // Migration 0007: deletes, and notifies only when a waiter registered
        // for the key (a NOTIFY serialises commits database-wide).
        return QStringLiteral("SELECT lockscope_release_lease(CAST(? AS text), CAST(? AS text))") +
               async;
    }
    if (driver == Driver::Postgres) {
        // A database migrated before 0007: the NOTIFY is sent at commit, only
        // when the row was ours, whether or not anyone waits.
        return QStringLiteral("WITH d AS (DELETE FROM aggregate_locks WHERE lock_key = ? "
                              "AND owner_token = ? RETURNING lock_key) "
                              "SELECT pg_notify('lockscope_release', lock_key)") +
               async + QStringLiteral(" FROM d");
    }
    return QStringLiteral("DELETE FROM aggregate_locks WHERE lock_key = ? AND owner_token = ?");
}

QString LeaseSql::registerWaiter() {
    // Also drops lapsed registrations of the key (waiters that died), never
    // this waiter's own: the statement may not touch one row twice.
    return QStringLiteral(
        "WITH c AS (SELECT extract(epoch from clock_timestamp())::float8 AS t), "
        "k AS (SELECT CAST(? AS text) AS key, CAST(? AS text) AS waiter, "
        "CAST(? AS float8) AS life), "
        "gone AS (DELETE FROM lockscope_release_waiters w USING c, k WHERE w.lock_key = k.key "
        "AND w.waiter <> k.waiter AND w.wait_until <= c.t) "
        "INSERT INTO lockscope_release_waiters AS w (lock_key, waiter, wait_until) "
        "SELECT k.key, k.waiter, c.t + k.life FROM c, k "
        "ON CONFLICT (lock_key, waiter) DO UPDATE SET wait_until = EXCLUDED.wait_until");
}

QString LeaseSql::unregisterWaiter() {
    return QStringLiteral("DELETE FROM lockscope_release_waiters WHERE lock_key = CAST(? AS text) "
                          "AND waiter = CAST(? AS text)");
}

Result<LeaseSql::Schema> LeaseSql::lookUpSchema(const QSqlDatabase &db,
                                                const ConnectionParams &params) {
    Schema schema;
    auto fences = hasFences(db, params);
    if (!fences.ok())
        return fences.error();
    schema.fences = fences.value();
    if (params.isPostgres()) {
        auto waiters = Catalog::hasTable(db, params, QStringLiteral("lockscope_release_waiters"));
        if (!waiters.ok())
            return waiters.error();
        schema.waiters = waiters.value();
    }
    auto kinds = Catalog::hasTable(db, params, QStringLiteral("lockscope_lock_kinds"));
    if (!kinds.ok())
        return kinds.error();
    schema.kinds = kinds.value();
    return schema;
}

QString LeaseSql::renew(Driver driver) {
    const QString now = Database::nowSql(driver);
    return QStringLiteral(
               "UPDATE aggregate_locks SET expires_at = %1 + CAST(? AS double precision) "
               "WHERE lock_key = ? AND owner_token = ? AND expires_at > %1 "
               "RETURNING expires_at")
        .arg(now);
}

QString LeaseSql::forceReleaseGuarded() {
    return QStringLiteral("DELETE FROM aggregate_locks WHERE lock_key = ? AND owner_token = ?");
}

QString LeaseSql::forceReleaseAny() {
    return QStringLiteral("DELETE FROM aggregate_locks WHERE lock_key = ?");
}

QString LeaseSql::sweepBatch(Driver driver) {
    if (driver == Driver::Postgres) {
        // The clock is read once (the CTE), so it can be an index condition; the
        // batch's rows are locked by the sub-select and deleted by a TID scan,
        // so a batch costs the same at row one million as at row one (an IN over
        // lock_key made the planner scan the whole table for every batch). The
        // outer condition is re-checked on rows changed concurrently, so a lease
        // re-acquired between the scan and the delete is left alone. A row whose
        // expiry is not a finite number is never swept: NaN and Infinity fail
        // `<= t`, and `> '-Infinity'` keeps -Infinity out while leaving the
        // condition an index range.
        return QStringLiteral(
            "WITH c AS (SELECT extract(epoch from clock_timestamp())::float8 AS t) "
            "DELETE FROM aggregate_locks WHERE ctid = ANY(ARRAY("
            "SELECT ctid FROM aggregate_locks WHERE expires_at > '-Infinity'::float8 "
            "AND expires_at <= (SELECT t FROM c) "
            "ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)) "
            "AND expires_at > '-Infinity'::float8 AND expires_at <= (SELECT t FROM c)");
    }
    return QStringLiteral("DELETE FROM aggregate_locks WHERE lock_key IN ("
                          "SELECT lock_key FROM aggregate_locks WHERE expires_at > -9e999 "
                          "AND expires_at <= %1 ORDER BY expires_at LIMIT ?) "
                          "AND expires_at > -9e999 AND expires_at <= %1")
        .arg(Database::nowSql(driver));
}

QString LeaseSql::countExpired(Driver driver) {
    return QStringLiteral("SELECT count(*) FROM aggregate_locks WHERE expires_at > %1 "
                          "AND expires_at <= %2")
        .arg(minusInfinity(driver), Database::nowSql(driver));
}

QString LeaseSql::minusInfinity(Driver driver) {
    return driver == Driver::Postgres ? QStringLiteral("'-Infinity'::float8")
                                      : QStringLiteral("-9e999");
}

QString LeaseSql::invalidExpiry(Driver driver) {
    if (driver == Driver::Postgres)
        return QStringLiteral("SELECT CASE WHEN expires_at IS NULL THEN 'NULL' "
                              "WHEN expires_at = 'NaN'::float8 THEN 'NaN' "
                              "WHEN expires_at = 'Infinity'::float8 THEN 'Infinity' "
                              "WHEN expires_at = '-Infinity'::float8 THEN '-Infinity' END "
                              "FROM aggregate_locks WHERE lock_key = ?");
    // SQLite stores NaN as NULL; a value of another type (text) is no time either.
    return QStringLiteral("SELECT CASE WHEN expires_at IS NULL THEN 'NULL' "
                          "WHEN typeof(expires_at) NOT IN ('real', 'integer') "
                          "THEN quote(expires_at) "
                          "WHEN expires_at = 9e999 THEN 'Infinity' "
                          "WHEN expires_at = -9e999 THEN '-Infinity' END "
                          "FROM aggregate_locks WHERE lock_key = ?");
}

namespace {

// Migration 0009: the row a semaphore's or reader-writer key keeps in
// aggregate_locks is that key's claim, not a lease -- the lists show the key
// with its holders (SharedLockQueries), not this row. A row with a marker's
// token whose key has no kind is shown: nothing else would explain it.
QString notAKindMarker(const QString &alias, bool byToken) {
    if (byToken)
        return QStringLiteral("%1.owner_token NOT IN ('lockscope:semaphore', 'lockscope:rw')")
            .arg(alias);
    return QStringLiteral("NOT (%1.owner_token IN ('lockscope:semaphore', 'lockscope:rw') AND "
                          "EXISTS (SELECT 1 FROM lockscope_lock_kinds x WHERE x.lock_key = "
                          "%1.lock_key))")
        .arg(alias);
}

} // namespace

QString LeaseSql::listAll(Driver driver, bool fenced, bool kinds, bool markersByToken) {
    const QString where = kinds ? QStringLiteral("WHERE ") +
                                      notAKindMarker(QStringLiteral("a"), markersByToken) +
                                      QLatin1Char(' ')
                                : QString();
    if (fenced)
        return QStringLiteral(
                   "SELECT a.lock_key, a.owner_token, a.acquired_at, a.expires_at, %1 AS "
                   "db_now, f.last_fence FROM aggregate_locks a LEFT JOIN "
                   "lockscope_fences f ON f.lock_key = a.lock_key AND f.owner_token = "
                   "a.owner_token %2ORDER BY a.lock_key")
            .arg(Database::nowSql(driver), where);
    return QStringLiteral("SELECT a.lock_key, a.owner_token, a.acquired_at, a.expires_at, %1 AS "
                          "db_now FROM aggregate_locks a %2ORDER BY a.lock_key")
        .arg(Database::nowSql(driver), where);
}

QString LeaseSql::listOne(Driver driver, bool fenced, bool kinds, bool markersByToken) {
    const QString and_ =
        kinds ? QStringLiteral(" AND ") + notAKindMarker(QStringLiteral("a"), markersByToken)
              : QString();
    if (fenced)
        return QStringLiteral(
                   "SELECT a.lock_key, a.owner_token, a.acquired_at, a.expires_at, %1 AS "
                   "db_now, f.last_fence FROM aggregate_locks a LEFT JOIN "
                   "lockscope_fences f ON f.lock_key = a.lock_key AND f.owner_token = "
                   "a.owner_token WHERE a.lock_key = ?%2")
            .arg(Database::nowSql(driver), and_);
    return QStringLiteral("SELECT a.lock_key, a.owner_token, a.acquired_at, a.expires_at, %1 AS "
                          "db_now FROM aggregate_locks a WHERE a.lock_key = ?%2")
        .arg(Database::nowSql(driver), and_);
}

QString LeaseSql::dbNow(Driver driver) {
    return QStringLiteral("SELECT %1").arg(Database::nowSql(driver));
}

} // namespace lockscope
