#include "admin/adminactions.h"

#include "admin/auditlog.h"
#include "admin/idlekinds.h"
#include "admin/redisrelease.h"
#include "base/canceltoken.h"
#include "base/duration.h"
#include "base/lockkey.h"
#include "db/catalog.h"
#include "db/database.h"
#include "db/localsettings.h"
#include "lease/leasequeries.h"
#include "lease/leasesql.h"
#include "lease/rowlocker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

// How long a force release waits for another transaction holding the row.
constexpr std::chrono::milliseconds kForceReleaseRowWait{5000};

Error rowStayedLocked(const QSqlDatabase &db, const ConnectionParams &params, const QString &key,
                      const QString &what) {
    const auto locker = RowLocker::of(db, params, key);
    if (!locker)
        return Error{ErrorKind::Timeout,
                     QCoreApplication::translate(
                         "lockscope::AdminActions",
                         "Cannot %1: its row stayed locked by another transaction for %2. Nothing "
                         "was released. `lockctl locks` lists the sessions and the transactions "
                         "they hold open: end that transaction (`lockctl terminate-backend PID`) "
                         "or wait for it, then try again.")
                         .arg(what, Duration::format(kForceReleaseRowWait))};
    return Error{ErrorKind::Timeout,
                 QCoreApplication::translate(
                     "lockscope::AdminActions",
                     "Cannot %1: its row stayed locked by another transaction for %2 (%3). "
                     "Nothing was released. End that transaction (`lockctl terminate-backend %4`) "
                     "or wait for it, then try again.")
                     .arg(what, Duration::format(kForceReleaseRowWait),
                          RowLocker::describe(*locker), QString::number(locker->pid))};
}

} // namespace

