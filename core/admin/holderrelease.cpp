#include "admin/holderrelease.h"

#include "admin/auditlog.h"
#include "base/lockkey.h"
#include "db/database.h"
#include "lease/sharedlocksql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

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
    ScopedConnection conn(params, QStringLiteral("force-release"));
    if (!conn.ok())
        return conn.error();
    QSqlDatabase db = conn.db();
    const QString what =
        QCoreApplication::translate("lockscope::HolderRelease", "release the holder %1 of '%2'")
            .arg(token, key);
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
    for (const QString &sql : statements) {
        QSqlQuery q(db);
        bool ran = q.prepare(sql);
        if (ran) {
            q.addBindValue(key);
            q.addBindValue(token);
            ran = q.exec();
        }
        if (!ran) {
            failure = Database::classify(q.lastError(), params, what);
            break;
        }
        if (q.next() && !q.isNull(0))
            gone = q.value(0).toString();
        q.finish();
        if (!gone.isEmpty())
            break;
    }
    if (!failure && !gone.isEmpty()) {
        result.outcome = ReleaseOutcome::Released;
        result.previousToken = token;
    }
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
    result.audited = AuditLog::record(db, params, entry).ok();
    if (failure)
        return *failure;
    return result;
}

} // namespace lockscope
