#pragma once

#include "admin/auditlog.h"
#include "advisory/advisoryrow.h"
#include "common/rowdiff.h"
#include "db/connectionparams.h"
#include "lease/leaserow.h"
#include "lease/sharedlockrow.h"

#include <QList>
#include <QString>

namespace lockscope::ui {

// What one refresh brings back from the worker: plain values only, with the diffs
// against what the models showed already computed.
struct InspectorSnapshot {
    quint64 generation = 0;
    QString error; // the whole refresh failed (connection, schema)
    bool connectionLost = false;

    QList<LeaseRow> leases; // sorted by key
    RowDiffPlan leasePlan;
    double clockOffsetS = 0; // database now - local now

    // Semaphores and reader-writer leases (empty before migration 0008).
    QList<SharedKeyRow> shared;
    double sharedDbNow = 0;

    bool advisorySupported = false;
    QString advisoryError;
    QList<AdvisoryLockRow> advisory; // sorted by identity
    RowDiffPlan advisoryPlan;
    QList<BlockingNode> blockingTree;

    QString auditError;
    QList<AuditEntry> audit; // sorted by id
    RowDiffPlan auditPlan;
};

struct InspectorInputs {
    quint64 generation = 0;
    ConnectionParams params;
    QList<LeaseRow> leases;
    QList<AdvisoryLockRow> advisory;
    QList<AuditEntry> audit;
    bool withAudit = true;
};

QString advisoryIdentity(const AdvisoryLockRow &row);

// Runs on a worker thread with its own (per-thread) connection.
InspectorSnapshot takeInspectorSnapshot(const InspectorInputs &inputs);

} // namespace lockscope::ui
