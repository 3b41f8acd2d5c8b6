// Is a lease's owner still connected? `lockctl list --json` against real
// holders on PostgreSQL: a live lockctl holder (true, with its session), one
// whose sessions were terminated and one whose process was killed (false),
// another program's row (null, and true or false through --owner-rule), and
// SQLite (null: no sessions).
#include "support/lockctlprocess.h"
#include "support/pgsession.h"
#include "support/testdb.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include "db/database.h"

#include <csignal>
#include <memory>

using namespace lockscope;
using test::LockctlProcess;
using test::PgSession;

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

// The lease of `key` as `lockctl list --json` shows it.
QJsonObject leaseOf(const QString &url, const QString &key, const QStringList &extra = {}) {
    const auto r = LockctlProcess::run(
        url, QStringList{QStringLiteral("list"), QStringLiteral("--json")} + extra);
    if (r.exitCode != 0)
        qWarning("lockctl list: %d %s", r.exitCode, qPrintable(r.err));
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    for (const QJsonValue &v : rows) {
        if (v.toObject().value(QStringLiteral("lock_key")).toString() == key)
            return v.toObject();
    }
    return {};
}

// The pids of the sessions the lease manager of lockctl opened ("lockctl/<owner>").
QList<qint64> lockctlSessions(const ConnectionParams &params) {
    QList<qint64> pids;
    ScopedConnection conn(params, QStringLiteral("probe"));
    QSqlQuery q(conn.db());
    if (q.exec(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = "
                              "current_database() AND application_name LIKE 'lockctl/%'"))) {
        while (q.next())
            pids.append(q.value(0).toLongLong());
    }
    return pids;
}

QString connectedOf(const QJsonObject &lease) {
    const QJsonValue v = lease.value(QStringLiteral("owner_connected"));
    return v.isNull()   ? QStringLiteral("null")
           : v.toBool() ? QStringLiteral("true")
                        : QStringLiteral("false");
}

std::unique_ptr<QProcess> holder(const QString &url, const QString &key,
                                 const QStringList &more = {}) {
    std::unique_ptr<QProcess> p(LockctlProcess::start(
        url, QStringList{QStringLiteral("acquire"), key, QStringLiteral("--ttl"),
                         QStringLiteral("120s"), QStringLiteral("--hold"), QStringLiteral("120s")} +
                 more));
    return p;
}

} // namespace

