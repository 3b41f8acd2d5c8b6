#include "lease/sharedlocksql.h"

#include "db/database.h"

namespace lockscope {

namespace {

// A key is idle when none of its slots or reader-writer rows is live (an
// expiry that is not a finite number counts as live, as for leases).
QString idle(Driver driver, const QString &key, const QString &now) {
    const QString minusInf = driver == Driver::Postgres ? QStringLiteral("'-Infinity'::float8")
                                                        : QStringLiteral("-9e999");
    return QStringLiteral("NOT EXISTS (SELECT 1 FROM lockscope_semaphore_slots s "
                          "WHERE s.lock_key = %1 AND NOT (s.expires_at <= %2 AND s.expires_at > "
                          "%3)) AND NOT EXISTS (SELECT 1 FROM lockscope_rw_holders h "
                          "WHERE h.lock_key = %1 AND NOT (h.expires_at <= %2 AND h.expires_at > "
                          "%3))")
        .arg(key, now, minusInf);
}

} // namespace

QString SharedLockSql::markerToken(const QString &kind) {
    return QStringLiteral("lockscope:") + kind;
}

QString SharedLockSql::registerKindPostgres() {
    return QStringLiteral(
               "WITH c AS (SELECT extract(epoch from clock_timestamp())::float8 AS t), "
               "k AS (SELECT CAST(? AS text) AS key, CAST(? AS text) AS kind, "
               "CAST(? AS integer) AS permits), "
               "m AS (INSERT INTO aggregate_locks AS l (lock_key, owner_token, acquired_at, "
               "expires_at) SELECT k.key, 'lockscope:' || k.kind, c.t, %1 FROM c, k "
               "ON CONFLICT (lock_key) DO UPDATE SET owner_token = EXCLUDED.owner_token, "
               "acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at "
               "WHERE (l.expires_at <= EXCLUDED.acquired_at AND l.expires_at > "
               "'-Infinity'::float8) OR l.owner_token = EXCLUDED.owner_token "
               "RETURNING l.lock_key) "
               "INSERT INTO lockscope_lock_kinds (lock_key, kind, permits, created_at) "
               "SELECT k.key, k.kind, k.permits, c.t FROM c, k, m "
               "ON CONFLICT (lock_key) DO NOTHING")
        .arg(QString::number(kMarkerExpiry, 'f', 0));
}

QString SharedLockSql::claimMarkerSqlite() {
    return QStringLiteral(
               "INSERT INTO aggregate_locks (lock_key, owner_token, acquired_at, expires_at) "
               "SELECT k.key, k.token, c.t, %1 FROM (SELECT ? AS key, ? AS token) AS k, "
               "(SELECT %2 AS t) AS c WHERE true "
               "ON CONFLICT (lock_key) DO UPDATE SET owner_token = excluded.owner_token, "
               "acquired_at = excluded.acquired_at, expires_at = excluded.expires_at "
               "WHERE (aggregate_locks.expires_at <= excluded.acquired_at "
               "AND aggregate_locks.expires_at > -9e999) "
               "OR aggregate_locks.owner_token = excluded.owner_token RETURNING lock_key")
        .arg(QString::number(kMarkerExpiry, 'f', 0), Database::nowSql(Driver::Sqlite));
}

QString SharedLockSql::recordKindSqlite() {
    return QStringLiteral("INSERT INTO lockscope_lock_kinds (lock_key, kind, permits, created_at) "
                          "VALUES (?, ?, ?, %1) ON CONFLICT (lock_key) DO NOTHING")
        .arg(Database::nowSql(Driver::Sqlite));
}

QString SharedLockSql::registerKindUnclaimed(Driver driver) {
    const QString now = Database::nowSql(driver);
    if (driver == Driver::Postgres)
        return QStringLiteral(
                   "INSERT INTO lockscope_lock_kinds (lock_key, kind, permits, created_at) "
                   "SELECT CAST(? AS text), CAST(? AS text), CAST(? AS integer), %1 "
                   "WHERE NOT EXISTS (SELECT 1 FROM aggregate_locks a "
                   "WHERE a.lock_key = CAST(? AS text) AND a.expires_at > %1) "
                   "ON CONFLICT (lock_key) DO NOTHING")
            .arg(now);
    return QStringLiteral("INSERT INTO lockscope_lock_kinds (lock_key, kind, permits, created_at) "
                          "SELECT ?, ?, ?, %1 WHERE NOT EXISTS (SELECT 1 FROM aggregate_locks a "
                          "WHERE a.lock_key = ? AND a.expires_at > %1) "
                          "ON CONFLICT (lock_key) DO NOTHING")
        .arg(now);
}

QString SharedLockSql::kindOf() {
    return QStringLiteral("SELECT kind, permits FROM lockscope_lock_kinds WHERE lock_key = ?");
}

QString SharedLockSql::kindState(Driver driver) {
    const QString key =
        driver == Driver::Postgres ? QStringLiteral("CAST(? AS text)") : QStringLiteral("?");
    return QStringLiteral("SELECT x.kind, x.permits, a.owner_token, a.expires_at > %1 "
                          "FROM (SELECT %2 AS key) q "
                          "LEFT JOIN lockscope_lock_kinds x ON x.lock_key = q.key "
                          "LEFT JOIN aggregate_locks a ON a.lock_key = q.key")
        .arg(Database::nowSql(driver), key);
}

QString SharedLockSql::dropIdleKindsPostgres() {
    // The candidates are read first (MATERIALIZED), so the function -- which
    // locks and re-checks each -- runs only for kinds that looked idle.
    return QStringLiteral("WITH c AS MATERIALIZED (SELECT k.lock_key FROM lockscope_lock_kinds k "
                          "WHERE %1) "
                          "SELECT count(*) FILTER (WHERE lockscope_drop_idle_kind(c.lock_key)) "
                          "FROM c")
        .arg(idle(Driver::Postgres, QStringLiteral("k.lock_key"),
                  QStringLiteral("extract(epoch from clock_timestamp())::float8")));
}

QString SharedLockSql::countIdleKinds(Driver driver) {
    return QStringLiteral("SELECT count(*) FROM lockscope_lock_kinds k WHERE %1")
        .arg(idle(driver, QStringLiteral("k.lock_key"), Database::nowSql(driver)));
}

QStringList SharedLockSql::dropIdleKindsSqlite() {
    const QString idleKey = idle(Driver::Sqlite, QStringLiteral("k.lock_key"), QStringLiteral("?"));
    return {QStringLiteral("DELETE FROM aggregate_locks WHERE EXISTS (SELECT 1 FROM "
                           "lockscope_lock_kinds k WHERE k.lock_key = aggregate_locks.lock_key "
                           "AND aggregate_locks.owner_token = 'lockscope:' || k.kind AND %1)")
                .arg(idleKey),
            QStringLiteral("DELETE FROM lockscope_semaphore_slots WHERE lock_key IN (SELECT "
                           "k.lock_key FROM lockscope_lock_kinds k WHERE %1)")
                .arg(idleKey),
            QStringLiteral("DELETE FROM lockscope_rw_holders WHERE lock_key IN (SELECT "
                           "k.lock_key FROM lockscope_lock_kinds k WHERE %1)")
                .arg(idleKey),
            QStringLiteral("DELETE FROM lockscope_lock_kinds WHERE lock_key IN (SELECT "
                           "k.lock_key FROM lockscope_lock_kinds k WHERE %1)")
                .arg(idleKey)};
}

QString SharedLockSql::isKind() {
    return QStringLiteral(
        "SELECT 1 FROM lockscope_lock_kinds WHERE lock_key = ? AND kind = ? AND permits = ?");
}

QString SharedLockSql::acquireSlotPostgres() {
    // One statement. `cand` is one slot that is free, expired or already ours
    // (a retry whose reply was lost), chosen at random so that concurrent
    // acquirers rarely aim at the same one. The INSERT ... ON CONFLICT DO UPDATE
    // WHERE expired is the admission: the row lock and the re-check of the
    // WHERE on the newest version of the row mean a slot another transaction
    // took meanwhile is not taken again -- no count is ever trusted. The fence
    // row is bumped first (its lock orders the key's acquirers by commit), so
    // the holder's fence can be stored with it; a lost race leaves a gap in the
    // fences, never a repeat. `kk` holds the key's kind row FOR KEY SHARE
    // (migration 0009): a kind that went idle and was dropped, or has another N
    // now, leaves no candidate and answers kind_ok = 0; one being dropped waits
    // for this statement, and then sees its slot.
    return QStringLiteral(
        "WITH c AS (SELECT extract(epoch from clock_timestamp())::float8 AS t), "
        "k AS (SELECT CAST(? AS text) AS key, CAST(? AS text) AS token, CAST(? AS float8) AS ttl, "
        "CAST(? AS integer) AS n), "
        "kk AS (SELECT x.lock_key FROM lockscope_lock_kinds x, k WHERE x.lock_key = k.key "
        "AND x.kind = 'semaphore' AND x.permits = k.n FOR KEY SHARE OF x), "
        "cand AS (SELECT g.slot FROM c, kk, k CROSS JOIN LATERAL generate_series(0, k.n - 1) AS "
        "g(slot) "
        "LEFT JOIN lockscope_semaphore_slots s ON s.lock_key = k.key AND s.slot = g.slot "
        "WHERE s.slot IS NULL OR (s.expires_at <= c.t AND s.expires_at > '-Infinity'::float8) "
        "OR s.owner_token = k.token "
        "ORDER BY (s.owner_token IS NOT DISTINCT FROM k.token) DESC, random() LIMIT 1), "
        "f AS (INSERT INTO lockscope_fences AS f (lock_key, last_fence, owner_token) "
        "SELECT k.key, 1, k.token FROM k, cand ON CONFLICT (lock_key) DO UPDATE "
        "SET last_fence = f.last_fence + 1, owner_token = EXCLUDED.owner_token "
        "RETURNING last_fence), "
        "a AS (INSERT INTO lockscope_semaphore_slots AS s "
        "(lock_key, slot, owner_token, acquired_at, expires_at, fence) "
        "SELECT k.key, cand.slot, k.token, c.t, c.t + k.ttl, f.last_fence FROM c, k, cand, f "
        "ON CONFLICT (lock_key, slot) DO UPDATE SET owner_token = EXCLUDED.owner_token, "
        "acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at, "
        "fence = EXCLUDED.fence "
        "WHERE (s.expires_at <= EXCLUDED.acquired_at AND s.expires_at > '-Infinity'::float8) "
        "OR s.owner_token = EXCLUDED.owner_token "
        "RETURNING s.slot, s.acquired_at, s.expires_at, s.fence) "
        "SELECT (SELECT count(*) FROM cand), a.slot, a.acquired_at, a.expires_at, a.fence, "
        "(SELECT count(*) FROM kk) "
        "FROM (SELECT 1) AS one LEFT JOIN a ON true");
}

QString SharedLockSql::acquireSlotFunctionPostgres() {
    return QStringLiteral(
        "SELECT candidates, t_slot, t_acquired, t_expires, t_fence, kind_ok FROM "
        "lockscope_semaphore_acquire(CAST(? AS text), CAST(? AS text), CAST(? AS float8), "
        "CAST(? AS integer))");
}

QString SharedLockSql::hasSlotFunctionPostgres() {
    return QStringLiteral("SELECT to_regprocedure('lockscope_semaphore_acquire(text, text, "
                          "double precision, integer)') IS NOT NULL");
}

QString SharedLockSql::freeSlotSqlite() {
    return QStringLiteral(
        "WITH RECURSIVE g(slot) AS (SELECT 0 UNION ALL SELECT slot + 1 FROM g WHERE slot + 1 < ?) "
        "SELECT g.slot FROM g LEFT JOIN lockscope_semaphore_slots s "
        "ON s.lock_key = ? AND s.slot = g.slot "
        "WHERE s.slot IS NULL OR (s.expires_at <= ? AND s.expires_at > -9e999) "
        "OR s.owner_token = ? "
        "ORDER BY (s.owner_token IS ?) DESC, random() LIMIT 1");
}

QString SharedLockSql::storeSlotSqlite() {
    return QStringLiteral(
        "INSERT INTO lockscope_semaphore_slots "
        "(lock_key, slot, owner_token, acquired_at, expires_at, fence) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (lock_key, slot) DO UPDATE SET owner_token = excluded.owner_token, "
        "acquired_at = excluded.acquired_at, expires_at = excluded.expires_at, "
        "fence = excluded.fence");
}

QString SharedLockSql::countLiveSlots(Driver driver) {
    return QStringLiteral("SELECT count(*) FROM lockscope_semaphore_slots "
                          "WHERE lock_key = ? AND expires_at > %1")
        .arg(Database::nowSql(driver));
}

QString SharedLockSql::insertCountedSlot(Driver driver) {
    const QString now = Database::nowSql(driver);
    return QStringLiteral("INSERT INTO lockscope_semaphore_slots "
                          "(lock_key, slot, owner_token, acquired_at, expires_at, fence) "
                          "SELECT ?, ?, ?, %1, %1 + ?, NULL")
        .arg(now);
}

QString SharedLockSql::acquireRwPostgres() {
    return QStringLiteral(
        "SELECT acquired, t_acquired, t_expires, t_fence FROM lockscope_rw_acquire("
        "CAST(? AS text), CAST(? AS text), CAST(? AS boolean), CAST(? AS float8), "
        "CAST(? AS float8))");
}

QString SharedLockSql::withRowWait(const QString &acquireSql) {
    const QString key = QStringLiteral("CAST(? AS text)");
    const qsizetype at = acquireSql.indexOf(key);
    Q_ASSERT(at >= 0);
    QString sql = acquireSql;
    sql.replace(at, key.size(),
                QStringLiteral("CASE WHEN set_config('lock_timeout', CAST(? AS text), true) IS NOT "
                               "NULL THEN CAST(? AS text) END"));
    return sql;
}

QString SharedLockSql::releasePostgres() {
    return QStringLiteral("SELECT lockscope_release_holder(CAST(? AS text), CAST(? AS text))");
}

QString SharedLockSql::releaseSlotSqlite() {
    return QStringLiteral(
        "DELETE FROM lockscope_semaphore_slots WHERE lock_key = ? AND owner_token = ?");
}

QString SharedLockSql::releaseRwSqlite() {
    return QStringLiteral(
        "DELETE FROM lockscope_rw_holders WHERE lock_key = ? AND owner_token = ? RETURNING mode");
}

QString SharedLockSql::renewSlot(Driver driver) {
    const QString now = Database::nowSql(driver);
    return QStringLiteral("UPDATE lockscope_semaphore_slots SET expires_at = %1 + "
                          "CAST(? AS double precision) WHERE lock_key = ? AND owner_token = ? "
                          "AND expires_at > %1 RETURNING expires_at")
        .arg(now);
}

QString SharedLockSql::renewRw(Driver driver) {
    const QString now = Database::nowSql(driver);
    return QStringLiteral("UPDATE lockscope_rw_holders SET expires_at = %1 + "
                          "CAST(? AS double precision) WHERE lock_key = ? AND owner_token = ? "
                          "AND mode IN ('read', 'write') AND expires_at > %1 RETURNING expires_at")
        .arg(now);
}

QString SharedLockSql::listAll(Driver driver) {
    return QStringLiteral(
               "SELECT k.lock_key, k.kind, k.permits, h.holder_kind, h.slot, h.owner_token, "
               "h.acquired_at, h.expires_at, h.fence, %1 AS db_now "
               "FROM lockscope_lock_kinds k LEFT JOIN ("
               "SELECT lock_key, 'slot' AS holder_kind, slot, owner_token, acquired_at, "
               "expires_at, fence FROM lockscope_semaphore_slots "
               "UNION ALL SELECT lock_key, mode, NULL, owner_token, acquired_at, expires_at, "
               "fence FROM lockscope_rw_holders) h ON h.lock_key = k.lock_key "
               "ORDER BY k.lock_key, h.holder_kind, h.slot, h.acquired_at")
        .arg(Database::nowSql(driver));
}

} // namespace lockscope
