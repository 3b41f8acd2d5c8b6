// The benchmark commands run briefly against real databases (a smoke test: their
// figures go to BENCHMARKS.md, never into assertions about speed).
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lockscope;
using test::LockctlProcess;

class TestCliBench final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cycle_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void cycle() {
        LOCKSCOPE_FRESH_DB(params);
        const auto r = LockctlProcess::run(test::TestDb::urlFor(params),
                                           {QStringLiteral("bench"), QStringLiteral("cycle"),
                                            QStringLiteral("--clients"), QStringLiteral("2"),
                                            QStringLiteral("--duration"), QStringLiteral("300ms"),
                                            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("clients")).toInt(), 2);
        QVERIFY(o.value(QStringLiteral("cycles")).toInt() > 0);
        QCOMPARE(o.value(QStringLiteral("errors")).toInt(), 0);
        // Two statements per cycle; the probe and each client's warm-up cycle
        // (connecting, preparing) come before the clock starts and do not count.
        QCOMPARE(o.value(QStringLiteral("statements")).toInt(),
                 2 * o.value(QStringLiteral("cycles")).toInt());
        const QJsonObject latency = o.value(QStringLiteral("latency_ms")).toObject();
        for (const char *p : {"p50", "p90", "p99", "max"})
            QVERIFY2(latency.contains(QLatin1String(p)), p);
        QVERIFY(latency.value(QStringLiteral("p50")).toDouble() <=
                latency.value(QStringLiteral("max")).toDouble());
        // Nothing left behind.
        const auto list = LockctlProcess::run(test::TestDb::urlFor(params),
                                              {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }

    void handoffThreads_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void handoffThreads() {
        LOCKSCOPE_FRESH_DB(params);
        const auto r = LockctlProcess::run(test::TestDb::urlFor(params),
                                           {QStringLiteral("bench"), QStringLiteral("handoff"),
                                            QStringLiteral("--rounds"), QStringLiteral("20"),
                                            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("threads"));
        // Two threads take turns through the gate. On a busy machine a thread may
        // re-take the key before the other has queued, so not every round is a
        // hand-off; there is at most one per round.
        const int handoffs =
            o.value(QStringLiteral("handoff_ms")).toObject().value(QStringLiteral("count")).toInt();
        QVERIFY2(handoffs > 0 && handoffs <= 20, qPrintable(QString::number(handoffs)));
        QCOMPARE(o.value(QStringLiteral("acquisitions")).toInt(), 21);
    }

    void handoffProcesses() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto r = LockctlProcess::run(
            test::TestDb::urlFor(*params),
            {QStringLiteral("bench"), QStringLiteral("handoff"), QStringLiteral("--processes"),
             QStringLiteral("2"), QStringLiteral("--rounds"), QStringLiteral("5"),
             QStringLiteral("--retry"), QStringLiteral("20ms"), QStringLiteral("--json")},
            60000);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("acquisitions")).toInt(), 10);
        QVERIFY(o.value(QStringLiteral("handoff_ms"))
                    .toObject()
                    .value(QStringLiteral("count"))
                    .toInt() > 0);
    }

    void pgbenchScriptUsesTheManagersStatements() {
        const auto r = LockctlProcess::run(
            QString(), {QStringLiteral("bench"), QStringLiteral("pgbench-script")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("\\set k random(0, 63)\n")));
        QVERIFY(r.out.contains(QLatin1String("ON CONFLICT (lock_key) DO UPDATE")));
        QVERIFY(r.out.contains(QLatin1String("pg_notify('lockscope_release', lock_key)")));
        QVERIFY(!r.out.contains(QLatin1Char('?')));
        QCOMPARE(r.out.count(QLatin1String(";\n")), 2);
    }

    // On a fully migrated database the manager's acquire refuses keys of
    // another kind (migration 0008), bumps the fence (0004) and its release
    // notifies only registered waiters (0007): the script pgbench runs must be
    // those statements, or "LockScope's statements" in BENCHMARKS.md measure
    // less than the library sends.
    void pgbenchScriptOnAMigratedDatabase() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto r =
            LockctlProcess::run(test::TestDb::urlFor(*params),
                                {QStringLiteral("bench"), QStringLiteral("pgbench-script")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("NOT EXISTS (SELECT 1 FROM lockscope_lock_kinds x "
                                              "WHERE x.lock_key = k.key)")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("INSERT INTO lockscope_fences")));
        QVERIFY(r.out.contains(QLatin1String("lockscope_release_lease(")));
        QVERIFY(!r.out.contains(QLatin1Char('?')));
        QCOMPARE(r.out.count(QLatin1String(";\n")), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_clibench.moc"
