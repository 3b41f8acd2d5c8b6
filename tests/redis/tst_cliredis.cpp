// lockctl on a real redis-server, as a user runs it: list, acquire, release,
// holders killed and stopped, and every bad connection input.
#include "support/lockctlprocess.h"
#include "support/testdb.h"
#include "support/testredis.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

#include <csignal>

#include <sys/types.h>

using namespace lockscope;
using test::LockctlProcess;
using test::TestRedis;

namespace {

QJsonObject firstJsonLine(QProcess *p) {
    QByteArray line;
    while (!line.endsWith('\n')) {
        if (!p->waitForReadyRead(30000))
            return {};
        line += p->readLine();
    }
    return QJsonDocument::fromJson(line).object();
}

QJsonObject findKey(const QJsonArray &array, const QString &key) {
    for (const QJsonValue &v : array) {
        if (v.toObject().value(QStringLiteral("lock_key")).toString() == key)
            return v.toObject();
    }
    return {};
}

void finish(QProcess *p) {
    if (p->state() != QProcess::NotRunning) {
        p->kill();
        p->waitForFinished(10000);
    }
    delete p;
}

} // namespace

class TestCliRedis final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Locks of other programs: a plain SET NX PX (owner and remaining time), a
    // key without TTL (no-expiry), a Redisson-style hash (its holder and count).
    void listsForeignLocks() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString url = TestRedis::urlFor(params);
        const QString p = params.redisPrefix;
        TestRedis::cli(params, {QStringLiteral("SET"), p + QStringLiteral("report"),
                                QStringLiteral("cron-7"), QStringLiteral("NX"),
                                QStringLiteral("PX"), QStringLiteral("60000")});
        TestRedis::cli(
            params, {QStringLiteral("SET"), p + QStringLiteral("forever"), QStringLiteral("w1")});
        TestRedis::cli(params, {QStringLiteral("HSET"), p + QStringLiteral("redisson"),
                                QStringLiteral("6f1c:42"), QStringLiteral("2")});
        auto held = LockctlProcess::start(url, {QStringLiteral("acquire"), QStringLiteral("mine"),
                                                QStringLiteral("--ttl"), QStringLiteral("30s")});
        // A failed check returns early: the holder must not outlive the test.
        auto cleanup = qScopeGuard([&] {
            if (held)
                finish(held);
        });
        const QJsonObject acquired = firstJsonLine(held);
        QVERIFY(!acquired.isEmpty());

        auto json = LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(rows.size(), 4);
        const QJsonObject report = findKey(rows, QStringLiteral("report"));
        QCOMPARE(report.value(QStringLiteral("owner_token")).toString(), QStringLiteral("cron-7"));
        QCOMPARE(report.value(QStringLiteral("state")).toString(), QStringLiteral("held"));
        const double remaining = report.value(QStringLiteral("remaining_s")).toDouble();
        QVERIFY2(remaining > 0 && remaining <= 60, qPrintable(QString::number(remaining)));
        QVERIFY(report.value(QStringLiteral("expires_at")).toDouble() > 1.7e9);
        QVERIFY(report.value(QStringLiteral("fence")).isNull());
        const QJsonObject forever = findKey(rows, QStringLiteral("forever"));
        QCOMPARE(forever.value(QStringLiteral("state")).toString(), QStringLiteral("no-expiry"));
        QVERIFY(forever.value(QStringLiteral("remaining_s")).isNull());
        const QJsonObject redisson = findKey(rows, QStringLiteral("redisson"));
        QCOMPARE(redisson.value(QStringLiteral("state")).toString(), QStringLiteral("hash"));
        QCOMPARE(redisson.value(QStringLiteral("holder")).toString(), QStringLiteral("6f1c:42"));
        QCOMPARE(redisson.value(QStringLiteral("hold_count")).toInt(), 2);
        const QJsonObject mine = findKey(rows, QStringLiteral("mine"));
        QCOMPARE(mine.value(QStringLiteral("owner_token")).toString(),
                 acquired.value(QStringLiteral("owner_token")).toString());
        QCOMPARE(mine.value(QStringLiteral("fence")).toInt(),
                 acquired.value(QStringLiteral("fence")).toInt());

        auto text = LockctlProcess::run(url, {QStringLiteral("list")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("no-expiry")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("cron-7")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("1 without expiry")), qPrintable(text.out));

        auto matched = LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json"),
                                                 QStringLiteral("--match"), QStringLiteral("re*")});
        const QJsonArray some = QJsonDocument::fromJson(matched.out.toUtf8()).array();
        QCOMPARE(some.size(), 2); // report, redisson
        // A live foreign lock is not taken.
        auto blocked =
            LockctlProcess::run(url, {QStringLiteral("acquire"), QStringLiteral("report"),
                                      QStringLiteral("--wait"), QStringLiteral("300ms")});
        QCOMPARE(blocked.exitCode, 3);
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("GET"), p + QStringLiteral("report")}),
                 QStringLiteral("cron-7"));
        // A key without TTL never frees itself: named at once, not waited for.
        auto stuck = LockctlProcess::run(url, {QStringLiteral("acquire"), QStringLiteral("forever"),
                                               QStringLiteral("--wait"), QStringLiteral("60s")});
        QCOMPARE(stuck.exitCode, 1);
        QVERIFY2(stuck.err.contains(QStringLiteral("no TTL")), qPrintable(stuck.err));
        ::kill(static_cast<pid_t>(held->processId()), SIGTERM);
        QVERIFY(held->waitForFinished(30000));
        QCOMPARE(held->exitCode(), 0);
    }

    void releaseByTokenAndForce() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString url = TestRedis::urlFor(params);
        const QString key = params.redisPrefix + QStringLiteral("job");
        TestRedis::cli(params, {QStringLiteral("SET"), key, QStringLiteral("tok-1"),
                                QStringLiteral("PX"), QStringLiteral("60000")});
        auto wrong = LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("job"),
                                               QStringLiteral("--token"), QStringLiteral("tok-0")});
        QCOMPARE(wrong.exitCode, 4);
        QVERIFY2(wrong.err.contains(QStringLiteral("changed since you looked")),
                 qPrintable(wrong.err));
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("GET"), key}), QStringLiteral("tok-1"));
        auto right = LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("job"),
                                               QStringLiteral("--token"), QStringLiteral("tok-1")});
        QCOMPARE(right.exitCode, 0);
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("EXISTS"), key}), QStringLiteral("0"));
        auto absent =
            LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("job"),
                                      QStringLiteral("--token"), QStringLiteral("tok-1")});
        QCOMPARE(absent.exitCode, 4);
        TestRedis::cli(params, {QStringLiteral("SET"), key, QStringLiteral("stuck")});
        auto forced = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("--force"), QStringLiteral("job")});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY2(forced.out.contains(QStringLiteral("stuck")), qPrintable(forced.out));
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("EXISTS"), key}), QStringLiteral("0"));
        // Another type is not a lease: refused, left alone.
        TestRedis::cli(params,
                       {QStringLiteral("HSET"), key, QStringLiteral("a"), QStringLiteral("1")});
        auto hash = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("--force"), QStringLiteral("job")});
        QCOMPARE(hash.exitCode, 2);
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("EXISTS"), key}), QStringLiteral("1"));
    }

    // kill -9 of a holder: nobody gets the key before its TTL ran out, and a
    // waiter gets it after.
    void killedHolderIsTakenOverAfterTheTtl() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString url = TestRedis::urlFor(params);
        auto holder = LockctlProcess::start(url, {QStringLiteral("acquire"), QStringLiteral("k9"),
                                                  QStringLiteral("--ttl"), QStringLiteral("3s"),
                                                  QStringLiteral("--heartbeat")});
        const QJsonObject first = firstJsonLine(holder);
        QVERIFY(!first.isEmpty());
        QTest::qWait(1500); // renewed by its heartbeat at least once
        ::kill(static_cast<pid_t>(holder->processId()), SIGKILL);
        QVERIFY(holder->waitForFinished(10000));
        finish(holder);
        const qint64 pttl = TestRedis::cli(params, {QStringLiteral("PTTL"),
                                                    params.redisPrefix + QStringLiteral("k9")})
                                .toLongLong();
        QVERIFY2(pttl > 0, qPrintable(QString::number(pttl)));
        QElapsedTimer timer;
        timer.start();
        auto now = LockctlProcess::run(url, {QStringLiteral("acquire"), QStringLiteral("k9"),
                                             QStringLiteral("--wait"), QStringLiteral("0")});
        QCOMPARE(now.exitCode, 3); // still held by the dead process
        auto waited = LockctlProcess::run(url, {QStringLiteral("acquire"), QStringLiteral("k9"),
                                                QStringLiteral("--wait"), QStringLiteral("30s"),
                                                QStringLiteral("--hold"), QStringLiteral("0")});
        QCOMPARE(waited.exitCode, 0);
        QVERIFY2(timer.elapsed() >= pttl - 50,
                 qPrintable(QStringLiteral("%1 ms < PTTL %2 ms").arg(timer.elapsed()).arg(pttl)));
        const QJsonObject second =
            QJsonDocument::fromJson(waited.out.section(QLatin1Char('\n'), 0, 0).toUtf8()).object();
        QVERIFY(second.value(QStringLiteral("fence")).toInt() >
                first.value(QStringLiteral("fence")).toInt());
    }

    // SIGSTOP a holder past its TTL: another process takes the key and writes
    // with its fence; the stopped one, continued, reports the loss and writes
    // nothing.
    void stoppedHolderLearnsItLostTheLease() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString url = TestRedis::urlFor(params);
        auto holder = LockctlProcess::start(
            url, {QStringLiteral("acquire"), QStringLiteral("stop"), QStringLiteral("--ttl"),
                  QStringLiteral("1500ms"), QStringLiteral("--heartbeat"), QStringLiteral("--hold"),
                  QStringLiteral("3s"), QStringLiteral("--fenced-write"), QStringLiteral("res")});
        const QJsonObject first = firstJsonLine(holder);
        QVERIFY(!first.isEmpty());
        ::kill(static_cast<pid_t>(holder->processId()), SIGSTOP);
        auto other = LockctlProcess::run(
            url, {QStringLiteral("acquire"), QStringLiteral("stop"), QStringLiteral("--wait"),
                  QStringLiteral("30s"), QStringLiteral("--hold"), QStringLiteral("0"),
                  QStringLiteral("--fenced-write"), QStringLiteral("res")});
        QCOMPARE(other.exitCode, 0);
        QVERIFY2(other.out.contains(QStringLiteral("\"accepted\":true")), qPrintable(other.out));
        ::kill(static_cast<pid_t>(holder->processId()), SIGCONT);
        QVERIFY(holder->waitForFinished(30000));
        const QString out = QString::fromUtf8(holder->readAllStandardOutput());
        QCOMPARE(holder->exitCode(), 4);
        QVERIFY2(out.contains(QStringLiteral("\"event\":\"lost\"")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("fenced-write")), qPrintable(out));
        delete holder;
    }

    void badConnectionInput_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("wrong password")
            << QStringLiteral("password") << 1 << QStringLiteral("REDISCLI_AUTH");
        QTest::newRow("wrong database index")
            << QStringLiteral("db") << 1 << QStringLiteral("no database 77");
        QTest::newRow("closed port")
            << QStringLiteral("port") << 1 << QStringLiteral("connection refused");
        QTest::newRow("wrong CA") << QStringLiteral("ca") << 1
                                  << QStringLiteral("certificate was not accepted");
        QTest::newRow("bad URL") << QStringLiteral("url") << 2
                                 << QStringLiteral("Invalid Redis URL");
        QTest::newRow("SQL-only command")
            << QStringLiteral("sweep") << 1 << QStringLiteral("not on Redis");
    }
    void badConnectionInput() {
        QFETCH(QString, kind);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        LOCKSCOPE_FRESH_REDIS(params);
        ConnectionParams p = params;
        QString url;
        QStringList args{QStringLiteral("list")};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString secret = env.value(QStringLiteral("REDISCLI_AUTH"));
        if (kind == QLatin1String("password")) {
            env.insert(QStringLiteral("REDISCLI_AUTH"), QStringLiteral("not-the-password-x1"));
        } else if (kind == QLatin1String("db")) {
            p.redisDb = 77;
        } else if (kind == QLatin1String("port")) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            p.port = probe.serverPort();
        } else if (kind == QLatin1String("ca")) {
            QString why;
            auto tls = TestRedis::freshTls(&why);
            if (!tls)
                LOCKSCOPE_SKIP_OR_FAIL(why);
            p = *tls;
            p.sslrootcert = qEnvironmentVariable("LOCKSCOPE_TEST_REDIS_WRONG_CA");
        } else if (kind == QLatin1String("url")) {
            url = QStringLiteral("redis://127.0.0.1:1/first");
        } else if (kind == QLatin1String("sweep")) {
            args = {QStringLiteral("sweep")};
        }
        if (url.isEmpty())
            url = TestRedis::urlFor(p);
        QProcess proc;
        proc.setProcessEnvironment(env);
        proc.start(LockctlProcess::path(), QStringList{QStringLiteral("--db"), url} + args);
        QVERIFY(proc.waitForFinished(30000));
        const QString err = QString::fromUtf8(proc.readAllStandardError());
        QCOMPARE(proc.exitCode(), exitCode);
        QVERIFY2(err.contains(says), qPrintable(err));
        QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one line
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!err.contains(secret), qPrintable(err));
        QVERIFY(!err.contains(QStringLiteral("not-the-password-x1")));
    }

    // A password typed into a redis:// URL does not stay visible in `ps`.
    void passwordInUrlIsBlankedFromArgv() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString secret = qEnvironmentVariable("REDISCLI_AUTH");
        QString url = TestRedis::urlFor(params);
        url.replace(QStringLiteral("redis://%1@").arg(params.user),
                    QStringLiteral("redis://%1:%2@").arg(params.user, secret));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("REDISCLI_AUTH")); // only the URL has it
        QProcess holder;
        holder.setProcessEnvironment(env);
        holder.start(LockctlProcess::path(),
                     {QStringLiteral("--db"), url, QStringLiteral("acquire"), QStringLiteral("ps"),
                      QStringLiteral("--hold"), QStringLiteral("20s")});
        const QJsonObject acquired = firstJsonLine(&holder);
        QVERIFY2(!acquired.isEmpty(), qPrintable(QString::fromUtf8(holder.readAllStandardError())));
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(holder.processId()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QByteArray shown = cmdline.readAll();
        QVERIFY(shown.contains("acquire"));
        QVERIFY2(!shown.contains(secret.toUtf8()), shown.constData());
        ::kill(static_cast<pid_t>(holder.processId()), SIGTERM);
        QVERIFY(holder.waitForFinished(30000));
        QCOMPARE(holder.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliRedis)
#include "tst_cliredis.moc"
