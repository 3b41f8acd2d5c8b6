// lockctl with semaphores and reader-writer leases on a real redis-server
// (issue 15): acquire --permits / --read / --write (JSON), list (text and
// JSON, the same fields as on SQL), release of one holder by its token
// (audited), load --mode semaphore / rw with the counting control, and the
// bad-input rows of docs/bad-input.md for Redis (R20-R22), each with its exit
// code and no change to the keys.
#include "admin/redisauditlog.h"
#include "lease/redissharedscripts.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"
#include "support/testredis.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>
#include <memory>

using namespace lockscope;
using lockscope::test::LockctlProcess;
using lockscope::test::TestRedis;

namespace {

QJsonObject firstJsonLine(QProcess *p) {
    QByteArray line;
    while (!line.contains('\n')) {
        if (!p->waitForReadyRead(30000))
            break;
        line += p->readAllStandardOutput();
    }
    return QJsonDocument::fromJson(line.left(line.indexOf('\n'))).object();
}

QStringList acquireArgs(const QString &key, const QStringList &extra) {
    return QStringList{QStringLiteral("acquire"), key} + extra;
}

// The keys S, R and L and the holders of S and R, to compare before and after
// a bad call (expiries left out: they move with every renewal).
QString redisState(const ConnectionParams &p) {
    QStringList out;
    for (const QString &key : {QStringLiteral("S"), QStringLiteral("R"), QStringLiteral("L")}) {
        const QString name = p.redisPrefix + key;
        out << key + QLatin1Char(' ') + TestRedis::cli(p, {QStringLiteral("TYPE"), name});
        if (key == QLatin1String("L")) {
            out << TestRedis::cli(p, {QStringLiteral("GET"), name});
            continue;
        }
        QStringList fields =
            TestRedis::cli(p, {QStringLiteral("HGETALL"), name}).split(QLatin1Char('\n'));
        fields.sort();
        out << fields;
        out << TestRedis::cli(p, {QStringLiteral("ZRANGE"),
                                  QString::fromUtf8(RedisSharedScripts::holdersKey(p, key)),
                                  QStringLiteral("0"), QStringLiteral("-1")});
    }
    return out.join(QLatin1Char('\n'));
}

void stop(QProcess *p, int expectedCode = 0) {
    ::kill(static_cast<pid_t>(p->processId()), SIGTERM);
    QVERIFY(p->waitForFinished(20000));
    QCOMPARE(p->exitCode(), expectedCode);
}

} // namespace

