#pragma once

#include "connectionparams.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace lockscope {

struct AuditEntry {
    qint64 id = 0;
    double at = 0; // epoch seconds, database clock
    QString dbUser;
    QString osUser;
    QString osHost;
    QString tool;   // "lockctl" or "lockscope"
    QString action; // "sweep", "force-release", "cancel-backend", "terminate-backend"
    QString target; // key, pid, or "expired leases"
    QString previousToken;
    QString outcome; // "released", "changed", "absent", "removed 12", "refused: …"
    QString detail;

    bool operator==(const AuditEntry &) const = default;
};

// The audit trail in lockscope_audit (migration 0002). Recording is part of every
// admin action; a database without the table (not migrated) reports SchemaMissing.
namespace AuditLog {

Status record(QSqlDatabase db, const ConnectionParams &params, AuditEntry entry);
Result<QList<AuditEntry>> recent(QSqlDatabase db, const ConnectionParams &params, int limit);
QString currentOsUser();

} // namespace AuditLog

} // namespace lockscope
