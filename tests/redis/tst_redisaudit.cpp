// The audit of admin actions on Redis (a capped stream per lock namespace) and
// an ACL user without the permissions, on a real redis-server: lockctl records
// every release it is asked for, `lockctl audit` shows them, the stream stays
// capped, and a user refused EVALSHA gets one clear line and exit 5.
#include "admin/redisauditlog.h"
#include "admin/redisprivileges.h"
#include "redis/redisconnection.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"
#include "support/testredis.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lockscope;
using test::LockctlProcess;
using test::TestRedis;

namespace {

// An ACL user with the harness user's password (as its SHA-256, so the
// password is on no command line), allowed only `rules`.
ConnectionParams aclUser(const ConnectionParams &base, const QString &name,
                         const QStringList &rules) {
    const QByteArray hash =
        QCryptographicHash::hash(qgetenv("REDISCLI_AUTH"), QCryptographicHash::Sha256).toHex();
    TestRedis::cli(base, QStringList{QStringLiteral("ACL"), QStringLiteral("SETUSER"), name,
                                     QStringLiteral("reset"), QStringLiteral("on"),
                                     QStringLiteral("#") + QString::fromLatin1(hash)} +
                             rules);
    ConnectionParams p = base;
    p.user = name;
    return p;
}

const QStringList kReadOnlyRules{QStringLiteral("~*"),      QStringLiteral("&*"),
                                 QStringLiteral("+@read"),  QStringLiteral("+@connection"),
                                 QStringLiteral("+select"), QStringLiteral("+time")};

} // namespace

