// `lockctl load` on a real redis-server: the critical section reads the run's
// counter with GET, pauses and writes it back with SET (non-atomic on purpose).
// Under Redis leases, across threads and processes, no update is lost; the
// `none` control, the same workload without a lock, loses some.
#include "support/lockctlprocess.h"
#include "support/testdb.h"
#include "support/testredis.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lockscope;
using test::LockctlProcess;
using test::TestRedis;

namespace {

QJsonObject load(const ConnectionParams &params, const QStringList &args, int *exitCode) {
    const auto r = LockctlProcess::run(
        TestRedis::urlFor(params),
        QStringList{QStringLiteral("load"), QStringLiteral("--json")} + args, 120000);
    *exitCode = r.exitCode;
    if (r.exitCode != 0)
        qWarning("lockctl load: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

const QStringList kWorkload{QStringLiteral("--threads"),   QStringLiteral("3"),
                            QStringLiteral("--processes"), QStringLiteral("2"),
                            QStringLiteral("--keys"),      QStringLiteral("2"),
                            QStringLiteral("--hold"),      QStringLiteral("2ms"),
                            QStringLiteral("--duration"),  QStringLiteral("3s")};

} // namespace

class TestRedisLoad final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void leaseModeLosesNothing() {
        LOCKSCOPE_FRESH_REDIS(params);
        int code = -1;
        const QJsonObject o =
            load(params, QStringList{QStringLiteral("--mode"), QStringLiteral("lease")} + kWorkload,
                 &code);
        QCOMPARE(code, 0);
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("lease"));
        QVERIFY(o.value(QStringLiteral("acquisitions")).toInteger() > 10);
        QCOMPARE(o.value(QStringLiteral("violations")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("leftover_leases")).toInt(), 0);
        qint64 acquired = 0;
        for (const QJsonValue &v : o.value(QStringLiteral("per_key")).toArray()) {
            const QJsonObject k = v.toObject();
            QCOMPARE(k.value(QStringLiteral("counter")).toInteger(),
                     k.value(QStringLiteral("completed")).toInteger());
            acquired += k.value(QStringLiteral("acquisitions")).toInteger();
        }
        QCOMPARE(acquired, o.value(QStringLiteral("acquisitions")).toInteger());
        // Every lease released, every counter removed.
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("--scan"), QStringLiteral("--pattern"),
                                         params.redisPrefix + QStringLiteral("load/*")}),
                 QString());
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("--scan"), QStringLiteral("--pattern"),
                                         QStringLiteral("lockscope:load:") + params.redisPrefix +
                                             QStringLiteral("*")}),
                 QString());
    }

    // The control: without a lock, GET-pause-SET loses updates.
    void noneModeLosesUpdates() {
        LOCKSCOPE_FRESH_REDIS(params);
        int code = -1;
        const QJsonObject o =
            load(params, QStringList{QStringLiteral("--mode"), QStringLiteral("none")} + kWorkload,
                 &code);
        QCOMPARE(code, 0); // the control is not an error
        QVERIFY2(o.value(QStringLiteral("violations")).toInt() > 0,
                 QJsonDocument(o).toJson().constData());
    }

    void advisoryModeIsRefused() {
        LOCKSCOPE_FRESH_REDIS(params);
        const auto r = LockctlProcess::run(TestRedis::urlFor(params),
                                           {QStringLiteral("load"), QStringLiteral("--mode"),
                                            QStringLiteral("advisory"),
                                            QStringLiteral("--duration"), QStringLiteral("1s")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("needs PostgreSQL; this is a Redis server")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestRedisLoad)
#include "tst_redisload.moc"
