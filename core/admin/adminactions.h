#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QString>

#include <functional>
#include <optional>

namespace lockscope {

class CancelToken;

enum class ReleaseOutcome {
    Released, // the row is gone
    Changed,  // the lease now carries another token: left alone
    Absent,   // there was no lease with that key
};

struct ForceReleaseResult {
    ReleaseOutcome outcome = ReleaseOutcome::Absent;
    QString previousToken; // the token that was released (or that was found instead)
    bool audited = false;
};

struct SweepResult {
    qint64 count = 0; // removed, or (dry run) that would be removed
    int batches = 0;
    // Expired leases left in place: their rows were locked by another
    // transaction (a writer renewing or taking them over) during the sweep, or
    // they expired while it ran (a sweep removes at most what was expired
    // when it started, so it ends on a busy table).
    qint64 skipped = 0;
    // Semaphore and reader-writer keys with no live holder or waiter whose kind
    // went with the sweep (or, dry run, would go): IdleKinds.
    qint64 idleKinds = 0;
    double longestStatementMs = 0; // one batch, as the client saw it (round trip included)
    bool cancelled = false;
    bool audited = false;
};

// The operator's actions. Each opens its own connection on the calling thread
// (a worker thread in the GUI), does its work, and records it in the audit log.
namespace AdminActions {

// Deletes expired leases, `batchSize` rows per statement (no long transaction),
// until a batch finds nothing left to delete or `cancel` is cancelled between
// batches; rows locked by another transaction are skipped, never waited for,
// and counted in `skipped`. A dry run counts.
Result<SweepResult> sweep(const ConnectionParams &params, int batchSize, bool dryRun,
                          const QString &tool, const CancelToken *cancel = nullptr,
                          const std::function<void(qint64 removedSoFar)> &progress = {});

// With an expected token: deletes only if the lease still carries it, so a lease
// re-acquired since the operator looked is never freed. Without: unconditional.
Result<ForceReleaseResult> forceRelease(const ConnectionParams &params, const QString &key,
                                        const std::optional<QString> &expectedToken,
                                        const QString &tool);

} // namespace AdminActions

} // namespace lockscope
