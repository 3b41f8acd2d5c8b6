// `lockctl load` with threads and real child processes.
#include "db/database.h"
#include "lease/leasequeries.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace lockscope;
using test::LockctlProcess;

namespace {

QJsonObject load(const ConnectionParams &params, const QStringList &args, int *exitCode) {
    const auto r = LockctlProcess::run(
        test::TestDb::urlFor(params),
        QStringList{QStringLiteral("load"), QStringLiteral("--json")} + args, 120000);
    *exitCode = r.exitCode;
    if (r.exitCode != 0)
        qWarning("lockctl load: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

// Child processes of `pid` that are still alive (from /proc).
QList<int> childrenOf(qint64 pid) {
    QList<int> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const int candidate = entry.toInt(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(candidate));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(stat.readAll());
        const QStringList fields =
            text.mid(text.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
        if (fields.value(1).toLongLong() == pid && fields.value(0) != QLatin1String("Z"))
            children << candidate;
    }
    return children;
}

} // namespace

class TestCliLoad final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lockedModesAcrossProcesses_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("scope");
        QTest::newRow("sqlite lease")
            << QStringLiteral("sqlite") << QStringLiteral("lease") << QStringLiteral("session");
        QTest::newRow("postgres lease")
            << QStringLiteral("postgres") << QStringLiteral("lease") << QStringLiteral("session");
        QTest::newRow("postgres advisory")
            << QStringLiteral("postgres") << QStringLiteral("advisory")
            << QStringLiteral("session");
        QTest::newRow("postgres advisory xact")
            << QStringLiteral("postgres") << QStringLiteral("advisory") << QStringLiteral("xact");
    }
    void lockedModesAcrossProcesses() {
        LOCKSCOPE_FRESH_DB(params);
        QFETCH(QString, mode);
        QFETCH(QString, scope);
        int code = -1;
        const QJsonObject o =
            load(params,
                 {QStringLiteral("--mode"), mode, QStringLiteral("--scope"), scope,
                  QStringLiteral("--threads"), QStringLiteral("3"), QStringLiteral("--processes"),
                  QStringLiteral("2"), QStringLiteral("--keys"), QStringLiteral("2"),
                  QStringLiteral("--hold-range"), QStringLiteral("1ms:3ms"),
                  QStringLiteral("--duration"), QStringLiteral("2s")},
                 &code);
        QCOMPARE(code, 0);
        for (const char *field :
             {"mode", "acquisitions", "timeouts", "violations", "throughput_per_s", "latency_ms",
              "statements_per_acquisition", "per_key"})
            QVERIFY2(o.contains(QLatin1String(field)), field);
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), mode);
        QCOMPARE(o.value(QStringLiteral("processes")).toInt(), 3);
        QVERIFY(o.value(QStringLiteral("acquisitions")).toInt() > 0);
        QCOMPARE(o.value(QStringLiteral("violations")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("leftover_leases")).toInt(), 0);
        const QJsonArray perKey = o.value(QStringLiteral("per_key")).toArray();
        QCOMPARE(perKey.size(), 2);
        qint64 acquired = 0;
        for (const auto &v : perKey) {
            const QJsonObject k = v.toObject();
            QCOMPARE(k.value(QStringLiteral("counter")).toInteger(),
                     k.value(QStringLiteral("completed")).toInteger());
            acquired += k.value(QStringLiteral("acquisitions")).toInteger();
        }
        QCOMPARE(acquired, o.value(QStringLiteral("acquisitions")).toInteger());
        for (const char *p : {"p50", "p90", "p99", "max"})
            QVERIFY(o.value(QStringLiteral("latency_ms")).toObject().contains(QLatin1String(p)));
    }

    // The control: the same workload without a lock loses updates.
    void noneModeLosesUpdates_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void noneModeLosesUpdates() {
        LOCKSCOPE_FRESH_DB(params);
        int code = -1;
        const QJsonObject o =
            load(params,
                 {QStringLiteral("--mode"), QStringLiteral("none"), QStringLiteral("--threads"),
                  QStringLiteral("3"), QStringLiteral("--processes"), QStringLiteral("2"),
                  QStringLiteral("--keys"), QStringLiteral("2"), QStringLiteral("--hold"),
                  QStringLiteral("2ms"), QStringLiteral("--duration"), QStringLiteral("2s")},
                 &code);
        QCOMPARE(code, 0); // the control is not an error
        QVERIFY(o.value(QStringLiteral("violations")).toInt() > 0);
    }

    void stopReachesEveryProcess_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void stopReachesEveryProcess() {
        LOCKSCOPE_FRESH_DB(params);
        std::unique_ptr<QProcess> run(LockctlProcess::start(
            test::TestDb::urlFor(params),
            {QStringLiteral("load"), QStringLiteral("--threads"), QStringLiteral("3"),
             QStringLiteral("--processes"), QStringLiteral("2"), QStringLiteral("--keys"),
             QStringLiteral("2"), QStringLiteral("--hold"), QStringLiteral("100ms"),
             QStringLiteral("--duration"), QStringLiteral("5m"), QStringLiteral("--json")}));
        QVERIFY(run->waitForStarted());
        const qint64 parent = run->processId();
        QTRY_COMPARE_WITH_TIMEOUT(childrenOf(parent).size(), 2, 30000); // a busy machine
        const QList<int> children = childrenOf(parent);
        // Let it get going: leases are held and awaited.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                ScopedConnection conn(params, QStringLiteral("peek"));
                auto snap = LeaseQueries::snapshot(conn.db(), params);
                return snap.ok() && !snap->rows.isEmpty();
            }(),
            30000);
        QElapsedTimer clock;
        clock.start();
        ::kill(static_cast<pid_t>(parent), SIGINT);
        QVERIFY(run->waitForFinished(10000));
        const qint64 stopped = clock.elapsed();
        for (int child : children)
            QVERIFY2(
                !QFile::exists(QStringLiteral("/proc/%1").arg(child)) ||
                    QFile(QStringLiteral("/proc/%1/stat").arg(child)).open(QIODevice::ReadOnly) ==
                        false,
                qPrintable(QStringLiteral("child %1 still running").arg(child)));
        QVERIFY2(stopped < 1500, qPrintable(QStringLiteral("stopped after %1 ms").arg(stopped)));
        QCOMPARE(run->exitCode(), 128 + SIGINT);
        const QJsonObject o = QJsonDocument::fromJson(run->readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("leftover_leases")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("violations")).toInt(), 0);
        ScopedConnection conn(params, QStringLiteral("check"));
        QCOMPARE(LeaseQueries::snapshot(conn.db(), params)->rows.size(), 0);
    }

    void badOptions() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        const QString url = test::TestDb::urlFor(params);
        const auto advisory = LockctlProcess::run(
            url, {QStringLiteral("load"), QStringLiteral("--mode"), QStringLiteral("advisory")});
        QCOMPARE(advisory.exitCode, 2);
        QVERIFY2(advisory.err.contains(QLatin1String("needs PostgreSQL")),
                 qPrintable(advisory.err));
        const auto mode = LockctlProcess::run(
            url, {QStringLiteral("load"), QStringLiteral("--mode"), QStringLiteral("magic")});
        QCOMPARE(mode.exitCode, 2);
        const auto both = LockctlProcess::run(
            url, {QStringLiteral("load"), QStringLiteral("--count"), QStringLiteral("5"),
                  QStringLiteral("--duration"), QStringLiteral("1s")});
        QCOMPARE(both.exitCode, 2);
        const auto range = LockctlProcess::run(
            url, {QStringLiteral("load"), QStringLiteral("--hold-range"), QStringLiteral("9ms")});
        QCOMPARE(range.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliLoad)
#include "tst_cliload.moc"
