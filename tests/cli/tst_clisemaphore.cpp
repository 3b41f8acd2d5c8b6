// lockctl with semaphores and reader-writer leases (issue 15), on real
// databases: acquire --permits / --read / --write (JSON), list (text and
// JSON), release of one holder by its token, and the bad-input rows of
// docs/bad-input.md (mixed kinds, N = 0, negative, huge or other N), each with
// its exit code and no change to the tables.
#include "db/database.h"
#include "lease/sharedlockqueries.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <memory>

using namespace lockscope;
using lockscope::test::LockctlProcess;

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

// Every semaphore and reader-writer row, to compare before and after a bad call.
QString sharedState(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("state"));
    auto snap = SharedLockQueries::snapshot(conn.db(), p);
    if (!snap.ok())
        return snap.error().message;
    QStringList rows;
    for (const SharedKeyRow &k : std::as_const(snap->keys)) {
        rows << QStringLiteral("%1|%2|%3").arg(k.key, k.kind).arg(k.permits);
        for (const SharedHolderRow &h : k.holders)
            rows << QStringLiteral("  %1|%2|%3|%4")
                        .arg(h.role)
                        .arg(h.slot)
                        .arg(h.token)
                        .arg(h.expiresAt);
    }
    // aggregate_locks too: the leases and the keys' claims (migration 0009).
    QSqlQuery q(conn.db());
    if (!q.exec(QStringLiteral("SELECT lock_key, owner_token FROM aggregate_locks ORDER BY 1")))
        return q.lastError().text();
    while (q.next())
        rows << QStringLiteral("lease %1|%2").arg(q.value(0).toString(), q.value(1).toString());
    return rows.join(QLatin1Char('\n'));
}

QStringList acquireArgs(const QString &key, const QStringList &extra) {
    return QStringList{QStringLiteral("acquire"), key} + extra;
}

} // namespace

