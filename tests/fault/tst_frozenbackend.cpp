// The heartbeat must tell its holder that a lease is lost no later than the
// moment the database could consider it expired, whatever the connection
// does: here the heartbeat's own server backend is frozen (SIGSTOP), so its
// renewal is sent and never answered. Also: a lease found lost during the hold
// is never used for a fenced write.
#include "db/database.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "support/lockctlprocess.h"
#include "support/privateserver.h"
#include "support/testdb.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <atomic>
#include <chrono>
#include <csignal>
#include <memory>

using namespace lockscope;
using test::LockctlProcess;
using namespace std::chrono_literals;

namespace {

QJsonObject readJsonLine(QProcess *p, int ms = 30000) {
    QElapsedTimer t;
    t.start();
    while (!p->canReadLine() && t.elapsed() < ms && p->state() != QProcess::NotRunning)
        p->waitForReadyRead(100);
    return QJsonDocument::fromJson(p->readLine()).object();
}

// The server pid of the heartbeat's session, once it has renewed: of the
// holder's two sessions (this application name), the one whose last statement
// was not the acquire; 0 while there is none.
qint64 renewingBackend(const ConnectionParams &params, const QString &application) {
    ScopedConnection conn(params, QStringLiteral("probe"));
    if (!conn.ok())
        return 0;
    QSqlQuery q(conn.db());
    // The lease manager's sessions are named "<application>/<owner id>".
    q.prepare(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE application_name LIKE ? AND "
                             "query <> '' AND query NOT LIKE '%INSERT INTO aggregate_locks%'"));
    q.addBindValue(QString(application + QStringLiteral("/%")));
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

// Stops the backend, and keeps it stopped only if it was idle (its last
// transaction over, its locks released: PostgreSQL reports "idle" only then).
bool freezeWhileIdle(const ConnectionParams &params, qint64 pid) {
    if (::kill(static_cast<pid_t>(pid), SIGSTOP) != 0)
        return false;
    ScopedConnection conn(params, QStringLiteral("probe"));
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("SELECT state FROM pg_stat_activity WHERE pid = ?"));
    q.addBindValue(pid);
    if (conn.ok() && q.exec() && q.next() && q.value(0).toString() == QLatin1String("idle"))
        return true;
    ::kill(static_cast<pid_t>(pid), SIGCONT);
    return false;
}

} // namespace

