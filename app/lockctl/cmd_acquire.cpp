#include "commands.h"

#include "db/database.h"
#include "lease/fencedwrite.h"
#include "lease/leasemanager.h"
#include "lease/redisfencedwrite.h"
#include "signalwaiter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <thread>

namespace lockctl {

using namespace lockscope;

namespace {
// How long a release that found the database unreachable is retried.
constexpr std::chrono::seconds kReleaseRetry{10};
} // namespace
using std::chrono::milliseconds;

int runAcquire(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Acquire a lease, print it as JSON, hold it for --hold (or until SIGINT/SIGTERM), "
        "release it and exit. Exit 3 when --wait ran out."));
    parser.addPositionalArgument(
        QStringLiteral("KEY"),
        QStringLiteral("The key to lock. A key that begins with '-' goes after `--`, which ends "
                       "the options: acquire --ttl 1m -- -my-key"));
    const QCommandLineOption ttl(QStringLiteral("ttl"),
                                 QStringLiteral("Lease time to live (default 30s)."),
                                 QStringLiteral("DURATION"));
    const QCommandLineOption wait(QStringLiteral("wait"),
                                  QStringLiteral("Give up after this long (default: wait as long "
                                                 "as it takes; 0 = one attempt)."),
                                  QStringLiteral("DURATION"));
    const QCommandLineOption hold(QStringLiteral("hold"),
                                  QStringLiteral("Hold the lease this long, then release (default: "
                                                 "until SIGINT/SIGTERM)."),
                                  QStringLiteral("DURATION"));
    const QCommandLineOption owner(QStringLiteral("owner"),
                                   QStringLiteral("Owner id shown to operators (default "
                                                  "host:pid:random)."),
                                   QStringLiteral("ID"));
    const QCommandLineOption heartbeat(
        QStringLiteral("heartbeat"),
        QStringLiteral("Renew the lease every TTL/3 while holding it; if it is found gone, print "
                       "{\"event\":\"lost\"} and exit 4 at once."));
    const QCommandLineOption fencedWrite(
        QStringLiteral("fenced-write"),
        QStringLiteral("At the end of the hold, write to RESOURCE with this lease's fence "
                       "(FencedWrite); exit 4 if a newer holder already wrote."),
        QStringLiteral("RESOURCE"));
    const QCommandLineOption permits(
        QStringLiteral("permits"),
        QStringLiteral("Take one of N permits of the counting semaphore KEY (1 to 1000): at most "
                       "N holders at once. N is stored with the key; another N is refused."),
        QStringLiteral("N"));
    const QCommandLineOption read(QStringLiteral("read"),
                                  QStringLiteral("Take a reader's share of the reader-writer "
                                                 "lease KEY (any number of readers)."));
    const QCommandLineOption write(QStringLiteral("write"),
                                   QStringLiteral("Take the writer's share of the reader-writer "
                                                  "lease KEY (one writer, no readers)."));
    parser.addOptions({ttl, wait, hold, owner, heartbeat, fencedWrite, permits, read, write});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("acquire"), args, &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return ctx.usage(QStringLiteral("acquire takes exactly one KEY"));

    code = -1;
    const auto ttlValue = durationOption(ctx, parser, QStringLiteral("ttl"), &code);
    if (code >= 0)
        return code;
    const auto waitValue = durationOption(ctx, parser, QStringLiteral("wait"), &code);
    if (code >= 0)
        return code;
    const auto holdValue = durationOption(ctx, parser, QStringLiteral("hold"), &code);
    if (code >= 0)
        return code;
    if (ttlValue && ttlValue->count() < 1)
        return ctx.usage(QStringLiteral("--ttl must be longer than zero, for example 30s"));

    const int kinds = (parser.isSet(permits) ? 1 : 0) + (parser.isSet(read) ? 1 : 0) +
                      (parser.isSet(write) ? 1 : 0);
    if (kinds > 1)
        return ctx.usage(QStringLiteral("give at most one of --permits N, --read and --write"));
    int permitCount = 0;
    if (parser.isSet(permits)) {
        bool ok = false;
        const qlonglong n = parser.value(permits).trimmed().toLongLong(&ok);
        if (!ok)
            return ctx.usage(QStringLiteral("--permits must be a whole number from 1 to %1, not "
                                            "'%2'")
                                 .arg(LockKinds::kMaxPermits)
                                 .arg(parser.value(permits)));
        if (n < 1 || n > LockKinds::kMaxPermits)
            return ctx.usage(QStringLiteral("--permits must be from 1 to %1 (one row per "
                                            "permit), not %2")
                                 .arg(LockKinds::kMaxPermits)
                                 .arg(n));
        permitCount = static_cast<int>(n);
    }
    const LockKind kind = parser.isSet(permits) ? LockKind::Semaphore
                          : parser.isSet(read)  ? LockKind::Read
                          : parser.isSet(write) ? LockKind::Write
                                                : LockKind::Lease;

    const auto params = ctx.params();
    if (!params)
        return ExitUsage;

    SignalWaiter signals;
    LeaseConfig config;
    if (ttlValue)
        config.ttl = *ttlValue;
    if (parser.isSet(owner))
        config.ownerId = parser.value(owner);
    LeaseManager manager(*params, config);

    // When the heartbeat told this process the lease was gone (local clock,
    // epoch ms): printed with the "lost" event, so a reader can check it came
    // before anyone else could take the key. Declared before the lease, whose
    // heartbeat writes it, so that it outlives that thread.
    std::atomic<qint64> reportedAtMs{0};
    const QString key = positional.first();
    auto lease = kind == LockKind::Semaphore
                     ? manager.acquireSemaphore(key, permitCount, waitValue, &signals.token())
                 : kind == LockKind::Read  ? manager.acquireRead(key, waitValue, &signals.token())
                 : kind == LockKind::Write ? manager.acquireWrite(key, waitValue, &signals.token())
                                           : manager.lock(key, waitValue, &signals.token());
    if (!lease.ok()) {
        if (lease.error().kind == ErrorKind::Cancelled) {
            ctx.err << "lockctl: interrupted while waiting for '" << positional.first()
                    << "'; nothing is held." << Qt::endl;
            return 128 + signals.signalNumber();
        }
        return ctx.fail(lease.error());
    }

    QJsonObject o;
    o.insert(QStringLiteral("lock_key"), lease->key());
    o.insert(QStringLiteral("owner_token"), lease->token());
    o.insert(QStringLiteral("owner"), manager.config().ownerId);
    o.insert(QStringLiteral("acquired_at"), lease->acquiredAt());
    o.insert(QStringLiteral("expires_at"), lease->expiresAt());
    // The fencing token for the protected resource; null on a database without
    // fencing (run `lockctl migrate`).
    o.insert(QStringLiteral("fence"), lease->fence() ? QJsonValue(*lease->fence()) : QJsonValue());
    o.insert(QStringLiteral("kind"), LockKinds::keyKindName(kind));
    if (kind == LockKind::Semaphore) {
        o.insert(QStringLiteral("permits"), permitCount);
        o.insert(QStringLiteral("slot"), lease->info().slot);
    } else if (kind != LockKind::Lease) {
        o.insert(QStringLiteral("mode"), LockKinds::modeName(kind));
    }
    ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;

    if (parser.isSet(heartbeat)) {
        // The heartbeat's thread ends the hold at once when the lease is gone.
        lease->startHeartbeat([&signals, &reportedAtMs](const QString &, const QString &) {
            reportedAtMs = QDateTime::currentMSecsSinceEpoch();
            signals.cancel();
        });
    }
    signals.token().sleepFor(holdValue.value_or(milliseconds(std::numeric_limits<qint32>::max())));

    // A lease reported lost, or one that may have expired on the database
    // meanwhile (this process was frozen past its TTL, say), protects nothing
    // any more: say so, and write nothing.
    QString lostReason = lease->isLost() ? lease->lostReason() : QString();
    if (lostReason.isEmpty() && parser.isSet(fencedWrite) && !lease->isTrusted())
        lostReason = QStringLiteral("The lease '%1' may have expired on the database before the "
                                    "write: it was last confirmed longer ago than its TTL allows "
                                    "(was this process stopped?). Nothing was written.")
                         .arg(lease->key());
    if (!lostReason.isEmpty()) {
        QJsonObject event{{QStringLiteral("event"), QStringLiteral("lost")},
                          {QStringLiteral("lock_key"), lease->key()},
                          {QStringLiteral("reason"), lostReason},
                          {QStringLiteral("expires_at"), lease->expiresAt()}};
        if (reportedAtMs > 0)
            event.insert(QStringLiteral("reported_at"), double(reportedAtMs) / 1000.0);
        ctx.out << QJsonDocument(event).toJson(QJsonDocument::Compact) << Qt::endl;
        ctx.err << "lockctl: " << lostReason << Qt::endl;
        (void)lease->release();
        return ExitChanged;
    }

    code = ExitOk;
    if (parser.isSet(fencedWrite)) {
        const QString resource = parser.value(fencedWrite);
        if (!lease->fence())
            return ctx.fail(Error{ErrorKind::Unsupported,
                                  QStringLiteral("This database has no fencing; run `lockctl "
                                                 "migrate` first.")});
        Result<bool> written = false;
        if (manager.params().isRedis()) {
            RedisConnection work(manager.params()); // the work's connection, not the lock's
            written = RedisFencedWrite::apply(work, resource, *lease->fence());
        } else {
            ScopedConnection work(manager.params(), QStringLiteral("work"));
            if (!work.ok())
                return ctx.fail(work.error());
            written = FencedWrite::apply(work.db(), manager.params(), resource, *lease->fence(),
                                         [](QSqlDatabase) { return Status{}; });
        }
        if (!written.ok())
            return ctx.fail(written.error());
        ctx.out << QJsonDocument(
                       QJsonObject{{QStringLiteral("event"), QStringLiteral("fenced-write")},
                                   {QStringLiteral("resource"), resource},
                                   {QStringLiteral("fence"), *lease->fence()},
                                   {QStringLiteral("accepted"), written.value()}})
                       .toJson(QJsonDocument::Compact)
                << Qt::endl;
        if (!written.value())
            code = ExitChanged;
    }

    auto released = lease->release();
    if (!released.ok() && released.error().kind == ErrorKind::Connection) {
        // The server is away (a restart, say). The release is kept: send it as
        // soon as the server is back, for a while, rather than leave the key
        // blocked for the rest of its TTL.
        ctx.err << "lockctl: the database is unreachable; retrying the release for up to "
                << kReleaseRetry.count() << " s" << Qt::endl;
        const auto until = std::chrono::steady_clock::now() + kReleaseRetry;
        while (manager.pendingReleases() > 0 && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(milliseconds(500));
            if (manager.flushPendingReleases() == 0)
                released = true;
        }
        if (!released.ok()) {
            return ctx.fail(Error{
                ErrorKind::Connection,
                QStringLiteral("Cannot release the lease '%1': the database stayed unreachable. "
                               "The lease stays until it expires at %2 (database clock), then "
                               "anyone may take it.")
                    .arg(lease->key(), formatEpoch(lease->expiresAt()))});
        }
    }
    if (!released.ok())
        return ctx.fail(released.error());
    if (!released.value()) {
        if (code == ExitChanged)
            return code;
        ctx.err << "lockctl: the lease '" << positional.first()
                << "' was no longer ours at release: it expired and was taken over, or an "
                   "operator released it. Use a longer --ttl."
                << Qt::endl;
        return ExitChanged;
    }
    return code;
}

} // namespace lockctl
