// The lease protocol on both databases: acquire, release, takeover after expiry,
// owner-scoped release, renewal, and the database clock.
#include "db/database.h"
#include "lease/lease.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "lease/leasesql.h"
#include "support/testdb.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace lockscope;
using namespace std::chrono_literals;

class TestLeaseBasics final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acquireAndRelease_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void acquireAndRelease() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager manager(params);
        auto lease = manager.tryLock(QStringLiteral("orders/42"));
        QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
        QCOMPARE(lease->key(), QStringLiteral("orders/42"));
        QVERIFY(lease->expiresAt() > lease->acquiredAt());
        QVERIFY(qAbs(lease->expiresAt() - lease->acquiredAt() - 30.0) < 0.01);

        // A second manager (another "process") cannot take it.
        LeaseManager other(params);
        auto second = other.tryLock(QStringLiteral("orders/42"));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().kind, ErrorKind::NotAcquired);

        auto released = lease->release();
        QVERIFY(released.ok());
        QVERIFY(released.value());
        QVERIFY(!lease->isValid());

        auto third = other.tryLock(QStringLiteral("orders/42"));
        QVERIFY(third.ok());
    }

    void destructorReleases_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void destructorReleases() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager manager(params);
        {
            auto lease = manager.tryLock(QStringLiteral("k"));
            QVERIFY(lease.ok());
            Lease moved = std::move(lease.value());
            QVERIFY(moved.isValid());
        }
        ScopedConnection conn(params, QStringLiteral("check"));
        auto snap = LeaseQueries::snapshot(conn.db(), params);
        QVERIFY(snap.ok());
        QCOMPARE(snap->rows.size(), 0);
    }

    // A lease not released is taken over after its TTL; the stale holder's
    // release returns false and leaves the new holder's row intact.
    void expiryTakeover_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void expiryTakeover() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseConfig shortTtl;
        shortTtl.ttl = 300ms;
        LeaseManager stale(params, shortTtl);
        LeaseManager fresh(params);
        // Each manager has connections of its own (named for its owner): open
        // fresh's before the 300 ms start to run.
        QVERIFY(fresh.tryLock(QStringLiteral("warm-up")).ok());
        auto old = stale.tryLock(QStringLiteral("job"));
        QVERIFY(old.ok());
        QVERIFY(!fresh.tryLock(QStringLiteral("job")).ok()); // not before the TTL

        auto taken = fresh.lock(QStringLiteral("job"), 5s);
        QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().message));
        QVERIFY(taken->acquiredAt() >= old->expiresAt());
        if (params.isPostgres())
            QVERIFY(taken->tookOver());

        auto staleRelease = old->release();
        QVERIFY(staleRelease.ok());
        QVERIFY(!staleRelease.value()); // not ours any more

        ScopedConnection conn(params, QStringLiteral("check"));
        double now = 0;
        auto row = LeaseQueries::find(conn.db(), params, QStringLiteral("job"), &now);
        QVERIFY(row.ok() && row.value());
        QCOMPARE(row.value()->token, taken->token());
        QVERIFY(row.value()->isHeldAt(now));
    }

    void renewExtendsOnlyOwnLease_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void renewExtendsOnlyOwnLease() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseConfig config;
        config.ttl = 2s;
        LeaseManager manager(params, config);
        auto lease = manager.tryLock(QStringLiteral("r"));
        QVERIFY(lease.ok());
        const double before = lease->expiresAt();
        QVERIFY(lease->renew(10s).ok());
        QVERIFY(lease->expiresAt() > before + 7.9);

        QVERIFY(TestDb_exec(params, QStringLiteral("UPDATE aggregate_locks SET owner_token = "
                                                   "'someone-else'")));
        auto renewed = lease->renew();
        QVERIFY(!renewed.ok());
        QCOMPARE(renewed.error().kind, ErrorKind::LeaseChanged);
    }

    // expires_at is relative to the database's clock, whatever the client's says.
    void expiryUsesDatabaseClock_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void expiryUsesDatabaseClock() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager manager(params);
        ScopedConnection conn(params, QStringLiteral("clock"));
        auto before = LeaseQueries::databaseNow(conn.db(), params);
        auto lease = manager.tryLock(QStringLiteral("clock"));
        auto after = LeaseQueries::databaseNow(conn.db(), params);
        QVERIFY(before.ok() && lease.ok() && after.ok());
        QVERIFY(lease->acquiredAt() >= before.value() - 0.002);
        QVERIFY(lease->acquiredAt() <= after.value() + 0.002);
        QVERIFY(qAbs(lease->expiresAt() - (lease->acquiredAt() + 30.0)) < 0.001);

        // A row whose expiry is in the past by the database clock is free to take,
        // and one in the future is not -- regardless of the local clock.
        QVERIFY(TestDb_exec(params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                   "('past', 'x', 0, %1 - 1)")
                                        .arg(Database::nowSql(params.driver))));
        QVERIFY(TestDb_exec(params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                   "('future', 'x', 0, %1 + 60)")
                                        .arg(Database::nowSql(params.driver))));
        QVERIFY(manager.tryLock(QStringLiteral("past")).ok());
        QVERIFY(!manager.tryLock(QStringLiteral("future")).ok());
    }

    // The acquire statement retried with the same token succeeds again (a retry
    // after a lost reply is harmless); with another token it does not.
    void ownTokenRetakeIsIdempotent_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void ownTokenRetakeIsIdempotent() {
        LOCKSCOPE_FRESH_DB(params);
        ScopedConnection conn(params, QStringLiteral("raw"));
        auto attempt = [&](const QString &token) {
            QSqlQuery q(conn.db());
            q.prepare(LeaseSql::acquire(params.driver));
            q.addBindValue(QStringLiteral("mine"));
            q.addBindValue(token);
            q.addBindValue(60.0);
            if (!q.exec()) {
                qWarning("%s", qPrintable(q.lastError().text()));
                return -1;
            }
            return q.next() ? 1 : 0;
        };
        QCOMPARE(attempt(QStringLiteral("tok-a")), 1);
        QCOMPARE(attempt(QStringLiteral("tok-a")), 1);
        QCOMPARE(attempt(QStringLiteral("tok-b")), 0);
        LeaseManager manager(params);
        QCOMPARE(manager.tryLock(QStringLiteral("mine")).error().kind, ErrorKind::NotAcquired);
    }

    // A lease connection killed by the server: the next statement reconnects,
    // re-prepares and goes through.
    void reconnectsAfterBackendTerminated() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*params);
        QVERIFY(manager.tryLock(QStringLiteral("warm")).ok()); // prepared, then released
        QVERIFY(TestDb_exec(*params,
                            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                           "WHERE datname = current_database() AND pid <> "
                                           "pg_backend_pid()")));
        // The next statement finds its connection gone, reconnects and is sent
        // again (acquire with the same token is safe to repeat): no error at all.
        auto again = manager.tryLock(QStringLiteral("k"));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QVERIFY(again->release().value());
    }

    void invalidKeys_data() {
        QTest::addColumn<QString>("key");
        QTest::newRow("empty") << QString();
        QTest::newRow("nul") << QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b");
        QTest::newRow("too long") << QString(1025, QLatin1Char('k'));
        QTest::newRow("1 MiB") << QString(1 << 20, QLatin1Char('k'));
        QTest::newRow("1025 bytes of UTF-8") << QString(512, QChar(u'ж')) + QStringLiteral("k");
    }
    void invalidKeys() {
        QFETCH(QString, key);
        const ConnectionParams params = test::TestDb::freshSqlite();
        LeaseManager manager(params);
        auto lease = manager.tryLock(key);
        QVERIFY(!lease.ok());
        QCOMPARE(lease.error().kind, ErrorKind::InvalidKey);
        auto waited = manager.lock(key, 10ms);
        QCOMPARE(waited.error().kind, ErrorKind::InvalidKey);
        QCOMPARE(manager.statementCount(), 0u);
    }

    void oddKeysStoredVerbatim_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void oddKeysStoredVerbatim() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager manager(params);
        const QStringList keys{QStringLiteral("it's \"quoted\""),
                               QStringLiteral("a;DROP TABLE x;--"), QStringLiteral("line\nbreak"),
                               QStringLiteral("ключ-キー-🔒"), QString(1024, QLatin1Char('x'))};
        std::vector<Lease> held;
        for (const QString &key : keys) {
            auto lease = manager.tryLock(key);
            QVERIFY2(lease.ok(), qPrintable(key));
            held.push_back(std::move(lease.value()));
        }
        ScopedConnection conn(params, QStringLiteral("check"));
        auto snap = LeaseQueries::snapshot(conn.db(), params);
        QVERIFY(snap.ok());
        QStringList stored;
        for (const auto &row : std::as_const(snap->rows))
            stored << row.key;
        stored.sort();
        QStringList expected = keys;
        expected.sort();
        QCOMPARE(stored, expected);
    }

private:
    static bool TestDb_exec(const ConnectionParams &p, const QString &sql) {
        QString error;
        const bool ok = test::TestDb::exec(p, sql, &error);
        if (!ok)
            qWarning("%s", qPrintable(error));
        return ok;
    }
};

QTEST_GUILESS_MAIN(TestLeaseBasics)
#include "tst_leasebasics.moc"