Result<SweepResult> AdminActions::sweep(const ConnectionParams &params, int batchSize, bool dryRun,
                                        const QString &tool, const CancelToken *cancel,
                                        const std::function<void(qint64)> &progress) {
    if (batchSize < 1 || batchSize > 1'000'000) {
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate(
                         "lockscope::AdminActions",
                         "The sweep batch size must be between 1 and 1000000, not %1.")
                         .arg(batchSize)};
    }
    ScopedConnection conn(params, QStringLiteral("sweep"));
    if (!conn.ok())
        return conn.error();
    QSqlDatabase db = conn.db();
    SweepResult result;
    if (dryRun) {
        QSqlQuery q(db);
        if (!q.exec(LeaseSql::countExpired(params.driver)) || !q.next())
            return Database::classify(
                q.lastError(), params,
                QCoreApplication::translate("lockscope::AdminActions", "count the expired leases"));
        result.count = q.value(0).toLongLong();
        q.finish();
        auto idle = IdleKinds::drop(db, params, true);
        if (!idle.ok())
            return idle.error();
        result.idleKinds = idle.value();
        return result;
    }
    QSqlQuery q(db);
    if (!q.prepare(LeaseSql::sweepBatch(params.driver))) // no table: "run lockctl migrate"
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::AdminActions", "sweep the expired leases"));
    // What is expired now bounds the sweep: on a busy table where leases keep
    // expiring, every batch would find some, and the sweep would never end.
    qint64 target = 0;
    {
        QSqlQuery count(db);
        if (!count.exec(LeaseSql::countExpired(params.driver)) || !count.next())
            return Database::classify(
                count.lastError(), params,
                QCoreApplication::translate("lockscope::AdminActions", "count the expired leases"));
        target = count.value(0).toLongLong();
    }
    std::optional<Error> failure;
    int busyRetries = 0;
    for (;;) {
        if (cancel && cancel->isCancelled()) {
            result.cancelled = true;
            break;
        }
        q.bindValue(0, batchSize);
        QElapsedTimer statement;
        statement.start();
        const bool ok = q.exec();
        result.longestStatementMs = std::max(result.longestStatementMs,
                                             static_cast<double>(statement.nsecsElapsed()) / 1e6);
        if (!ok) {
            if (Database::isContention(q.lastError()) && ++busyRetries <= 50)
                continue; // another writer holds SQLite's lock for a moment

            failure = Database::classify(
                q.lastError(), params,
                QCoreApplication::translate("lockscope::AdminActions", "sweep the expired leases"));
            break;
        }
        const qint64 removed = q.numRowsAffected();
        q.finish();
        result.count += removed;
        ++result.batches;
        if (progress)
            progress(result.count);
        // A short batch does not mean the end: a row re-acquired between the
        // batch's snapshot and its lock drops out of it while more expired
        // rows follow. Only an empty batch does, or having removed as many as
        // were expired at the start.
        if (removed == 0 || result.count >= target)
            break;
    }
    if (!failure && !result.cancelled) {
        // What is still expired now was locked by another transaction (SKIP
        // LOCKED), or expired while the sweep ran.
        QSqlQuery left(db);
        if (left.exec(LeaseSql::countExpired(params.driver)) && left.next())
            result.skipped = left.value(0).toLongLong();
    }
    if (!failure && !result.cancelled) {
        auto idle = IdleKinds::drop(db, params, false);
        if (idle.ok())
            result.idleKinds = idle.value();
        else
            failure = idle.error();
    }
    AuditEntry entry;
    entry.tool = tool;
    entry.action = QStringLiteral("sweep");
    entry.target = QStringLiteral("expired leases");
    entry.outcome =
        failure && failure->kind == ErrorKind::PermissionDenied ? QStringLiteral("refused")
        : failure          ? QStringLiteral("failed after removing %1").arg(result.count)
        : result.cancelled ? QStringLiteral("cancelled after removing %1").arg(result.count)
        : result.skipped > 0
            ? QStringLiteral("removed %1, left %2 still expired (locked by another "
                             "transaction, or expired during the sweep)")
                  .arg(result.count)
                  .arg(result.skipped)
            : QStringLiteral("removed %1").arg(result.count);
    if (result.idleKinds > 0)
        entry.outcome += QStringLiteral("; dropped the kinds of %1 idle semaphore or "
                                        "reader-writer keys")
                             .arg(result.idleKinds);
    if (failure)
        entry.detail = failure->message;
    result.audited = AuditLog::record(db, params, entry).ok();
    if (failure)
        return *failure;
    return result;
}

