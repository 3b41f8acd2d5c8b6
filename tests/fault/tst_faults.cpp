// Faults a lease lock must survive: a holder killed, a holder frozen past its
// TTL, its connection cut. Real processes, real databases; each asserts that
// nothing is lost and no two holders overlap.
#include "db/database.h"
#include "lease/fencedwrite.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <memory>

using namespace lockscope;
using test::LockctlProcess;
using namespace std::chrono_literals;

namespace {

QJsonObject readJsonLine(QProcess *p, int ms = 30000) {
    QByteArray line;
    QElapsedTimer t;
    t.start();
    while (!line.endsWith('\n') && t.elapsed() < ms) {
        if (!p->canReadLine() && !p->waitForReadyRead(ms))
            break;
        line = p->readLine();
    }
    return QJsonDocument::fromJson(line).object();
}

bool ended(QProcess *p, int ms) {
    return p->state() == QProcess::NotRunning || p->waitForFinished(ms);
}

} // namespace

class TestFaults final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // SIGKILL: the holder cannot release. Another process takes the lease over
    // once its TTL has passed by the database clock, and not before.
    void killedHolderIsTakenOverAfterTtl_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void killedHolderIsTakenOverAfterTtl() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            url, {QStringLiteral("acquire"), QStringLiteral("K"), QStringLiteral("--ttl"),
                  QStringLiteral("2s"), QStringLiteral("--hold"), QStringLiteral("60s")}));
        const QJsonObject held = readJsonLine(holder.get());
        QVERIFY(!held.isEmpty());
        ::kill(static_cast<pid_t>(holder->processId()), SIGKILL);
        QVERIFY(ended(holder.get(), 10000));

        std::unique_ptr<QProcess> next(LockctlProcess::start(
            url, {QStringLiteral("acquire"), QStringLiteral("K"), QStringLiteral("--wait"),
                  QStringLiteral("20s"), QStringLiteral("--hold"), QStringLiteral("0")}));
        const QJsonObject taken = readJsonLine(next.get());
        QVERIFY(ended(next.get(), 20000));
        QCOMPARE(next->exitCode(), 0);
        // Not before: the new lease began when the old one had expired.
        QVERIFY2(
            taken.value(QStringLiteral("acquired_at")).toDouble() >=
                held.value(QStringLiteral("expires_at")).toDouble(),
            qPrintable(QStringLiteral("taken at %1, the old lease ran to %2")
                           .arg(taken.value(QStringLiteral("acquired_at")).toDouble(), 0, 'f', 3)
                           .arg(held.value(QStringLiteral("expires_at")).toDouble(), 0, 'f', 3)));
        // The database is migrated, so both have fences, and the new one is larger.
        QVERIFY2(held.value(QStringLiteral("fence")).isDouble(), "the holder got no fence");
        QVERIFY2(taken.value(QStringLiteral("fence")).isDouble(), "the new holder got no fence");
        QVERIFY(taken.value(QStringLiteral("fence")).toInteger() >
                held.value(QStringLiteral("fence")).toInteger());
    }

    // SIGSTOP past the TTL: another holder takes over and writes; the resumed
    // holder reports the loss and does not write.
    void frozenHolderIsFencedOut_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void frozenHolderIsFencedOut() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            url, {QStringLiteral("acquire"), QStringLiteral("invoice/42"), QStringLiteral("--ttl"),
                  QStringLiteral("1s"), QStringLiteral("--hold"), QStringLiteral("1500ms"),
                  QStringLiteral("--heartbeat"), QStringLiteral("--fenced-write"),
                  QStringLiteral("invoice/42")}));
        const QJsonObject held = readJsonLine(holder.get());
        QVERIFY(!held.isEmpty());
        const qint64 staleFence = held.value(QStringLiteral("fence")).toInteger();
        ::kill(static_cast<pid_t>(holder->processId()), SIGSTOP);

        // Meanwhile, frozen past its TTL, it is taken over.
        LeaseManager other(params);
        auto taken = other.lock(QStringLiteral("invoice/42"), 10s);
        QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().message));
        QVERIFY(*taken->fence() > staleFence);
        {
            ScopedConnection work(params, QStringLiteral("work"));
            auto wrote = FencedWrite::apply(work.db(), params, QStringLiteral("invoice/42"),
                                            *taken->fence(), [](QSqlDatabase) { return Status{}; });
            QVERIFY(wrote.ok() && wrote.value());
        }
        ::kill(static_cast<pid_t>(holder->processId()), SIGCONT);
        QVERIFY(ended(holder.get(), 20000));
        const QString out = QString::fromUtf8(holder->readAllStandardOutput());
        QCOMPARE(holder->exitCode(), 4);
        // Resumed past its TTL, it knows it may have lost the lease and writes
        // nothing (were it to try, the fence would reject it: tst_fencing).
        QVERIFY2(out.contains(QLatin1String("\"event\":\"lost\"")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("\"event\":\"fenced-write\"")), qPrintable(out));
        {
            ScopedConnection work(params, QStringLiteral("work"));
            auto highest = FencedWrite::highest(work.db(), params, QStringLiteral("invoice/42"));
            QVERIFY(highest.ok());
            QCOMPARE(highest.value(), *taken->fence());
        }
        // The new holder is untouched.
        ScopedConnection check(params, QStringLiteral("check"));
        auto row = LeaseQueries::find(check.db(), params, QStringLiteral("invoice/42"));
        QVERIFY(row.ok() && row.value());
        QCOMPARE(row.value()->token, taken->token());
        QVERIFY(taken->release().value());
    }

    // The lock's connection cut mid-hold: the lease survives by its TTL, the
    // heartbeat reconnects and goes on renewing, the release finds it ours.
    void terminatedConnectionReconnects() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            url, {QStringLiteral("acquire"), QStringLiteral("K"), QStringLiteral("--ttl"),
                  QStringLiteral("3s"), QStringLiteral("--hold"), QStringLiteral("5s"),
                  QStringLiteral("--heartbeat")}));
        const QJsonObject held = readJsonLine(holder.get());
        QVERIFY(!held.isEmpty());
        // Cut every connection lockctl has to this database.
        QVERIFY(test::TestDb::exec(
            *params, QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                    "pg_stat_activity WHERE datname = current_database() "
                                    "AND application_name LIKE 'lockctl%'")));
        LeaseManager other(*params);
        // Past the first expiry by the database clock: only renewals can have kept it.
        ScopedConnection clock(*params, QStringLiteral("clock"));
        QTRY_VERIFY_WITH_TIMEOUT(LeaseQueries::databaseNow(clock.db(), *params).value() >
                                     held.value(QStringLiteral("expires_at")).toDouble() + 0.5,
                                 20000);
        QCOMPARE(other.tryLock(QStringLiteral("K")).error().kind, ErrorKind::NotAcquired);
        QVERIFY(ended(holder.get(), 20000));
        QCOMPARE(holder->exitCode(), 0); // released as its own, never reported lost
        QVERIFY(
            !QString::fromUtf8(holder->readAllStandardOutput()).contains(QLatin1String("lost")));
    }

    // The same cut for an advisory session lock: the server released it with the
    // session, so the holder is told at once (exit 4, a "lost" event) and another
    // session can take it -- the opposite of a lease, which outlives its connection.
    void terminatedAdvisorySessionReportsLost() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            url, {QStringLiteral("advisory-lock"), QStringLiteral("text:reports/nightly"),
                  QStringLiteral("--hold"), QStringLiteral("60s")}));
        const QJsonObject held = readJsonLine(holder.get());
        QVERIFY(!held.isEmpty());
        const int pid = held.value(QStringLiteral("pid")).toInt();
        QVERIFY(pid > 0);
        QElapsedTimer sinceCut;
        sinceCut.start();
        QVERIFY(test::TestDb::exec(*params,
                                   QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
        const QJsonObject lost = readJsonLine(holder.get(), 15000);
        QCOMPARE(lost.value(QStringLiteral("event")).toString(), QStringLiteral("lost"));
        QVERIFY2(lost.value(QStringLiteral("reason")).toString().contains(QString::number(pid)),
                 qPrintable(lost.value(QStringLiteral("reason")).toString()));
        QVERIFY(ended(holder.get(), 15000));
        QCOMPARE(holder->exitCode(), 4);
        QVERIFY(sinceCut.elapsed() < 10000); // told within the watch's interval, not at --hold
        const auto next = LockctlProcess::run(url, {QStringLiteral("advisory-lock"),
                                                    QStringLiteral("text:reports/nightly"),
                                                    QStringLiteral("--wait"), QStringLiteral("0"),
                                                    QStringLiteral("--hold"), QStringLiteral("0")});
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
    }

    // The password of the run appears nowhere: not in ps, not in output, not in
    // the audit table, not in the server log.
    void passwordAppearsNowhere() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto harnessPassword = test::TestDb::harnessPassword(&why);
        if (!harnessPassword)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString password = *harnessPassword;
        QVERIFY(password.size() >= 8);
        const QString urlWithPassword = QStringLiteral("postgres://%1:%2@%3:%4/%5")
                                            .arg(params->user, password, params->host)
                                            .arg(params->port)
                                            .arg(params->database);
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            urlWithPassword, {QStringLiteral("acquire"), QStringLiteral("K"),
                              QStringLiteral("--hold"), QStringLiteral("30s")}));
        const QJsonObject held = readJsonLine(holder.get());
        QVERIFY(!held.isEmpty());
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(holder->processId()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QByteArray args = cmdline.readAll();
        QVERIFY2(!args.contains(password.toUtf8()), "the password shows in ps");
        QVERIFY(args.contains("lockctl"));
        ::kill(static_cast<pid_t>(holder->processId()), SIGTERM);
        QVERIFY(ended(holder.get(), 10000));
        QString everything =
            QString::fromUtf8(holder->readAllStandardOutput() + holder->readAllStandardError());
        // Errors and audit rows made with that URL.
        const auto wrong =
            LockctlProcess::run(urlWithPassword, {QStringLiteral("release"), QStringLiteral("nope"),
                                                  QStringLiteral("--force")});
        everything += wrong.out + wrong.err;
        const auto badDb = LockctlProcess::run(
            QString(urlWithPassword).replace(params->database, QStringLiteral("nosuchdb")),
            {QStringLiteral("list")});
        QVERIFY(badDb.err.contains(QLatin1String("does not exist")));
        everything += badDb.out + badDb.err;
        QVERIFY2(!everything.contains(password), qPrintable(everything));
        ScopedConnection conn(*params, QStringLiteral("audit"));
        QSqlQuery q(conn.db());
        QVERIFY(
            q.exec(QStringLiteral("SELECT concat_ws('|', os_user, os_host, tool, action, target, "
                                  "previous_token, outcome, detail) FROM lockscope_audit")));
        while (q.next())
            QVERIFY(!q.value(0).toString().contains(password));
        // The server's log: it must be readable, and be the log of this very
        // run (it has the refused connection to nosuchdb just made).
        QFile log(qEnvironmentVariable("LOCKSCOPE_TEST_PG_DIR") + QStringLiteral("/server.log"));
        if (!log.open(QIODevice::ReadOnly))
            LOCKSCOPE_SKIP_OR_FAIL(QStringLiteral("cannot read the server log %1: %2")
                                       .arg(log.fileName(), log.errorString()));
        QByteArray serverLog;
        QTRY_VERIFY_WITH_TIMEOUT(
            (serverLog += log.readAll()).contains("\"nosuchdb\" does not exist"), 10000);
        QVERIFY2(!serverLog.contains(password.toUtf8()), "the password is in the server log");
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