class TestFrozenBackend final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void heartbeatReportsLossBeforeTakeover() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString application =
            QStringLiteral("frozen-hb-%1").arg(QCoreApplication::applicationPid());
        QUrl url(test::TestDb::urlFor(*params));
        QUrlQuery query(url);
        query.addQueryItem(QStringLiteral("application_name"), application);
        url.setQuery(query);

        // A 4 s lease renewed every 500 ms (the heartbeat's default is TTL/3).
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            url.toString(),
            {QStringLiteral("acquire"), QStringLiteral("frozen/key"), QStringLiteral("--ttl"),
             QStringLiteral("4s"), QStringLiteral("--heartbeat"), QStringLiteral("--hold"),
             QStringLiteral("60s")}));
        const auto killHolder = qScopeGuard([&] {
            holder->kill();
            holder->waitForFinished(5000);
        });
        const QJsonObject held = readJsonLine(holder.get());
        QVERIFY2(!held.isEmpty(), holder->readAllStandardError().constData());

        // The heartbeat's session, once it has renewed, frozen between two
        // renewals: frozen in the middle of one, it would hold the key's row
        // locked, and nobody could take the key until it ran again.
        qint64 backend = 0;
        QTRY_VERIFY_WITH_TIMEOUT((backend = renewingBackend(*params, application)) > 0, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(freezeWhileIdle(*params, backend), 15000);
        const auto thaw = qScopeGuard([&] { ::kill(static_cast<pid_t>(backend), SIGCONT); });

        // Another process waits for the key and gets it once the database
        // says the lease expired.
        const auto taken = LockctlProcess::run(
            test::TestDb::urlFor(*params),
            {QStringLiteral("acquire"), QStringLiteral("frozen/key"), QStringLiteral("--wait"),
             QStringLiteral("30s"), QStringLiteral("--hold"), QStringLiteral("0")},
            40000);
        QVERIFY2(taken.exitCode == 0, qPrintable(taken.err));
        const double takenAt = QJsonDocument::fromJson(taken.out.toUtf8().split('\n').first())
                                   .object()
                                   .value(QStringLiteral("acquired_at"))
                                   .toDouble();
        QVERIFY(takenAt > 0);

        // The holder was told, and before that moment (one machine, one clock).
        QVERIFY2(holder->waitForFinished(10000),
                 "the holder was never told its lease was lost (its renewal hangs)");
        QCOMPARE(holder->exitCode(), 4);
        const QJsonObject lost = readJsonLine(holder.get(), 1000);
        QCOMPARE(lost.value(QStringLiteral("event")).toString(), QStringLiteral("lost"));
        const double reportedAt = lost.value(QStringLiteral("reported_at")).toDouble();
        QVERIFY2(reportedAt > 0 && reportedAt < takenAt,
                 qPrintable(QStringLiteral("told at %1, taken over at %2")
                                .arg(reportedAt, 0, 'f', 3)
                                .arg(takenAt, 0, 'f', 3)));
    }

    // The heartbeat's session is cut and the server takes no new connection
    // (its postmaster frozen): the renewer hangs in the connect, where no
    // statement deadline reaches. The holder is still told before the lease
    // can expire on the database (control: a renewer that declares the loss
    // itself, after its connect gives up, tells it seconds late).
    void lossIsToldWhileTheReconnectHangs() {
        test::PrivateServer server;
        if (!server.ok())
            LOCKSCOPE_SKIP_OR_FAIL(server.error());
        QString why;
        const ConnectionParams params = server.freshDatabase(&why);
        if (!why.isEmpty())
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseConfig config;
        config.ttl = 4s; // loss margin 400 ms
        LeaseManager manager(params, config);
        std::atomic<qint64> toldAtNs{0};
        Lease lease;
        // Renewed once. A machine too busy to commit a renewal within the TTL
        // loses the lease first (rightly): that round proves nothing, take it again.
        for (int round = 1;; ++round) {
            auto taken = manager.tryLock(QStringLiteral("hang/key"));
            QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().message));
            lease = std::move(taken.value());
            toldAtNs = 0;
            const double first = lease.expiresAt();
            lease.startHeartbeat([&](const QString &, const QString &) {
                toldAtNs = std::chrono::steady_clock::now().time_since_epoch().count();
            });
            QTRY_VERIFY_WITH_TIMEOUT(lease.expiresAt() > first || toldAtNs.load() != 0, 20000);
            if (toldAtNs.load() == 0)
                break;
            QVERIFY2(round < 5, "the lease was lost before its first renewal five times");
            (void)lease.release();
        }

        ScopedConnection admin(params, QStringLiteral("admin"));
        QVERIFY(admin.ok());
        const qint64 postmaster = server.postmasterPid();
        QVERIFY(postmaster > 0);
        QVERIFY(::kill(static_cast<pid_t>(postmaster), SIGSTOP) == 0);
        const auto thaw = qScopeGuard([&] { ::kill(static_cast<pid_t>(postmaster), SIGCONT); });
        QSqlQuery cut(admin.db());
        QVERIFY(cut.exec(
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                           "current_database() AND pid <> pg_backend_pid() AND query LIKE 'UPDATE "
                           "aggregate_locks SET expires_at%'")));
        QVERIFY(cut.next() && cut.value(0).toBool());
        // The database can expire it at the trusted moment plus the margin.
        const auto expiresLocally = lease.trustedUntil() + config.effectiveLossMargin();
        QTRY_VERIFY_WITH_TIMEOUT(toldAtNs.load() != 0, 15000);
        const auto told =
            std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(toldAtNs));
        QVERIFY2(told < expiresLocally,
                 qPrintable(QStringLiteral("told %1 ms after the database could expire it")
                                .arg(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         told - expiresLocally)
                                         .count())));
    }

    // An operator force-releases the key during the hold: the heartbeat finds
    // it gone, and the fenced write at the end of the hold is not made.
    void lostLeaseIsNotWritten_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void lostLeaseIsNotWritten() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            url,
            {QStringLiteral("acquire"), QStringLiteral("invoice/7"), QStringLiteral("--ttl"),
             QStringLiteral("3s"), QStringLiteral("--heartbeat"), QStringLiteral("--hold"),
             QStringLiteral("2s"), QStringLiteral("--fenced-write"), QStringLiteral("invoice/7")}));
        const auto killHolder = qScopeGuard([&] {
            holder->kill();
            holder->waitForFinished(5000);
        });
        const QJsonObject held = readJsonLine(holder.get());
        QVERIFY2(!held.isEmpty(), holder->readAllStandardError().constData());
        const auto released =
            LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("invoice/7"),
                                      QStringLiteral("--force")});
        QVERIFY2(released.exitCode == 0, qPrintable(released.err));

        QVERIFY(holder->waitForFinished(20000));
        const QString out = QString::fromUtf8(holder->readAllStandardOutput());
        QCOMPARE(holder->exitCode(), 4);
        QVERIFY2(out.contains(QLatin1String("\"event\":\"lost\"")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("fenced-write")), qPrintable(out));
        ScopedConnection check(params, QStringLiteral("check"));
        QSqlQuery q(check.db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM lockscope_resource_fences")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // The lease's expiry follows the heartbeat's renewals.
    void infoFollowsRenewals_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void infoFollowsRenewals() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseConfig config;
        config.ttl = 3s;
        LeaseManager manager(params, config);
        auto lease = manager.tryLock(QStringLiteral("renewed"));
        QVERIFY(lease.ok());
        const double first = lease->expiresAt();
        const auto trustedFirst = lease->trustedUntil();
        lease->startHeartbeat({}, 100ms);
        QTRY_VERIFY_WITH_TIMEOUT(lease->expiresAt() > first + 0.05, 10000);
        QVERIFY(lease->info().expiresAt > first);
        QVERIFY(lease->trustedUntil() > trustedFirst);
        QVERIFY(lease->isTrusted());
        ScopedConnection check(params, QStringLiteral("check"));
        auto row = LeaseQueries::find(check.db(), params, QStringLiteral("renewed"));
        QVERIFY(row.ok() && row.value());
        QVERIFY(row.value()->expiresAt > first); // (the heartbeat may renew again meanwhile)
        QVERIFY(lease->release().value());
    }
};

QTEST_GUILESS_MAIN(TestFrozenBackend)
#include "tst_frozenbackend.moc"