class TestCliRedisSemaphore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void semaphoreAcquireListRelease() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString url = TestRedis::urlFor(params);
        const QStringList hold{QStringLiteral("--permits"), QStringLiteral("2"),
                               QStringLiteral("--hold"), QStringLiteral("60s")};
        std::unique_ptr<QProcess> first(
            LockctlProcess::start(url, acquireArgs(QStringLiteral("S"), hold)));
        const QJsonObject a = firstJsonLine(first.get());
        QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("semaphore"));
        QCOMPARE(a.value(QStringLiteral("permits")).toInt(), 2);
        QCOMPARE(a.value(QStringLiteral("slot")).toInt(), 0);
        QVERIFY(a.value(QStringLiteral("fence")).toInteger() > 0);
        std::unique_ptr<QProcess> second(
            LockctlProcess::start(url, acquireArgs(QStringLiteral("S"), hold)));
        const QJsonObject b = firstJsonLine(second.get());
        QCOMPARE(b.value(QStringLiteral("slot")).toInt(), 1);
        QVERIFY(b.value(QStringLiteral("fence")).toInteger() >
                a.value(QStringLiteral("fence")).toInteger());

        // Full: one attempt gives up with exit 3.
        const auto full = LockctlProcess::run(
            url, acquireArgs(QStringLiteral("S"), {QStringLiteral("--permits"), QStringLiteral("2"),
                                                   QStringLiteral("--wait"), QStringLiteral("0")}));
        QCOMPARE(full.exitCode, 3);
        QVERIFY2(full.err.contains(QLatin1String("every permit is held")), qPrintable(full.err));

        const auto text = LockctlProcess::run(url, {QStringLiteral("list")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QLatin1String("S  semaphore  2/2 held")), qPrintable(text.out));
        QVERIFY2(text.out.contains(a.value(QStringLiteral("owner_token")).toString()),
                 qPrintable(text.out));
        QVERIFY2(!text.out.contains(QLatin1String("hash")), qPrintable(text.out)); // not a row
        const auto json =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray all = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(all.size(), 1);
        const QJsonObject s = all.first().toObject();
        QCOMPARE(s.value(QStringLiteral("kind")).toString(), QStringLiteral("semaphore"));
        QCOMPARE(s.value(QStringLiteral("held")).toInt(), 2);
        QCOMPARE(s.value(QStringLiteral("permits")).toInt(), 2);
        const QJsonArray holders = s.value(QStringLiteral("holders")).toArray();
        QCOMPARE(holders.size(), 2);
        QCOMPARE(holders.at(0).toObject().value(QStringLiteral("slot")).toInt(), 0);
        QCOMPARE(holders.at(0).toObject().value(QStringLiteral("owner_token")).toString(),
                 a.value(QStringLiteral("owner_token")).toString());
        QCOMPARE(holders.at(0).toObject().value(QStringLiteral("fence")).toInteger(),
                 a.value(QStringLiteral("fence")).toInteger());
        QCOMPARE(holders.at(0).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("held"));

        // An operator releases one holder by its token (audited); --force alone names nobody.
        const QString token = a.value(QStringLiteral("owner_token")).toString();
        const auto unguarded = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("S"), QStringLiteral("--force")});
        QCOMPARE(unguarded.exitCode, 2);
        QVERIFY2(unguarded.err.contains(QLatin1String("release one of them with --token")),
                 qPrintable(unguarded.err));
        const auto released =
            LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("S"),
                                      QStringLiteral("--token"), token});
        QVERIFY2(released.exitCode == 0, qPrintable(released.err));
        QVERIFY2(released.err.isEmpty(), qPrintable(released.err)); // audited: no warning
        const QString audit = TestRedis::cli(
            params, {QStringLiteral("XRANGE"), QString::fromUtf8(RedisAuditLog::streamKey(params)),
                     QStringLiteral("-"), QStringLiteral("+")});
        QVERIFY2(audit.contains(token) && audit.contains(QLatin1String("holder: slot")),
                 qPrintable(audit));
        const auto again = LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("S"),
                                                     QStringLiteral("--token"), token});
        QCOMPARE(again.exitCode, 4);
        QVERIFY2(again.err.contains(QLatin1String("the token holds nothing under 'S'")),
                 qPrintable(again.err));
        const auto after = LockctlProcess::run(url, {QStringLiteral("list")});
        QVERIFY2(after.out.contains(QLatin1String("1/2 held")), qPrintable(after.out));

        // The holder whose permit was released finds it gone at its own release: exit 4.
        stop(first.get(), 4);
        stop(second.get(), 0);
        // The key keeps its kind for one TTL after its last holder left.
        const auto empty = LockctlProcess::run(url, {QStringLiteral("list")});
        QVERIFY2(empty.out.contains(QLatin1String("0/2 held")), qPrintable(empty.out));
        const qint64 pttl = TestRedis::cli(params, {QStringLiteral("PTTL"),
                                                    params.redisPrefix + QStringLiteral("S")})
                                .toLongLong();
        QVERIFY2(pttl > 0 && pttl <= 30'000, qPrintable(QString::number(pttl)));
    }

    void readersWriterAndWaitingWriter() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString url = TestRedis::urlFor(params);
        const QStringList read{QStringLiteral("--read"), QStringLiteral("--hold"),
                               QStringLiteral("60s")};
        std::unique_ptr<QProcess> r1(
            LockctlProcess::start(url, acquireArgs(QStringLiteral("R"), read)));
        const QJsonObject a = firstJsonLine(r1.get());
        QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("rw"));
        QCOMPARE(a.value(QStringLiteral("mode")).toString(), QStringLiteral("read"));
        std::unique_ptr<QProcess> r2(
            LockctlProcess::start(url, acquireArgs(QStringLiteral("R"), read)));
        QCOMPARE(firstJsonLine(r2.get()).value(QStringLiteral("mode")).toString(),
                 QStringLiteral("read"));
        // A writer waits behind the readers ...
        std::unique_ptr<QProcess> writer(LockctlProcess::start(
            url,
            acquireArgs(QStringLiteral("R"),
                        {QStringLiteral("--write"), QStringLiteral("--wait"), QStringLiteral("60s"),
                         QStringLiteral("--hold"), QStringLiteral("0")})));
        QTRY_VERIFY_WITH_TIMEOUT(
            LockctlProcess::run(url, {QStringLiteral("list")})
                .out.contains(QLatin1String("R  rw  2 readers, no writer, 1 waiting writer")),
            30000);
        // ... and stops new readers.
        const auto blocked =
            LockctlProcess::run(url, acquireArgs(QStringLiteral("R"), {QStringLiteral("--read"),
                                                                       QStringLiteral("--wait"),
                                                                       QStringLiteral("300ms")}));
        QCOMPARE(blocked.exitCode, 3);
        const auto json =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject k = QJsonDocument::fromJson(json.out.toUtf8()).array().first().toObject();
        QCOMPARE(k.value(QStringLiteral("readers")).toInt(), 2);
        QCOMPARE(k.value(QStringLiteral("writer")).toBool(), false);
        QCOMPARE(k.value(QStringLiteral("waiting_writers")).toInt(), 1);
        // --held keeps the live holders and the live waiting place.
        const auto held = LockctlProcess::run(
            url, {QStringLiteral("list"), QStringLiteral("--held"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(held.out.toUtf8())
                     .array()
                     .first()
                     .toObject()
                     .value(QStringLiteral("holders"))
                     .toArray()
                     .size(),
                 3);
        stop(r1.get());
        stop(r2.get());
        QVERIFY(writer->waitForFinished(30000));
        QCOMPARE(writer->exitCode(), 0);
        const QJsonObject w =
            QJsonDocument::fromJson(writer->readAllStandardOutput().split('\n').first()).object();
        QCOMPARE(w.value(QStringLiteral("mode")).toString(), QStringLiteral("write"));
        QVERIFY(w.value(QStringLiteral("fence")).toInteger() >
                a.value(QStringLiteral("fence")).toInteger());
    }

    // A permit holder with --heartbeat hears that an operator released it.
    void heartbeatHearsARelease() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString url = TestRedis::urlFor(params);
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            url,
            acquireArgs(QStringLiteral("S"),
                        {QStringLiteral("--permits"), QStringLiteral("1"), QStringLiteral("--ttl"),
                         QStringLiteral("3s"), QStringLiteral("--heartbeat"),
                         QStringLiteral("--hold"), QStringLiteral("60s")})));
        const QJsonObject a = firstJsonLine(holder.get());
        QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("semaphore"));
        const auto released = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("S"), QStringLiteral("--token"),
                  a.value(QStringLiteral("owner_token")).toString()});
        QCOMPARE(released.exitCode, 0);
        QVERIFY(holder->waitForFinished(30000));
        QCOMPARE(holder->exitCode(), 4);
        QVERIFY(holder->readAllStandardOutput().contains("\"event\":\"lost\""));
    }

    // lockctl load --mode semaphore: the probe's most-inside never exceeds the
    // permits; the counting control (--admit-by-counting) does.
    void loadSemaphore_data() {
        QTest::addColumn<bool>("counting");
        QTest::newRow("slots") << false;
        QTest::newRow("counting") << true;
    }
    void loadSemaphore() {
        LOCKSCOPE_FRESH_REDIS(params);
        QFETCH(bool, counting);
        QStringList args{
            QStringLiteral("load"),      QStringLiteral("--mode"),      QStringLiteral("semaphore"),
            QStringLiteral("--permits"), QStringLiteral("2"),           QStringLiteral("--threads"),
            QStringLiteral("4"),         QStringLiteral("--processes"), QStringLiteral("2"),
            QStringLiteral("--keys"),    QStringLiteral("1"),           QStringLiteral("--hold"),
            QStringLiteral("5ms"),       QStringLiteral("--duration"),  QStringLiteral("4s"),
            QStringLiteral("--wait"),    QStringLiteral("60s"),         QStringLiteral("--json")};
        if (counting)
            args << QStringLiteral("--admit-by-counting");
        const auto r = LockctlProcess::run(TestRedis::urlFor(params), args, 120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("semaphore"));
        QCOMPARE(o.value(QStringLiteral("permits")).toInt(), 2);
        const int most = o.value(QStringLiteral("max_inside")).toInt();
        qInfo("redis %s: at most %d inside a 2-permit semaphore, %lld acquisitions",
              counting ? "counting control" : "slots", most,
              static_cast<long long>(o.value(QStringLiteral("acquisitions")).toInteger()));
        QVERIFY(o.value(QStringLiteral("acquisitions")).toInteger() > 10);
        if (counting) {
            QVERIFY(most > 2);
            QVERIFY(o.value(QStringLiteral("violations")).toInteger() > 0);
        } else {
            QVERIFY(most >= 1 && most <= 2);
            QCOMPARE(o.value(QStringLiteral("violations")).toInteger(), 0);
        }
        // The probe is dropped after the run.
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("KEYS"),
                                         QStringLiteral("lockscope:load-inside:") +
                                             params.redisPrefix + QStringLiteral("*")}),
                 QString());
    }

    // lockctl load --mode rw: no overlap, and both sides' waits reported.
    void loadReadersWriters() {
        LOCKSCOPE_FRESH_REDIS(params);
        const auto r = LockctlProcess::run(
            TestRedis::urlFor(params),
            {QStringLiteral("load"), QStringLiteral("--mode"), QStringLiteral("rw"),
             QStringLiteral("--readers"), QStringLiteral("4"), QStringLiteral("--writers"),
             QStringLiteral("1"), QStringLiteral("--processes"), QStringLiteral("1"),
             QStringLiteral("--keys"), QStringLiteral("1"), QStringLiteral("--hold"),
             QStringLiteral("5ms"), QStringLiteral("--duration"), QStringLiteral("4s"),
             QStringLiteral("--wait"), QStringLiteral("60s"), QStringLiteral("--json")},
            120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("rw"));
        QCOMPARE(o.value(QStringLiteral("overlaps")).toInteger(), 0);
        const QJsonObject reads = o.value(QStringLiteral("read_wait_ms")).toObject();
        const QJsonObject writes = o.value(QStringLiteral("write_wait_ms")).toObject();
        QVERIFY(reads.value(QStringLiteral("count")).toInteger() > 0);
        QVERIFY(writes.value(QStringLiteral("count")).toInteger() > 0);
        qInfo("redis rw load: reader wait p50 %.1f p99 %.1f ms; writer wait p50 %.1f p99 %.1f ms",
              reads.value(QStringLiteral("p50")).toDouble(),
              reads.value(QStringLiteral("p99")).toDouble(),
              writes.value(QStringLiteral("p50")).toDouble(),
              writes.value(QStringLiteral("p99")).toDouble());
    }

    // docs/bad-input.md rows S5, S6, S8 and R20-R22 on Redis.
    void badInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QStringList wait0{QStringLiteral("--wait"), QStringLiteral("0"),
                                QStringLiteral("--hold"), QStringLiteral("0")};
        auto row = [&](const char *name, const QStringList &args, int code, const char *message) {
            QTest::newRow(name) << args << code << QString::fromUtf8(message);
        };
        row("S5 another N",
            acquireArgs(QStringLiteral("S"),
                        QStringList{QStringLiteral("--permits"), QStringLiteral("5")} + wait0),
            6, "The key 'S' is a semaphore with 3 permits, not a semaphore with 5 permits");
        row("S6 semaphore as rw",
            acquireArgs(QStringLiteral("S"), QStringList{QStringLiteral("--write")} + wait0), 6,
            "The key 'S' is a semaphore with 3 permits, not a reader-writer lease");
        row("S6 semaphore as lease", acquireArgs(QStringLiteral("S"), wait0), 6,
            "The key 'S' is a semaphore with 3 permits, not a lease");
        row("S6 rw as semaphore",
            acquireArgs(QStringLiteral("R"),
                        QStringList{QStringLiteral("--permits"), QStringLiteral("3")} + wait0),
            6, "The key 'R' is a reader-writer lease, not a semaphore with 3 permits");
        row("S6 rw as lease", acquireArgs(QStringLiteral("R"), wait0), 6,
            "The key 'R' is a reader-writer lease, not a lease");
        row("S6 lease as semaphore",
            acquireArgs(QStringLiteral("L"),
                        QStringList{QStringLiteral("--permits"), QStringLiteral("3")} + wait0),
            6, "The key 'L' is a lease, not a semaphore with 3 permits");
        row("S6 lease as rw",
            acquireArgs(QStringLiteral("L"), QStringList{QStringLiteral("--read")} + wait0), 6,
            "The key 'L' is a lease, not a reader-writer lease");
        row("S1 permits 0",
            acquireArgs(QStringLiteral("S"),
                        QStringList{QStringLiteral("--permits"), QStringLiteral("0")} + wait0),
            2, "--permits must be from 1 to 1000 (one row per permit), not 0");
        row("S8 release --force on a semaphore",
            {QStringLiteral("release"), QStringLiteral("S"), QStringLiteral("--force")}, 2,
            "'S' is a semaphore with several holders; release one of them with --token TOKEN");
        row("R20 semaphore on another program's list",
            acquireArgs(QStringLiteral("Q"),
                        QStringList{QStringLiteral("--permits"), QStringLiteral("3")} + wait0),
            6, "The Redis key 'Q' is a list that LockScope did not write");
        row("R21 lease on another program's list", acquireArgs(QStringLiteral("Q"), wait0), 6,
            "The Redis key 'Q' is a list that LockScope did not write");
        row("R22 release of a token that holds nothing",
            {QStringLiteral("release"), QStringLiteral("R"), QStringLiteral("--token"),
             QStringLiteral("nobody")},
            4, "not released: the token holds nothing under 'R'");
    }
    void badInput() {
        LOCKSCOPE_FRESH_REDIS(params);
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QString url = TestRedis::urlFor(params);
        // S: a 3-permit semaphore, R: a reader-writer lease, L: a lease; all
        // held; Q: another program's list.
        std::unique_ptr<QProcess> s(LockctlProcess::start(
            url,
            acquireArgs(QStringLiteral("S"), {QStringLiteral("--permits"), QStringLiteral("3"),
                                              QStringLiteral("--hold"), QStringLiteral("60s")})));
        QVERIFY(!firstJsonLine(s.get()).isEmpty());
        std::unique_ptr<QProcess> r(LockctlProcess::start(
            url,
            acquireArgs(QStringLiteral("R"), {QStringLiteral("--read"), QStringLiteral("--hold"),
                                              QStringLiteral("60s")})));
        QVERIFY(!firstJsonLine(r.get()).isEmpty());
        std::unique_ptr<QProcess> l(LockctlProcess::start(
            url,
            acquireArgs(QStringLiteral("L"), {QStringLiteral("--hold"), QStringLiteral("60s")})));
        QVERIFY(!firstJsonLine(l.get()).isEmpty());
        TestRedis::cli(params, {QStringLiteral("RPUSH"), params.redisPrefix + QStringLiteral("Q"),
                                QStringLiteral("job")});
        const QString before = redisState(params);
        const auto result = LockctlProcess::run(url, args);
        QCOMPARE(result.exitCode, code);
        QVERIFY2(result.err.startsWith(QLatin1String("lockctl: ")), qPrintable(result.err));
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
        QCOMPARE(redisState(params), before);
        QCOMPARE(TestRedis::cli(params,
                                {QStringLiteral("LRANGE"), params.redisPrefix + QStringLiteral("Q"),
                                 QStringLiteral("0"), QStringLiteral("-1")}),
                 QStringLiteral("job"));
        for (QProcess *p : {s.get(), r.get(), l.get()})
            stop(p);
    }
};

QTEST_GUILESS_MAIN(TestCliRedisSemaphore)

#include "tst_cliredissemaphore.moc"