Result<ForceReleaseResult> AdminActions::forceRelease(const ConnectionParams &params,
                                                      const QString &key,
                                                      const std::optional<QString> &expectedToken,
                                                      const QString &tool) {
    if (params.isRedis())
        return RedisRelease::forceRelease(params, key, expectedToken, tool);
    // Not the rules for a new key: whatever another program wrote (a key longer
    // than LockScope would create, say) is listed, so it can be released.
    if (auto valid = LockKey::validateExisting(key); !valid.ok())
        return valid.error();
    if (expectedToken && expectedToken->isEmpty()) {
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate(
                         "lockscope::AdminActions",
                         "The expected owner token is empty. Give the token shown by "
                         "`lockctl list`, or force the release without one.")};
    }
    ScopedConnection conn(params, QStringLiteral("force-release"));
    if (!conn.ok())
        return conn.error();
    QSqlDatabase db = conn.db();
    const QString what =
        QCoreApplication::translate("lockscope::AdminActions", "force-release the lease '%1'")
            .arg(key);
    ForceReleaseResult result;
    // Never the row that claims a semaphore's or reader-writer key (migration
    // 0009): its holders are released one by one (HolderRelease), and the claim
    // goes with the key's kind when the key is idle.
    const auto kinds = Catalog::hasTable(db, params, QStringLiteral("lockscope_lock_kinds"));
    if (!kinds.ok())
        return kinds.error();
    const QString notClaim =
        kinds.value() ? QStringLiteral(" AND NOT (owner_token IN ('lockscope:semaphore', "
                                       "'lockscope:rw') AND EXISTS (SELECT 1 FROM "
                                       "lockscope_lock_kinds x WHERE x.lock_key = "
                                       "aggregate_locks.lock_key))")
                      : QString();
    QSqlQuery q(db);
    const bool prepared =
        expectedToken
            ? q.prepare(QStringLiteral("DELETE FROM aggregate_locks WHERE lock_key = ? "
                                       "AND owner_token = ?%1 RETURNING owner_token")
                            .arg(notClaim))
            : q.prepare(
                  QStringLiteral(
                      "DELETE FROM aggregate_locks WHERE lock_key = ?%1 RETURNING owner_token")
                      .arg(notClaim));
    if (!prepared) // no table: "run lockctl migrate", not an error about placeholders
        return Database::classify(q.lastError(), params, what);
    q.addBindValue(key);
    if (expectedToken)
        q.addBindValue(*expectedToken);
    std::optional<Error> failure;
    // PostgreSQL: the delete waits for any transaction holding the row. One
    // that another program left open would hang the release; wait a while,
    // then name the session to end.
    bool bounded = false; // while its transaction is open
    if (auto begun = LocalSettings::beginBoundedWrite(db, params, what, kForceReleaseRowWait);
        begun.ok())
        bounded = begun.value();
    else
        failure = begun.error();
    if (!failure && !q.exec()) {
        failure = Database::classify(q.lastError(), params, what);
        if (q.lastError().nativeErrorCode() == QLatin1String("55P03")) {
            q.finish();
            db.rollback(); // the transaction failed; the look-up needs a new one
            bounded = false;
            failure = rowStayedLocked(db, params, key, what);
        }
    } else if (!failure && q.next()) {
        result.outcome = ReleaseOutcome::Released;
        result.previousToken = q.value(0).toString();
    }
    q.finish();
    if (!failure && result.outcome == ReleaseOutcome::Released && params.isPostgres()) {
        // Wake the waiters of other LockScope processes, as an owner's release
        // does (sent when the transaction commits).
        QSqlQuery notify(db);
        notify.prepare(QStringLiteral("SELECT pg_notify('lockscope_release', ?)"));
        notify.addBindValue(key);
        notify.exec();
    }
    if (bounded && failure) {
        db.rollback();
    } else if (bounded && !db.commit()) {
        failure = Database::classify(db.lastError(), params, what);
        result.outcome = ReleaseOutcome::Absent; // not committed: nothing was released
    }
    if (!failure && result.outcome != ReleaseOutcome::Released) {
        auto current = LeaseQueries::find(db, params, key);
        if (current.ok() && current.value()) {
            result.outcome = ReleaseOutcome::Changed;
            result.previousToken = current.value()->token;
        }
    }
    AuditEntry entry;
    entry.tool = tool;
    entry.action = expectedToken ? QStringLiteral("force-release")
                                 : QStringLiteral("force-release-unconditional");
    entry.target = key;
    entry.previousToken = expectedToken && result.outcome != ReleaseOutcome::Released
                              ? *expectedToken
                              : result.previousToken;
    if (failure) {
        entry.outcome = failure->kind == ErrorKind::PermissionDenied ? QStringLiteral("refused")
                                                                     : QStringLiteral("failed");
        entry.detail = failure->message;
    } else {
        switch (result.outcome) {
        case ReleaseOutcome::Released:
            entry.outcome = QStringLiteral("released");
            break;
        case ReleaseOutcome::Changed:
            entry.outcome = QStringLiteral("changed since shown; not released");
            entry.detail = QStringLiteral("now held with token %1").arg(result.previousToken);
            break;
        case ReleaseOutcome::Absent:
            entry.outcome = QStringLiteral("absent");
            break;
        }
    }
    result.audited = AuditLog::record(db, params, entry).ok();
    if (failure)
        return *failure;
    return result;
}

} // namespace lockscope