class TestRedisAudit final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void releasesAreAudited() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString url = TestRedis::urlFor(params);
        const QString key = params.redisPrefix + QStringLiteral("job");
        TestRedis::cli(params, {QStringLiteral("SET"), key, QStringLiteral("tok-1"),
                                QStringLiteral("PX"), QStringLiteral("60000")});
        QCOMPARE(LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("job"),
                                           QStringLiteral("--token"), QStringLiteral("tok-0")})
                     .exitCode,
                 4);
        auto forced = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("--force"), QStringLiteral("job")});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY2(!forced.err.contains(QStringLiteral("warning")), qPrintable(forced.err));

        auto audit = LockctlProcess::run(url, {QStringLiteral("audit"), QStringLiteral("--json")});
        QCOMPARE(audit.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(audit.out.toUtf8()).array();
        QCOMPARE(entries.size(), 2); // oldest first
        const QJsonObject changed = entries.at(0).toObject();
        QCOMPARE(changed.value(QStringLiteral("action")).toString(),
                 QStringLiteral("force-release"));
        QCOMPARE(changed.value(QStringLiteral("target")).toString(), QStringLiteral("job"));
        QCOMPARE(changed.value(QStringLiteral("previous_token")).toString(),
                 QStringLiteral("tok-0"));
        QCOMPARE(changed.value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("changed since shown; not released"));
        const QJsonObject released = entries.at(1).toObject();
        QCOMPARE(released.value(QStringLiteral("outcome")).toString(), QStringLiteral("released"));
        QCOMPARE(released.value(QStringLiteral("previous_token")).toString(),
                 QStringLiteral("tok-1"));
        QCOMPARE(released.value(QStringLiteral("tool")).toString(), QStringLiteral("lockctl"));
        QCOMPARE(released.value(QStringLiteral("db_user")).toString(), params.user);
        // The server's clock, in epoch seconds.
        QVERIFY(released.value(QStringLiteral("at")).toDouble() > 1.7e9);

        // Filters: the target glob and the time.
        auto none = LockctlProcess::run(
            url, {QStringLiteral("audit"), QStringLiteral("--target"), QStringLiteral("other*")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains(QStringLiteral("No admin actions match")), qPrintable(none.out));
        auto recent = LockctlProcess::run(url, {QStringLiteral("audit"), QStringLiteral("--since"),
                                                QStringLiteral("10m"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(recent.out.toUtf8()).array().size(), 2);
        // Another namespace (prefix) has a stream of its own.
        ConnectionParams other = params;
        other.redisPrefix += QStringLiteral("x:");
        auto elsewhere = LockctlProcess::run(TestRedis::urlFor(other), {QStringLiteral("audit")});
        QVERIFY2(elsewhere.out.contains(QStringLiteral("No admin actions recorded")),
                 qPrintable(elsewhere.out));
    }

    // XADD … MAXLEN ~: the stream never grows far past its cap.
    void streamIsCapped() {
        LOCKSCOPE_FRESH_REDIS(params);
        RedisConnection connection(params);
        AuditEntry entry;
        entry.tool = QStringLiteral("test");
        entry.action = QStringLiteral("force-release");
        entry.target = QStringLiteral("k");
        entry.outcome = QStringLiteral("absent");
        const int written = RedisAuditLog::kMaxEntries + 300;
        for (int i = 0; i < written; ++i)
            QVERIFY(RedisAuditLog::record(connection, entry).ok());
        const QString stream = QString::fromUtf8(RedisAuditLog::streamKey(params));
        const int length = TestRedis::cli(params, {QStringLiteral("XLEN"), stream}).toInt();
        QVERIFY2(length >= RedisAuditLog::kMaxEntries && length < written,
                 qPrintable(QString::number(length)));
        auto recent = RedisAuditLog::recent(connection, 3);
        QVERIFY(recent.ok());
        QCOMPARE(recent->size(), 3);
        QVERIFY(recent->at(0).id > recent->at(1).id); // newest first
        TestRedis::cli(params, {QStringLiteral("DEL"), stream});
    }

    // A user refused EVALSHA and XADD: the privilege check says so, lockctl's
    // release fails with one line and exit 5 and changes nothing; reading works.
    void aclUserWithoutPermissions() {
        LOCKSCOPE_FRESH_REDIS(params);
        const QString name = QStringLiteral("ro-") + params.redisPrefix.chopped(1);
        const ConnectionParams viewer = aclUser(params, name, kReadOnlyRules);
        auto dropUser = qScopeGuard([&] {
            TestRedis::cli(params, {QStringLiteral("ACL"), QStringLiteral("DELUSER"), name});
        });
        const QString key = params.redisPrefix + QStringLiteral("job");
        TestRedis::cli(params, {QStringLiteral("SET"), key, QStringLiteral("tok-1"),
                                QStringLiteral("PX"), QStringLiteral("60000")});

        RedisConnection connection(viewer);
        auto privileges = RedisPrivileges::check(connection);
        if (!privileges.ok())
            QFAIL(qPrintable(privileges.error().message));
        QVERIFY(!privileges->canReleaseLeases);
        QVERIFY2(privileges->leaseReason.contains(QStringLiteral("EVALSHA")) &&
                     privileges->leaseReason.contains(QStringLiteral("XADD")),
                 qPrintable(privileges->leaseReason));
        // The full user may.
        RedisConnection full(params);
        auto allowed = RedisPrivileges::check(full);
        QVERIFY(allowed.ok());
        QVERIFY2(allowed->canReleaseLeases, qPrintable(allowed->leaseReason));

        const QString url = TestRedis::urlFor(viewer);
        auto refused = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("--force"), QStringLiteral("job")});
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(QStringLiteral("lacks the permission")) &&
                     refused.err.contains(name),
                 qPrintable(refused.err));
        QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), 0);
        QCOMPARE(TestRedis::cli(params, {QStringLiteral("GET"), key}), QStringLiteral("tok-1"));
        QCOMPARE(LockctlProcess::run(url, {QStringLiteral("list")}).exitCode, 0);
        QCOMPARE(LockctlProcess::run(url, {QStringLiteral("audit")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestRedisAudit)
#include "tst_redisaudit.moc"
