#include "admin/auditlog.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSysInfo>
#include <QVariant>

#include <algorithm>
#include <array>
#include <limits>

#include <pwd.h>
#include <unistd.h>

namespace lockscope {

// The account the process runs as, from the password database: $USER is unset
// under cron, systemd and CI, and anyone can set it to anything.
QString AuditLog::currentOsUser() {
    const uid_t uid = ::geteuid();
    passwd entry{};
    passwd *found = nullptr;
    std::array<char, 4096> buffer{};
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
        found->pw_name && *found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("uid %1").arg(uid);
}

Status AuditLog::record(QSqlDatabase db, const ConnectionParams &params, AuditEntry entry) {
    if (entry.osUser.isEmpty())
        entry.osUser = currentOsUser();
    if (entry.osHost.isEmpty())
        entry.osHost = QSysInfo::machineHostName();
    QSqlQuery q(db);
    const bool prepared =
        params.isPostgres()
            ? q.prepare(QStringLiteral(
                  "INSERT INTO lockscope_audit (os_user, os_host, tool, action, target, "
                  "previous_token, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
            : q.prepare(QStringLiteral(
                  "INSERT INTO lockscope_audit (db_user, os_user, os_host, tool, action, target, "
                  "previous_token, outcome, detail) VALUES ('', ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(entry.osUser);
    q.addBindValue(entry.osHost);
    q.addBindValue(entry.tool);
    q.addBindValue(entry.action);
    q.addBindValue(entry.target);
    q.addBindValue(entry.previousToken.isEmpty() ? QVariant() : QVariant(entry.previousToken));
    q.addBindValue(entry.outcome);
    q.addBindValue(entry.detail.isEmpty() ? QVariant() : QVariant(entry.detail));
    if (prepared && q.exec())
        return {};
    const Error e = Database::classify(
        q.lastError(), params,
        QCoreApplication::translate("lockscope::AuditLog", "record the action in the audit log"));
    if (e.kind != ErrorKind::PermissionDenied || !params.isPostgres() ||
        entry.outcome != QLatin1String("refused"))
        return e;
    // A role that may not write the audit table (the read-only role) records its
    // refusal through lockscope_audit_refusal (migration 0006): the database sets
    // the outcome and the identities (db_user, the client's address), not us.
    QSqlQuery viaFunction(db);
    viaFunction.prepare(QStringLiteral("SELECT lockscope_audit_refusal(?, ?, ?, ?, ?)"));
    viaFunction.addBindValue(entry.tool);
    viaFunction.addBindValue(entry.action);
    viaFunction.addBindValue(entry.target);
    viaFunction.addBindValue(entry.previousToken.isEmpty() ? QVariant()
                                                           : QVariant(entry.previousToken));
    viaFunction.addBindValue(entry.detail.isEmpty() ? QVariant() : QVariant(entry.detail));
    if (!viaFunction.exec())
        return Database::classify(viaFunction.lastError(), params,
                                  QCoreApplication::translate(
                                      "lockscope::AuditLog", "record the action in the audit log"));
    return {};
}

Result<QList<AuditEntry>> AuditLog::recent(QSqlDatabase db, const ConnectionParams &params,
                                           int limit, const AuditFilter &filter) {
    QString sql =
        QStringLiteral("SELECT id, at, db_user, os_user, os_host, tool, action, target, "
                       "previous_token, outcome, detail FROM lockscope_audit WHERE id < ?");
    if (!filter.action.isEmpty())
        sql += QStringLiteral(" AND action = ?");
    if (filter.since)
        sql += QStringLiteral(" AND at >= ?");
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    // Without a target glob one page is the answer; with one, pages go back
    // until `limit` entries matched or the log ends.
    const int page = filter.target ? std::max(limit, 1000) : limit;
    qint64 before = std::numeric_limits<qint64>::max();
    QList<AuditEntry> list;
    for (;;) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        const bool prepared = q.prepare(sql);
        q.addBindValue(before);
        if (!filter.action.isEmpty())
            q.addBindValue(filter.action);
        if (filter.since)
            q.addBindValue(*filter.since);
        q.addBindValue(page);
        if (!prepared || !q.exec())
            return Database::classify(
                q.lastError(), params,
                QCoreApplication::translate("lockscope::AuditLog", "read the audit log"));
        int rows = 0;
        while (q.next()) {
            ++rows;
            AuditEntry e;
            e.id = q.value(0).toLongLong();
            e.at = q.value(1).toDouble();
            e.dbUser = q.value(2).toString();
            e.osUser = q.value(3).toString();
            e.osHost = q.value(4).toString();
            e.tool = q.value(5).toString();
            e.action = q.value(6).toString();
            e.target = q.value(7).toString();
            e.previousToken = q.value(8).toString();
            e.outcome = q.value(9).toString();
            e.detail = q.value(10).toString();
            before = e.id;
            if (filter.target && !filter.target->match(e.target).hasMatch())
                continue;
            list.append(e);
            if (list.size() >= limit)
                return list;
        }
        if (rows < page)
            return list;
    }
}

QStringList AuditLog::knownActions() {
    return {QStringLiteral("sweep"), QStringLiteral("force-release"),
            QStringLiteral("force-release-unconditional"), QStringLiteral("cancel-backend"),
            QStringLiteral("terminate-backend")};
}

} // namespace lockscope