class TestCliSemaphore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void semaphoreAcquireListRelease_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void semaphoreAcquireListRelease() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        const QStringList hold{QStringLiteral("--permits"), QStringLiteral("2"),
                               QStringLiteral("--hold"), QStringLiteral("60s")};
        std::unique_ptr<QProcess> first(
            LockctlProcess::start(url, acquireArgs(QStringLiteral("S"), hold)));
        const QJsonObject a = firstJsonLine(first.get());
        QCOMPARE(a.value(QStringLiteral("kind")).toString(), QStringLiteral("semaphore"));
        QCOMPARE(a.value(QStringLiteral("permits")).toInt(), 2);
        QVERIFY(a.value(QStringLiteral("slot")).toInt() >= 0);
        QVERIFY(a.value(QStringLiteral("fence")).toInteger() > 0);
        std::unique_ptr<QProcess> second(
            LockctlProcess::start(url, acquireArgs(QStringLiteral("S"), hold)));
        const QJsonObject b = firstJsonLine(second.get());
        QCOMPARE(b.value(QStringLiteral("kind")).toString(), QStringLiteral("semaphore"));
        QVERIFY(b.value(QStringLiteral("slot")).toInt() != a.value(QStringLiteral("slot")).toInt());
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
        const auto json =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray all = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(all.size(), 1);
        const QJsonObject s = all.first().toObject();
        QCOMPARE(s.value(QStringLiteral("kind")).toString(), QStringLiteral("semaphore"));
        QCOMPARE(s.value(QStringLiteral("held")).toInt(), 2);
        QCOMPARE(s.value(QStringLiteral("permits")).toInt(), 2);
        QCOMPARE(s.value(QStringLiteral("holders")).toArray().size(), 2);

        // An operator releases one holder by its token; --force alone names nobody.
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
        const auto again = LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("S"),
                                                     QStringLiteral("--token"), token});
        QCOMPARE(again.exitCode, 4);
        const auto after = LockctlProcess::run(url, {QStringLiteral("list")});
        QVERIFY2(after.out.contains(QLatin1String("1/2 held")), qPrintable(after.out));

        // The holder whose permit was released finds it gone at its own release: exit 4.
        ::kill(static_cast<pid_t>(first->processId()), SIGTERM);
        QVERIFY(first->waitForFinished(20000));
        QCOMPARE(first->exitCode(), 4);
        ::kill(static_cast<pid_t>(second->processId()), SIGTERM);
        QVERIFY(second->waitForFinished(20000));
        QCOMPARE(second->exitCode(), 0);
        const auto empty = LockctlProcess::run(url, {QStringLiteral("list")});
        QVERIFY2(empty.out.contains(QLatin1String("0/2 held")), qPrintable(empty.out));

        // Kinds expire: the sweep drops the idle key's kind, and S is free for
        // any kind (here a 3-permit semaphore).
        const auto dry = LockctlProcess::run(
            url, {QStringLiteral("sweep"), QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(dry.out.toUtf8())
                     .object()
                     .value(QStringLiteral("idle_kinds_would_drop"))
                     .toInt(),
                 1);
        const auto swept = LockctlProcess::run(url, {QStringLiteral("sweep")});
        QCOMPARE(swept.exitCode, 0);
        QVERIFY2(swept.out.contains(QLatin1String(
                     "dropped the kind of 1 idle semaphore or reader-writer key (no live holder "
                     "or waiter): usable as any kind again.")),
                 qPrintable(swept.out));
        const auto gone = LockctlProcess::run(url, {QStringLiteral("list")});
        QVERIFY2(!gone.out.contains(QLatin1String("S  semaphore")), qPrintable(gone.out));
        const auto three = LockctlProcess::run(
            url,
            acquireArgs(QStringLiteral("S"),
                        {QStringLiteral("--permits"), QStringLiteral("3"), QStringLiteral("--wait"),
                         QStringLiteral("0"), QStringLiteral("--hold"), QStringLiteral("10ms")}));
        QVERIFY2(three.exitCode == 0, qPrintable(three.err));
    }

    void readersWriterAndWaitingWriter_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void readersWriterAndWaitingWriter() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
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
        ::kill(static_cast<pid_t>(r1->processId()), SIGTERM);
        ::kill(static_cast<pid_t>(r2->processId()), SIGTERM);
        QVERIFY(r1->waitForFinished(20000));
        QVERIFY(r2->waitForFinished(20000));
        QVERIFY(writer->waitForFinished(30000));
        QCOMPARE(writer->exitCode(), 0);
        const QJsonObject w =
            QJsonDocument::fromJson(writer->readAllStandardOutput().split('\n').first()).object();
        QCOMPARE(w.value(QStringLiteral("mode")).toString(), QStringLiteral("write"));
        QVERIFY(w.value(QStringLiteral("fence")).toInteger() >
                a.value(QStringLiteral("fence")).toInteger());
    }

    // lockctl load --mode semaphore: the probe's most-inside never exceeds the
    // permits; the counting control (--admit-by-counting) does.
    void loadSemaphore_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("counting");
        QTest::newRow("sqlite") << QStringLiteral("sqlite") << false;
        QTest::newRow("postgres") << QStringLiteral("postgres") << false;
        QTest::newRow("sqlite-counting") << QStringLiteral("sqlite") << true;
        QTest::newRow("postgres-counting") << QStringLiteral("postgres") << true;
    }
    void loadSemaphore() {
        LOCKSCOPE_FRESH_DB(params);
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
        const auto r = LockctlProcess::run(test::TestDb::urlFor(params), args, 120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("semaphore"));
        QCOMPARE(o.value(QStringLiteral("permits")).toInt(), 2);
        const int most = o.value(QStringLiteral("max_inside")).toInt();
        qInfo("%s: at most %d inside a 2-permit semaphore, %lld acquisitions",
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
    }

    // lockctl load --mode rw: no overlap, and both sides' waits reported; the
    // control (--no-lock) overlaps, and exits 0 too.
    void loadReadersWriters_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("noLock");
        QTest::newRow("sqlite") << QStringLiteral("sqlite") << false;
        QTest::newRow("postgres") << QStringLiteral("postgres") << false;
        QTest::newRow("sqlite-no-lock") << QStringLiteral("sqlite") << true;
        QTest::newRow("postgres-no-lock") << QStringLiteral("postgres") << true;
    }
    void loadReadersWriters() {
        LOCKSCOPE_FRESH_DB(params);
        QFETCH(bool, noLock);
        QStringList args{
            QStringLiteral("load"),      QStringLiteral("--mode"),      QStringLiteral("rw"),
            QStringLiteral("--readers"), QStringLiteral("4"),           QStringLiteral("--writers"),
            QStringLiteral("1"),         QStringLiteral("--processes"), QStringLiteral("1"),
            QStringLiteral("--keys"),    QStringLiteral("1"),           QStringLiteral("--hold"),
            QStringLiteral("5ms"),       QStringLiteral("--duration"),  QStringLiteral("4s"),
            QStringLiteral("--wait"),    QStringLiteral("60s"),         QStringLiteral("--json")};
        if (noLock)
            args << QStringLiteral("--no-lock");
        const auto r = LockctlProcess::run(test::TestDb::urlFor(params), args, 120000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("rw"));
        const qint64 overlaps = o.value(QStringLiteral("overlaps")).toInteger();
        if (noLock) {
            qInfo("rw control without a lock: %lld overlaps", static_cast<long long>(overlaps));
            QVERIFY(overlaps > 0);
            QCOMPARE(o.value(QStringLiteral("violations")).toInteger(), overlaps);
            return;
        }
        QCOMPARE(overlaps, 0);
        const QJsonObject reads = o.value(QStringLiteral("read_wait_ms")).toObject();
        const QJsonObject writes = o.value(QStringLiteral("write_wait_ms")).toObject();
        QVERIFY(reads.value(QStringLiteral("count")).toInteger() > 0);
        QVERIFY(writes.value(QStringLiteral("count")).toInteger() > 0);
        qInfo("rw load: reader wait p50 %.1f p99 %.1f max %.1f ms; writer wait p50 %.1f p99 %.1f "
              "max %.1f ms",
              reads.value(QStringLiteral("p50")).toDouble(),
              reads.value(QStringLiteral("p99")).toDouble(),
              reads.value(QStringLiteral("max")).toDouble(),
              writes.value(QStringLiteral("p50")).toDouble(),
              writes.value(QStringLiteral("p99")).toDouble(),
              writes.value(QStringLiteral("max")).toDouble());
    }

    // docs/bad-input.md rows S1-S8.
    void badInput_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QStringList wait0{QStringLiteral("--wait"), QStringLiteral("0"),
                                QStringLiteral("--hold"), QStringLiteral("0")};
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            auto row = [&](const char *name, const QStringList &args, int code,
                           const char *message) {
                QTest::newRow(qPrintable(backend + QLatin1Char(' ') + QLatin1String(name)))
                    << backend << args << code << QString::fromUtf8(message);
            };
            row("S1 permits 0",
                acquireArgs(QStringLiteral("S"),
                            QStringList{QStringLiteral("--permits"), QStringLiteral("0")} + wait0),
                2, "--permits must be from 1 to 1000 (one row per permit), not 0");
            row("S2 negative permits",
                acquireArgs(QStringLiteral("S"),
                            QStringList{QStringLiteral("--permits=-3")} + wait0),
                2, "--permits must be from 1 to 1000 (one row per permit), not -3");
            row("S3 huge permits",
                acquireArgs(QStringLiteral("S"), QStringList{QStringLiteral("--permits"),
                                                             QStringLiteral("99999999999")} +
                                                     wait0),
                2, "--permits must be from 1 to 1000 (one row per permit), not 99999999999");
            row("S4 non-numeric permits",
                acquireArgs(QStringLiteral("S"),
                            QStringList{QStringLiteral("--permits"), QStringLiteral("three")} +
                                wait0),
                2, "--permits must be a whole number from 1 to 1000, not 'three'");
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
            row("S7 read and write",
                acquireArgs(QStringLiteral("R"),
                            QStringList{QStringLiteral("--read"), QStringLiteral("--write")} +
                                wait0),
                2, "give at most one of --permits N, --read and --write");
            row("S8 release --force on a semaphore",
                {QStringLiteral("release"), QStringLiteral("S"), QStringLiteral("--force")}, 2,
                "'S' is a semaphore with several holders; release one of them with --token TOKEN");
            row("S9 release of the key's claim",
                {QStringLiteral("release"), QStringLiteral("S"), QStringLiteral("--token"),
                 QStringLiteral("lockscope:semaphore")},
                4, "not released: the token holds nothing under 'S'");
        }
    }
    void badInput() {
        LOCKSCOPE_FRESH_DB(params);
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QString url = test::TestDb::urlFor(params);
        // S: a 3-permit semaphore, R: a reader-writer lease, L: a lease; all held.
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
        const QString before = sharedState(params);
        const auto result = LockctlProcess::run(url, args);
        QCOMPARE(result.exitCode, code);
        QVERIFY2(result.err.startsWith(QLatin1String("lockctl: ")), qPrintable(result.err));
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
        QCOMPARE(sharedState(params), before);
        for (QProcess *p : {s.get(), r.get(), l.get()}) {
            ::kill(static_cast<pid_t>(p->processId()), SIGTERM);
            QVERIFY(p->waitForFinished(20000));
            QCOMPARE(p->exitCode(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliSemaphore)

#include "tst_clisemaphore.moc"
