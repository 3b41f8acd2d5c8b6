#pragma once

#include "admin/auditlog.h"
#include "advisory/advisoryrow.h"
#include "common/rowdiff.h"
#include "db/connectionparams.h"
#include "lease/leaserow.h"
#include "lease/ownerrule.h"
#include "lease/sharedlockrow.h"
#include "leases/leaseview.h"
#include "monitor/monitorsample.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace lockscope::ui {

// What one refresh brings back from the worker: plain values only, with the diffs
// against what the models showed already computed.
struct InspectorSnapshot {
    quint64 generation = 0;
    QString error; // the whole refresh failed (connection, schema)
    bool connectionLost = false;

    // Every lease (sorted by key) in the table's order and filter, and how it
    // differs from the view it was built against (InspectorInputs::leases).
    std::shared_ptr<const LeaseView> leases;
    std::shared_ptr<const LeaseView> leaseBasis;
    LeaseViewChange leaseChange;
    double clockOffsetS = 0; // database now - local now
    // What the leases leave out because the role may not read it (their
    // fences), and the GRANT that would show it; empty when nothing is.
    QString leasesUnreadable;

    // Semaphores and reader-writer leases (empty before migration 0008).
    QList<SharedKeyRow> shared;
    double sharedDbNow = 0;
    // Why `shared` is empty although keys may exist (the role may not read
    // their tables, or reading them failed); the leases are shown all the same.
    QString sharedUnavailable;

    bool advisorySupported = false;
    QString advisoryError;
    QList<AdvisoryLockRow> advisory; // sorted by identity
    RowDiffPlan advisoryPlan;
    QList<BlockingNode> blockingTree;

    QString auditError;
    QList<AuditEntry> audit; // sorted by id
    RowDiffPlan auditPlan;

    // For the history and the alerts, built from what this refresh read (plus,
    // on PostgreSQL, the sessions that wait for any lock: ServerWaits).
    MonitorSample sample;
    QString waitsError;
};

struct InspectorInputs {
    quint64 generation = 0;
    ConnectionParams params;
    std::shared_ptr<const LeaseView> leases = LeaseView::empty(); // what the table shows (shared)
    LeaseViewSpec leaseSpec;                                      // the order and filter wanted
    // Called on the worker with the first rows of a big table while the rest
    // is read (only when the table shows nothing yet).
    std::function<void(const std::shared_ptr<const LeaseView> &, double clockOffsetS)> firstRows;
    QList<AdvisoryLockRow> advisory;
    QList<AuditEntry> audit;
    bool withAudit = true;
    OwnerRule ownerRule; // for leases of other programs (OwnerSessions)
};

QString advisoryIdentity(const AdvisoryLockRow &row);

// Runs on a worker thread with its own (per-thread) connection.
InspectorSnapshot takeInspectorSnapshot(const InspectorInputs &inputs);

} // namespace lockscope::ui
