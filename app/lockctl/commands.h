#pragma once

#include "cli.h"
#include "lease/sharedlockrow.h"

#include <QJsonObject>
#include <QStringList>

namespace lockctl {

// Each command takes the arguments after its name and returns the exit code.
int runMigrate(Context &ctx, const QStringList &args);
int runList(Context &ctx, const QStringList &args);
int runAcquire(Context &ctx, const QStringList &args);
int runRelease(Context &ctx, const QStringList &args);
int runSweep(Context &ctx, const QStringList &args);
int runAudit(Context &ctx, const QStringList &args);
int runBench(Context &ctx, const QStringList &args);
int runLoad(Context &ctx, const QStringList &args);
int runAdvisory(Context &ctx, const QStringList &args);
int runAdvisoryLock(Context &ctx, const QStringList &args);
int runLocks(Context &ctx, const QStringList &args);
int runBlocking(Context &ctx, const QStringList &args);
int runCheck(Context &ctx, const QStringList &args);
int runCancelBackend(Context &ctx, const QStringList &args);
int runTerminateBackend(Context &ctx, const QStringList &args);
int runBenchHandoff(Context &ctx, const QStringList &args);
int runBenchHandoffHolder(Context &ctx, const QStringList &args);

// The Redis side of list and release (--db redis://…), called by those commands.
struct RedisListOptions {
    bool json = false;
    bool held = false;
    QString glob; // --match, as given (a Redis glob)
};
// Semaphore and reader-writer keys as `list` shows them (every store).
QJsonObject sharedKeyJson(const lockscope::SharedKeyRow &key, double dbNow);
void printSharedKeys(Context &ctx, const QList<lockscope::SharedKeyRow> &keys, double dbNow);
// ctx.fail, except that a Redis ACL refusal (PermissionDenied) exits 5.
int failRedis(Context &ctx, const lockscope::Error &error);
int runRedisList(Context &ctx, const lockscope::ConnectionParams &params,
                 const RedisListOptions &options);
int runRedisRelease(Context &ctx, const lockscope::ConnectionParams &params, const QString &key,
                    const std::optional<QString> &expectedToken);

} // namespace lockctl
