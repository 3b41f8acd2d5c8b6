// The Redis client (core/redis) against a real redis-server: URLs, login,
// database index, TLS, pipelining, reconnect, and a one-line error for each
// way a connection goes wrong.
#include "db/connectionparams.h"
#include "redis/redisconnection.h"
#include "support/testdb.h"
#include "support/testredis.h"

#include <QTcpServer>
#include <QTest>

using namespace lockscope;
using test::TestRedis;

namespace {

void checkOneLine(const QString &message, const QString &secret = QString()) {
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    if (!secret.isEmpty())
        QVERIFY2(!message.contains(secret), qPrintable(message));
}

} // namespace

class TestRedisClient final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesUrls() {
        auto p = ConnectionParams::fromUrl(
            QStringLiteral("redis://app@cache.example:6380/3?prefix=locks:&connect_timeout=2"));
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QVERIFY(p->isRedis());
        QVERIFY(!p->redisTls);
        QCOMPARE(p->host, QStringLiteral("cache.example"));
        QCOMPARE(p->port, 6380);
        QCOMPARE(p->user, QStringLiteral("app"));
        QCOMPARE(p->redisDb, 3);
        QCOMPARE(p->redisPrefix, QStringLiteral("locks:"));
        QCOMPARE(p->connectTimeoutS, 2);
        auto tls = ConnectionParams::fromUrl(
            QStringLiteral("rediss://:s3cret@localhost/0?sslrootcert=/etc/ca.crt"));
        QVERIFY(tls.ok());
        QVERIFY(tls->redisTls);
        QCOMPARE(tls->port, 6379);
        QCOMPARE(tls->password, QStringLiteral("s3cret"));
        QCOMPARE(tls->sslrootcert, QStringLiteral("/etc/ca.crt"));
        QVERIFY(!tls->displayUrl().contains(QStringLiteral("s3cret")));
        QVERIFY(tls->displayUrl().startsWith(QStringLiteral("rediss://localhost:6379/0")));
        // match: which keys a listing reads; kept through the displayed URL.
        auto matching = ConnectionParams::fromUrl(QStringLiteral("redis://h:1/0?match=lock:*"));
        QVERIFY(matching.ok());
        QCOMPARE(matching->redisMatch, QStringLiteral("lock:*"));
        auto again = ConnectionParams::fromUrl(matching->displayUrl());
        QVERIFY(again.ok());
        QCOMPARE(again->redisMatch, QStringLiteral("lock:*"));
    }

    void refusesBadUrls_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("db not a number")
            << QStringLiteral("redis://h:1/zero") << QStringLiteral("database must be a number");
        QTest::newRow("negative db")
            << QStringLiteral("redis://h:1/-1") << QStringLiteral("database must be a number");
        QTest::newRow("sslrootcert on plain")
            << QStringLiteral("redis://h:1/0?sslrootcert=/ca") << QStringLiteral("rediss://");
        QTest::newRow("unknown parameter")
            << QStringLiteral("redis://h:1/0?sslmode=require") << QStringLiteral("'sslmode'");
        QTest::newRow("empty match")
            << QStringLiteral("redis://h:1/0?match=") << QStringLiteral("match is empty");
        QTest::newRow("no host") << QStringLiteral("redis:///0") << QStringLiteral("no host");
        QTest::newRow("port zero") << QStringLiteral("redis://h:0/0") << QStringLiteral("port");
    }
    void refusesBadUrls() {
        QFETCH(QString, url);
        QFETCH(QString, says);
        auto p = ConnectionParams::fromUrl(url);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().kind, ErrorKind::InvalidArgument);
        QVERIFY2(p.error().message.contains(says), qPrintable(p.error().message));
        checkOneLine(p.error().message);
    }

    void commandsAndBinarySafeValues() {
        LOCKSCOPE_FRESH_REDIS(params);
        RedisConnection c(params);
        const QByteArray key = params.redisPrefix.toUtf8() + QByteArray("bin\r\n\0key", 10);
        const QByteArray value("a\0b\r\n$3\r\n", 10);
        auto set = c.command({"SET", key, value});
        QVERIFY(set.ok());
        QCOMPARE(set->str, QByteArray("OK"));
        auto get = c.command({"GET", key});
        QVERIFY(get.ok());
        QVERIFY(get->isString());
        QCOMPARE(get->str, value);
        auto wrong = c.command({"NOSUCHCOMMAND"});
        QVERIFY(wrong.ok()); // an error reply is a reply
        QVERIFY(wrong->isError());
        QVERIFY(c.command({"DEL", key}).ok());
    }

    // Many commands in one write; the replies come back in order.
    void pipelines() {
        LOCKSCOPE_FRESH_REDIS(params);
        RedisConnection c(params);
        QList<RedisConnection::Command> commands;
        const QByteArray counter = params.redisPrefix.toUtf8() + "counter";
        for (int i = 0; i < 5000; ++i)
            commands.append({"INCR", counter});
        auto replies = c.pipeline(commands);
        QVERIFY(replies.ok());
        QCOMPARE(replies->size(), 5000);
        for (int i = 0; i < 5000; ++i)
            QCOMPARE(replies->at(i).integer, i + 1);
        QVERIFY(c.command({"DEL", counter}).ok());
    }

    void selectsTheDatabase() {
        LOCKSCOPE_FRESH_REDIS(base);
        ConnectionParams db5 = base;
        db5.redisDb = 5;
        RedisConnection five(db5);
        RedisConnection zero(base);
        const QByteArray key = base.redisPrefix.toUtf8() + "where";
        QVERIFY(five.command({"SET", key, "five"}).ok());
        auto inZero = zero.command({"GET", key});
        QVERIFY(inZero.ok());
        QVERIFY(inZero->isNil());
        QCOMPARE(TestRedis::cli(db5, {QStringLiteral("GET"), QString::fromUtf8(key)}),
                 QStringLiteral("five"));
        QVERIFY(five.command({"DEL", key}).ok());
    }

    // The server cut the connection (CLIENT KILL, a restart): the command that
    // meets the cut fails as Connection, and the next one reconnects.
    void reconnectsAfterACut() {
        LOCKSCOPE_FRESH_REDIS(params);
        RedisConnection c(params);
        auto id = c.command({"CLIENT", "ID"});
        QVERIFY(id.ok());
        RedisConnection killer(params);
        auto killed = killer.command({"CLIENT", "KILL", "ID", QByteArray::number(id->integer)});
        QVERIFY(killed.ok());
        QCOMPARE(killed->integer, 1);
        auto cut = c.command({"PING"});
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().kind, ErrorKind::Connection);
        checkOneLine(cut.error().message);
        auto again = c.command({"PING"});
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QCOMPARE(again->str, QByteArray("PONG"));
    }

    void wrongPassword() {
        LOCKSCOPE_FRESH_REDIS(good);
        ConnectionParams params = good;
        params.password = QStringLiteral("definitely-not-it-7f3a");
        RedisConnection c(params);
        auto r = c.command({"PING"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Authentication);
        QVERIFY2(r.error().message.contains(QStringLiteral("REDISCLI_AUTH")),
                 qPrintable(r.error().message));
        checkOneLine(r.error().message, params.password);
        checkOneLine(r.error().message, qEnvironmentVariable("REDISCLI_AUTH"));
    }

    void noPassword() {
        LOCKSCOPE_FRESH_REDIS(good);
        const QByteArray saved = qgetenv("REDISCLI_AUTH");
        qunsetenv("REDISCLI_AUTH");
        RedisConnection c(good);
        auto r = c.command({"PING"});
        qputenv("REDISCLI_AUTH", saved);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Authentication);
        QVERIFY2(r.error().message.contains(QStringLiteral("requires a password")),
                 qPrintable(r.error().message));
    }

    void wrongDatabaseIndex() {
        LOCKSCOPE_FRESH_REDIS(good);
        ConnectionParams params = good;
        params.redisDb = 4242;
        RedisConnection c(params);
        auto r = c.command({"PING"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::DatabaseMissing);
        QVERIFY2(r.error().message.contains(QStringLiteral("no database 4242")),
                 qPrintable(r.error().message));
        checkOneLine(r.error().message, qEnvironmentVariable("REDISCLI_AUTH"));
    }

    void closedPort() {
        LOCKSCOPE_FRESH_REDIS(good);
        QTcpServer probe; // a port that was free a moment ago and is closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        ConnectionParams params = good;
        params.port = probe.serverPort();
        probe.close();
        RedisConnection c(params);
        auto r = c.command({"PING"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Connection);
        QVERIFY2(r.error().message.contains(QStringLiteral("connection refused")),
                 qPrintable(r.error().message));
        checkOneLine(r.error().message);
    }

    void tlsWithTheRightCa() {
        QString why;
        const auto params = TestRedis::freshTls(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        RedisConnection c(*params);
        auto r = c.command({"PING"});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->str, QByteArray("PONG"));
    }

    void tlsWithTheWrongCa() {
        QString why;
        auto params = TestRedis::freshTls(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        params->sslrootcert = qEnvironmentVariable("LOCKSCOPE_TEST_REDIS_WRONG_CA");
        RedisConnection c(*params);
        auto r = c.command({"PING"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Connection);
        QVERIFY2(r.error().message.contains(QStringLiteral("certificate was not accepted")),
                 qPrintable(r.error().message));
        checkOneLine(r.error().message);
    }

    // redis:// against the TLS port: the server waits for a handshake that
    // never comes; the connect timeout ends it with a hint.
    void plainUrlOnTheTlsPort() {
        QString why;
        auto params = TestRedis::freshTls(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        params->redisTls = false;
        params->sslrootcert.clear();
        params->connectTimeoutS = 1;
        RedisConnection c(*params);
        auto r = c.command({"PING"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Connection);
        QVERIFY2(r.error().message.startsWith(QStringLiteral("Cannot connect to Redis at")) &&
                     r.error().message.contains(QStringLiteral("use rediss://")),
                 qPrintable(r.error().message));
        checkOneLine(r.error().message);
    }
};

QTEST_GUILESS_MAIN(TestRedisClient)
#include "tst_redisclient.moc"
