#include "admin/backendactions.h"

#include "admin/auditlog.h"
#include "db/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

Result<bool> signalBackend(const ConnectionParams &params, int pid, const QString &tool,
                           const QString &function, const QString &action) {
    if (!params.isPostgres())
        return Error{
            ErrorKind::Unsupported,
            QCoreApplication::translate("lockscope::BackendActions",
                                        "Backends exist only on PostgreSQL; this is a SQLite "
                                        "database.")};
    if (pid <= 0)
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate("lockscope::BackendActions",
                                                 "'%1' is not a backend pid. Give the pid shown by "
                                                 "`lockctl advisory`.")
                         .arg(pid)};
    ScopedConnection conn(params, action);
    if (!conn.ok())
        return conn.error();
    const QString what = QStringLiteral("%1 %2").arg(action).arg(pid);
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("SELECT %1(?)").arg(function));
    q.addBindValue(pid);
    std::optional<Error> failure;
    bool sent = false;
    QString application;
    {
        QSqlQuery who(conn.db());
        who.prepare(QStringLiteral("SELECT application_name FROM pg_stat_activity WHERE pid = ?"));
        who.addBindValue(pid);
        if (who.exec() && who.next())
            application = who.value(0).toString();
    }
    if (!q.exec()) {
        failure = Database::classify(q.lastError(), params, what);
    } else if (q.next()) {
        sent = q.value(0).toBool();
    }
    q.finish();
    AuditEntry entry;
    entry.tool = tool;
    entry.action = action;
    entry.target = QStringLiteral("pid %1").arg(pid);
    if (!application.isEmpty())
        entry.detail = QStringLiteral("application %1").arg(application);
    if (failure) {
        entry.outcome = failure->kind == ErrorKind::PermissionDenied ? QStringLiteral("refused")
                                                                     : QStringLiteral("failed");
        entry.detail = failure->message;
    } else {
        entry.outcome = sent ? QStringLiteral("signalled") : QStringLiteral("no such backend");
    }
    (void)AuditLog::record(conn.db(), params, entry);
    if (failure)
        return *failure;
    return sent;
}

} // namespace

Result<bool> BackendActions::cancelBackend(const ConnectionParams &params, int pid,
                                           const QString &tool) {
    return signalBackend(params, pid, tool, QStringLiteral("pg_cancel_backend"),
                         QStringLiteral("cancel-backend"));
}

Result<bool> BackendActions::terminateBackend(const ConnectionParams &params, int pid,
                                              const QString &tool) {
    return signalBackend(params, pid, tool, QStringLiteral("pg_terminate_backend"),
                         QStringLiteral("terminate-backend"));
}

} // namespace lockscope
