#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "lease/leaserow.h"
#include "lease/ownerrule.h"
#include "lease/ownersession.h"

#include <QList>
#include <QSqlDatabase>

namespace lockscope {

// Is each lease's owner still connected? LockScope's LeaseManager names its
// sessions "<program>/<owner id>" (OwnerSessionName), and its tokens carry the
// same owner id, so a token maps to its owner's sessions; rows of other
// programs map through an OwnerRule, or stay unknown.
namespace OwnerSessions {

// The client sessions of the connection's database that carry an
// application_name (PostgreSQL; the caller's own session left out). One
// statement on the caller's connection.
Result<QList<OwnerSession>> read(QSqlDatabase db, const ConnectionParams &params);

// The status of a lease with `token` among `sessions` (a pure function).
OwnerStatus statusOf(const QString &token, const QList<OwnerSession> &sessions,
                     const OwnerRule &rule);

// Fills LeaseRow::ownerStatus of every row: on PostgreSQL from one read of the
// sessions; on SQLite (no sessions) every status stays unknown. A failed read
// is returned as the error and leaves the rows unknown.
Status annotate(QSqlDatabase db, const ConnectionParams &params, const OwnerRule &rule,
                QList<LeaseRow> &rows);

} // namespace OwnerSessions

} // namespace lockscope