class TestCliLeaseOwners final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void liveHolderIsConnected() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        auto p = holder(url, QStringLiteral("job/live"));
        const auto stop = qScopeGuard([&] {
            p->terminate();
            p->waitForFinished(10000);
        });
        const QJsonObject held = readJsonLine(p.get());
        QVERIFY2(!held.isEmpty(), qPrintable(QString::fromUtf8(p->readAllStandardError())));

        const QList<qint64> pids = lockctlSessions(*params);
        QVERIFY(!pids.isEmpty());
        const QJsonObject lease = leaseOf(url, QStringLiteral("job/live"));
        QCOMPARE(connectedOf(lease), QStringLiteral("true"));
        const QJsonObject session = lease.value(QStringLiteral("session")).toObject();
        const qint64 pid = session.value(QStringLiteral("pid")).toInteger();
        QVERIFY2(pids.contains(pid), qPrintable(QString::number(pid)));
        // "<program>/<owner id>": the owner id of the token.
        QCOMPARE(session.value(QStringLiteral("application_name")).toString(),
                 QStringLiteral("lockctl/") + lease.value(QStringLiteral("owner")).toString());
        QCOMPARE(session.value(QStringLiteral("state")).toString(), QStringLiteral("idle"));
        QCOMPARE(session.value(QStringLiteral("client_addr")).toString(),
                 QStringLiteral("127.0.0.1"));
        QVERIFY(session.value(QStringLiteral("backend_start")).toDouble() > 0);

        // The table view: a SESSION column with the pid.
        const auto text = LockctlProcess::run(url, {QStringLiteral("list")});
        QVERIFY2(text.out.contains(QStringLiteral("SESSION")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("pid %1").arg(pid)), qPrintable(text.out));
    }

    // An owner id with characters an application_name cannot carry (';' is
    // refused in connection options, non-ASCII PostgreSQL turns into '?'):
    // the lease is taken, and its owner is still found connected.
    void ownerIdWithUnsafeCharacters() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        auto p = holder(url, QStringLiteral("job/odd"),
                        {QStringLiteral("--owner"), QStringLiteral("job;42 ünï")});
        const auto stop = qScopeGuard([&] {
            p->terminate();
            p->waitForFinished(10000);
        });
        const QJsonObject held = readJsonLine(p.get());
        QVERIFY2(!held.isEmpty(), qPrintable(QString::fromUtf8(p->readAllStandardError())));
        const QJsonObject lease = leaseOf(url, QStringLiteral("job/odd"));
        QCOMPARE(lease.value(QStringLiteral("owner")).toString(), QStringLiteral("job;42 ünï"));
        QCOMPARE(connectedOf(lease), QStringLiteral("true"));
    }

    void terminatedHolderIsGone() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        auto p = holder(url, QStringLiteral("job/cut"));
        const auto stop = qScopeGuard([&] {
            p->terminate();
            p->waitForFinished(10000);
        });
        QVERIFY(!readJsonLine(p.get()).isEmpty());
        QCOMPARE(connectedOf(leaseOf(url, QStringLiteral("job/cut"))), QStringLiteral("true"));
        QVERIFY(test::TestDb::exec(
            *params, QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE datname = current_database() "
                                    "AND application_name LIKE 'lockctl/%'")));
        QTRY_VERIFY_WITH_TIMEOUT(lockctlSessions(*params).isEmpty(), 15000);
        // The lease is still held (120 s), its owner is not connected any more.
        const QJsonObject lease = leaseOf(url, QStringLiteral("job/cut"));
        QCOMPARE(lease.value(QStringLiteral("state")).toString(), QStringLiteral("held"));
        QCOMPARE(connectedOf(lease), QStringLiteral("false"));
        QVERIFY(lease.value(QStringLiteral("session")).isNull());
        QVERIFY(LockctlProcess::run(url, {QStringLiteral("list")})
                    .out.contains(QStringLiteral("gone")));
    }

    void killedHolderIsGone() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        auto p = holder(url, QStringLiteral("job/killed"));
        QVERIFY(!readJsonLine(p.get()).isEmpty());
        QCOMPARE(connectedOf(leaseOf(url, QStringLiteral("job/killed"))), QStringLiteral("true"));
        ::kill(static_cast<pid_t>(p->processId()), SIGKILL);
        QVERIFY(p->waitForFinished(10000));
        // The server ends the session when it sees the socket closed.
        QTRY_COMPARE_WITH_TIMEOUT(connectedOf(leaseOf(url, QStringLiteral("job/killed"))),
                                  QStringLiteral("false"), 15000);
    }

    // Two owners whose long ids share their first 60 characters: each name
    // keeps a hash of the whole id, so when one holder dies its lease is
    // "gone" even though the other's session name starts the same way (cut to
    // 63 bytes, both names were one and the same).
    void longOwnerIdsSharingAStartAreToldApart() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        const QString start(60, QLatin1Char('w'));
        auto dying = holder(url, QStringLiteral("job/long-a"),
                            {QStringLiteral("--owner"), start + QStringLiteral("-worker-a")});
        auto living = holder(url, QStringLiteral("job/long-b"),
                             {QStringLiteral("--owner"), start + QStringLiteral("-worker-b")});
        const auto stop = qScopeGuard([&] {
            living->terminate();
            living->waitForFinished(10000);
        });
        QVERIFY(!readJsonLine(dying.get()).isEmpty());
        QVERIFY(!readJsonLine(living.get()).isEmpty());
        QCOMPARE(connectedOf(leaseOf(url, QStringLiteral("job/long-a"))), QStringLiteral("true"));
        QCOMPARE(connectedOf(leaseOf(url, QStringLiteral("job/long-b"))), QStringLiteral("true"));
        const QJsonObject a = leaseOf(url, QStringLiteral("job/long-a"));
        const QJsonObject b = leaseOf(url, QStringLiteral("job/long-b"));
        const auto pidOf = [](const QJsonObject &lease) {
            return lease.value(QStringLiteral("session"))
                .toObject()
                .value(QStringLiteral("pid"))
                .toInteger();
        };
        QVERIFY(pidOf(a) != pidOf(b));
        ::kill(static_cast<pid_t>(dying->processId()), SIGKILL);
        QVERIFY(dying->waitForFinished(10000));
        QTRY_COMPARE_WITH_TIMEOUT(connectedOf(leaseOf(url, QStringLiteral("job/long-a"))),
                                  QStringLiteral("false"), 15000);
        QCOMPARE(connectedOf(leaseOf(url, QStringLiteral("job/long-b"))), QStringLiteral("true"));
    }

    void otherProgramsRowsNeedARule() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        // A row another program wrote, and a session of that program.
        QVERIFY(test::TestDb::exec(
            *params,
            QStringLiteral("INSERT INTO aggregate_locks VALUES "
                           "('billing/run', 'billing@7f3a9c', "
                           "extract(epoch FROM now()), extract(epoch FROM now()) + 600), "
                           "('payroll/run', 'payroll@11aa', "
                           "extract(epoch FROM now()), extract(epoch FROM now()) + 600)")));
        PgSession billing(url, QStringLiteral("billing"));
        QVERIFY2(billing.ok(), qPrintable(billing.error()));

        QJsonObject lease = leaseOf(url, QStringLiteral("billing/run"));
        QVERIFY(!lease.isEmpty());
        QCOMPARE(connectedOf(lease), QStringLiteral("null")); // unknown without a rule
        QVERIFY(lease.value(QStringLiteral("session")).isNull());

        const QStringList rule{QStringLiteral("--owner-rule"), QStringLiteral("^([a-z]+)@")};
        lease = leaseOf(url, QStringLiteral("billing/run"), rule);
        QCOMPARE(connectedOf(lease), QStringLiteral("true"));
        QCOMPARE(lease.value(QStringLiteral("session"))
                     .toObject()
                     .value(QStringLiteral("pid"))
                     .toInteger(),
                 billing.pid());
        // The rule names "payroll", which has no session.
        QCOMPARE(connectedOf(leaseOf(url, QStringLiteral("payroll/run"), rule)),
                 QStringLiteral("false"));
        // A rule that does not match the token leaves it unknown.
        QCOMPARE(connectedOf(leaseOf(url, QStringLiteral("billing/run"),
                                     {QStringLiteral("--owner-rule"), QStringLiteral("^x-(.*)")})),
                 QStringLiteral("null"));
    }

    void sqliteHasNoSessions() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        const QString url = test::TestDb::urlFor(params);
        // A LockScope token: on PostgreSQL it would map to a session.
        QVERIFY(test::TestDb::exec(
            params, QStringLiteral("INSERT INTO aggregate_locks VALUES ('k', "
                                   "'host:1:abcd/0123456789abcdef0123456789abcdef', 1, 4e9)")));
        const QJsonObject lease = leaseOf(url, QStringLiteral("k"));
        QVERIFY(!lease.isEmpty());
        QVERIFY(lease.contains(QStringLiteral("owner_connected")));
        QCOMPARE(connectedOf(lease), QStringLiteral("null"));
        QVERIFY(lease.value(QStringLiteral("session")).isNull());
        QVERIFY(!LockctlProcess::run(url, {QStringLiteral("list")})
                     .out.contains(QStringLiteral("SESSION")));
    }

    void badRuleIsRefused() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        const auto r = LockctlProcess::run(
            test::TestDb::urlFor(params),
            {QStringLiteral("list"), QStringLiteral("--owner-rule"), QStringLiteral("([a-z]+@")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("lockctl: --owner-rule is not a valid regular "
                                                 "expression")),
                 qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliLeaseOwners)
#include "tst_clileaseowners.moc"
