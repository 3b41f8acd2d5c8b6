#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QList>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

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

// Which entries AuditLog::recent returns. The action and the time are
// conditions of the query; the target glob is matched here, page by page, with
// the same GlobPattern as `lockctl list --match` (never spliced into SQL).
struct AuditFilter {
    QString action;                           // exact; empty: any
    std::optional<QRegularExpression> target; // GlobPattern::toRegularExpression
    std::optional<double> since;              // epoch seconds, database clock
};

// The audit trail in lockscope_audit (migration 0002). Recording is part of every
// admin action; a database without the table (not migrated) reports SchemaMissing.
namespace AuditLog {

Status record(QSqlDatabase db, const ConnectionParams &params, AuditEntry entry);
// The latest `limit` entries that pass `filter`, newest first.
Result<QList<AuditEntry>> recent(QSqlDatabase db, const ConnectionParams &params, int limit,
                                 const AuditFilter &filter = {});
// The actions LockScope records, for validating a filter.
QStringList knownActions();
QString currentOsUser();

} // namespace AuditLog

} // namespace lockscope
