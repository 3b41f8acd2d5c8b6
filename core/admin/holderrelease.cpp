#include "admin/holderrelease.h"

#include "admin/auditlog.h"
#include "admin/redisauditlog.h"
#include "base/duration.h"
#include "base/lockkey.h"
#include "db/database.h"
#include "db/localsettings.h"
#include "lease/redisleasescripts.h"
#include "lease/redissharedscripts.h"
#include "lease/sharedlocksql.h"
#include "redis/redisconnection.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

// How long a holder's release waits for another transaction holding its rows.
constexpr std::chrono::milliseconds kHolderReleaseRowWait{5000};

AuditEntry entryFor(const QString &key, const QString &token, const QString &tool,
                    const std::optional<Error> &failure, const QString &gone) {
    AuditEntry entry;
    entry.tool = tool;
    entry.action = QStringLiteral("force-release");
    entry.target = key;
    entry.previousToken = token;
    if (failure) {
        entry.outcome = failure->kind == ErrorKind::PermissionDenied ? QStringLiteral("refused")
                                                                     : QStringLiteral("failed");
        entry.detail = failure->message;
    } else if (gone.isEmpty()) {
        entry.outcome = QStringLiteral("absent");
    } else {
        entry.outcome = QStringLiteral("released");
        entry.detail = QStringLiteral("holder: %1").arg(gone);
    }
    return entry;
}

// Redis: the holder's own release script (RedisSharedScripts::release), by
// token, publishing to the key's waiters; recorded in the audit stream.
Result<ForceReleaseResult> releaseOnRedis(const ConnectionParams &params, const QString &key,
                                          const QString &token, const QString &tool,
                                          const QString &what) {
    RedisConnection connection(params);
    auto reply = RedisSharedScripts::release().run(
        connection,
        {RedisLeaseScripts::leaseKey(params, key), RedisSharedScripts::holdersKey(params, key),
         RedisLeaseScripts::waitersKey(params, key)},
        {token.toUtf8(), RedisLeaseScripts::releaseChannel(), QByteArray("1")}, what);
    if (!reply.ok() && reply.error().kind == ErrorKind::Connection)
        return reply.error(); // nothing reached the server, nowhere to record it
    std::optional<Error> failure;
    QString gone;
    if (!reply.ok())
        failure = reply.error();
    else
        gone = QString::fromUtf8(reply->str);
    ForceReleaseResult result;
    if (!failure && !gone.isEmpty()) {
        result.outcome = ReleaseOutcome::Released;
        result.previousToken = token;
    }
    result.audited =
        RedisAuditLog::record(connection, entryFor(key, token, tool, failure, gone)).ok();
    if (failure)
        return *failure;
    return result;
}

} // namespace

Result<ForceReleaseResult> HolderRelease::release(const ConnectionParams &params,
                                                  const QString &key, const QString &token,
                                                  const QString &tool) {
    if (auto valid = LockKey::validateExisting(key); !valid.ok())
        return valid.error();
    if (token.isEmpty())
        return Error{
            ErrorKind::InvalidArgument,
            QCoreApplication::translate("lockscope::HolderRelease",
                                        "The owner token is empty. Give the token of the holder "
                                        "shown by `lockctl list`.")};
    const QString what =
        QCoreApplication::translate("lockscope::HolderRelease", "release the holder %1 of '%2'")
            .arg(token, key);
    if (params.isRedis())
        return releaseOnRedis(params, key, token, tool, what);
    ScopedConnection conn(params, QStringLiteral("force-release"));
    if (!conn.ok())
        return conn.error();
    QSqlDatabase db = conn.db();
    ForceReleaseResult result;
    std::optional<Error> failure;
    QString gone;
    // PostgreSQL: the function deletes the token's row and notifies the key's
    // registered waiters; SQLite: the slot, else the reader-writer row.
    const QStringList statements =
        params.isPostgres()
            ? QStringList{SharedLockSql::releasePostgres()}
            : QStringList{QStringLiteral("DELETE FROM lockscope_semaphore_slots WHERE lock_key = "
                                         "? AND owner_token = ? RETURNING 'slot'"),
                          SharedLockSql::releaseRwSqlite()};
    // PostgreSQL: the release waits for any transaction holding the rows it
    // changes. One that another program left open must not hang it.
    bool bounded = false; // while its transaction is open
    if (auto begun = LocalSettings::beginBoundedWrite(db, params, what, kHolderReleaseRowWait);
        begun.ok())
        bounded = begun.value();
    else
        failure = begun.error();
    for (const QString &sql : statements) {
        if (failure)
            break;
        QSqlQuery q(db);
        bool ran = q.prepare(sql);
        if (ran) {
            q.addBindValue(key);
            q.addBindValue(token);
            ran = q.exec();
        }
        if (!ran && q.lastError().nativeErrorCode() == QLatin1String("55P03")) {
            failure = Error{
                ErrorKind::Timeout,
                QCoreApplication::translate(
                    "lockscope::HolderRelease",
                    "Cannot %1: a row it changes stayed locked by another transaction for %2. "
                    "Nothing was released. `lockctl locks` lists the sessions and the "
                    "transactions they hold open: end that transaction (`lockctl "
                    "terminate-backend PID`) or wait for it, then try again.")
                    .arg(what, Duration::format(kHolderReleaseRowWait))};
        } else if (!ran) {
            failure = Database::classify(q.lastError(), params, what);
        }
        if (failure) {
            if (bounded) // before the query goes: it deallocates on a usable connection
                db.rollback();
            bounded = false;
            break;
        }
        if (q.next() && !q.isNull(0))
            gone = q.value(0).toString();
        q.finish();
        if (!gone.isEmpty())
            break;
    }
    if (bounded && failure) {
        db.rollback();
    } else if (bounded && !db.commit()) {
        failure = Database::classify(db.lastError(), params, what);
        gone.clear(); // not committed: nothing was released
    }
    if (!failure && !gone.isEmpty()) {
        result.outcome = ReleaseOutcome::Released;
        result.previousToken = token;
    }
    result.audited = AuditLog::record(db, params, entryFor(key, token, tool, failure, gone)).ok();
    if (failure)
        return *failure;
    return result;
}

} // namespace lockscope
