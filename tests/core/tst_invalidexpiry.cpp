// Leases whose expires_at another program wrote as something that is not a
// finite number (NaN, Infinity, -Infinity, NULL): one meaning everywhere.
// The inspector reads them as invalid, the sweep leaves them, the acquire never
// takes them over, LeaseManager says so instead of waiting forever (also when a
// lease turns invalid during a wait), and force release removes them.
#include "admin/adminactions.h"
#include "db/database.h"
#include "db/migrator.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "support/testdb.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

// The table as another program creates it (no NOT NULL on the times), migrated.
std::optional<ConnectionParams> foreignTable(const QString &backend, QString *why) {
    auto params = test::TestDb::fresh(backend, why, false);
    if (!params)
        return std::nullopt;
    if (!test::TestDb::exec(*params,
                            QStringLiteral("CREATE TABLE aggregate_locks (lock_key text PRIMARY "
                                           "KEY, owner_token text NOT NULL, acquired_at double "
                                           "precision, expires_at double precision)"),
                            why))
        return std::nullopt;
    auto migrated = Migrator::migrate(*params);
    if (!migrated.ok()) {
        *why = migrated.error().message;
        return std::nullopt;
    }
    return params;
}

std::optional<LeaseRow> find(const ConnectionParams &p, const QString &key) {
    ScopedConnection conn(p, QStringLiteral("find"));
    auto row = LeaseQueries::find(conn.db(), p, key);
    return row.ok() ? row.value() : std::nullopt;
}

void addRows(QString pg, QString lite) {
    QTest::newRow(qPrintable(QStringLiteral("postgres ") + pg)) << QStringLiteral("postgres") << pg;
    QTest::newRow(qPrintable(QStringLiteral("sqlite ") + lite)) << QStringLiteral("sqlite") << lite;
}

} // namespace

class TestInvalidExpiry final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyPathAgrees_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("stored");                         // SQL
        addRows(QStringLiteral("'NaN'"), QStringLiteral("0.0/0.0")); // SQLite: NULL
        addRows(QStringLiteral("'Infinity'"), QStringLiteral("9e999"));
        addRows(QStringLiteral("'-Infinity'"), QStringLiteral("-9e999"));
        addRows(QStringLiteral("NULL"), QStringLiteral("NULL"));
    }
    void everyPathAgrees() {
        QFETCH(QString, backend);
        QFETCH(QString, stored);
        QString why;
        const auto params = foreignTable(backend, &why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(
            *params, QStringLiteral("INSERT INTO aggregate_locks VALUES ('k', 'theirs', 1, %1), "
                                    "('old', 't', 1, 2)")
                         .arg(stored)));

        const auto row = find(*params, QStringLiteral("k"));
        QVERIFY(row);
        QVERIFY(!row->hasValidExpiry());
        QVERIFY(!row->isHeldAt(1e9));
        QVERIFY(!row->isExpiredAt(1e9));
        QVERIFY(!row->invalidExpiry().isEmpty());

        auto dry = AdminActions::sweep(*params, 10, true, QStringLiteral("test"));
        QVERIFY(dry.ok());
        QCOMPARE(dry->count, 1); // 'old' only
        auto swept = AdminActions::sweep(*params, 10, false, QStringLiteral("test"));
        QVERIFY(swept.ok());
        QCOMPARE(swept->count, 1);
        QVERIFY(find(*params, QStringLiteral("k")));

        LeaseManager manager(*params);
        auto once = manager.tryLock(QStringLiteral("k"));
        QVERIFY(!once.ok());
        QCOMPARE(once.error().kind, ErrorKind::InvalidExpiry);
        QVERIFY2(once.error().message.contains(row->invalidExpiry()),
                 qPrintable(once.error().message));
        QVERIFY(once.error().message.contains(QLatin1String("lockctl release --force -- k")));
        QElapsedTimer waited;
        waited.start();
        auto bounded = manager.lock(QStringLiteral("k"), 60s);
        QCOMPARE(bounded.error().kind, ErrorKind::InvalidExpiry);
        QVERIFY(waited.elapsed() < 10'000); // told on the first failed attempt
        auto unbounded = manager.lock(QStringLiteral("k"));
        QCOMPARE(unbounded.error().kind, ErrorKind::InvalidExpiry);
        QCOMPARE(manager.gateEntryCount(), 0);
        QCOMPARE(find(*params, QStringLiteral("k"))->token, QStringLiteral("theirs")); // untouched

        auto released = AdminActions::forceRelease(
            *params, QStringLiteral("k"), QStringLiteral("theirs"), QStringLiteral("test"));
        QVERIFY(released.ok());
        QCOMPARE(released->outcome, ReleaseOutcome::Released);
        QVERIFY(!find(*params, QStringLiteral("k")));
        QVERIFY(manager.tryLock(QStringLiteral("k")).ok());
    }

    // A lease that turns invalid while someone waits for it: the waiter looks
    // again at most every 5 s and then stops, instead of waiting forever.
    void waiterNoticesALeaseTurningInvalid_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void waiterNoticesALeaseTurningInvalid() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager holder(params);
        auto held = holder.tryLock(QStringLiteral("k"));
        QVERIFY(held.ok());
        LeaseManager waiterProcess(params);
        std::atomic<bool> done{false};
        Result<Lease> result = Error{ErrorKind::Database, QString()};
        std::thread waiter([&] {
            result = waiterProcess.lock(QStringLiteral("k"), 60s);
            done = true;
        });
        // Two attempts: the look-up after the first failed one found a valid expiry.
        QTRY_VERIFY(waiterProcess.statementCount() >= 2);
        QVERIFY(!done);
        QVERIFY(
            test::TestDb::exec(params, QStringLiteral("UPDATE aggregate_locks SET expires_at = %1")
                                           .arg(params.isPostgres() ? QStringLiteral("'Infinity'")
                                                                    : QStringLiteral("9e999"))));
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 15'000);
        waiter.join();
        QCOMPARE(result.error().kind, ErrorKind::InvalidExpiry);
        QVERIFY(result.error().message.contains(QLatin1String("(Infinity)")));
    }

    // The acquire statement itself: a -Infinity lease is not "long expired".
    void acquireNeverTakesOverMinusInfinity_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void acquireNeverTakesOverMinusInfinity() {
        LOCKSCOPE_FRESH_DB(params);
        QVERIFY(test::TestDb::exec(
            params, QStringLiteral("INSERT INTO aggregate_locks VALUES ('k', 'theirs', 1, %1)")
                        .arg(params.isPostgres() ? QStringLiteral("'-Infinity'")
                                                 : QStringLiteral("-9e999"))));
        LeaseConfig config;
        config.inProcessGate = false;
        LeaseManager manager(params, config);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(manager.tryLock(QStringLiteral("k")).error().kind, ErrorKind::InvalidExpiry);
        QCOMPARE(find(params, QStringLiteral("k"))->token, QStringLiteral("theirs"));
        QCOMPARE(manager.statementCount(),
                 3u); // one acquire each; the look-up is no lease statement
    }
};

QTEST_GUILESS_MAIN(TestInvalidExpiry)
#include "tst_invalidexpiry.moc"
