// Mutual exclusion across threads and managers (standing in for processes), the
// in-process gate, bounded waits and cancellation -- on SQLite and PostgreSQL.
#include "base/canceltoken.h"
#include "db/database.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "support/testdb.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

// A deliberately non-atomic read-pause-write: without mutual exclusion,
// concurrent sections overwrite each other's increments.
struct Counter {
    std::atomic<int> value{0};
    void slowIncrement() {
        const int read = value.load();
        std::this_thread::sleep_for(1ms);
        value.store(read + 1);
    }
};

struct Workload {
    int managers = 2;
    int threadsPerManager = 4;
    int iterations = 20;
    bool useLock = true;
    bool gate = true;
};

struct Outcome {
    int counter = 0;
    int sections = 0;
    int errors = 0;
    quint64 statements = 0;
};

Outcome runWorkload(const ConnectionParams &params, const Workload &w) {
    LeaseConfig config;
    config.retryInterval = 5ms;
    config.inProcessGate = w.gate;
    std::vector<std::unique_ptr<LeaseManager>> managers;
    for (int m = 0; m < w.managers; ++m)
        managers.push_back(std::make_unique<LeaseManager>(params, config));
    Counter counter;
    std::atomic<int> sections{0};
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int m = 0; m < w.managers; ++m) {
        for (int t = 0; t < w.threadsPerManager; ++t) {
            threads.emplace_back([&, m] {
                for (int i = 0; i < w.iterations; ++i) {
                    if (!w.useLock) {
                        counter.slowIncrement();
                        ++sections;
                        continue;
                    }
                    auto lease = managers[m]->lock(QStringLiteral("counter"), 60s);
                    if (!lease.ok()) {
                        qWarning("lock failed: %s", qPrintable(lease.error().message));
                        ++errors;
                        continue;
                    }
                    counter.slowIncrement();
                    ++sections;
                    auto released = lease->release();
                    if (!released.ok() || !released.value())
                        ++errors;
                }
            });
        }
    }
    for (auto &t : threads)
        t.join();
    Outcome o;
    o.counter = counter.value.load();
    o.sections = sections.load();
    o.errors = errors.load();
    for (const auto &m : managers)
        o.statements += m->statementCount();
    return o;
}

} // namespace

class TestLeaseConcurrency final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mutualExclusion_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("gate");
        QTest::newRow("sqlite gate") << QStringLiteral("sqlite") << true;
        QTest::newRow("sqlite no gate") << QStringLiteral("sqlite") << false;
        QTest::newRow("postgres gate") << QStringLiteral("postgres") << true;
        QTest::newRow("postgres no gate") << QStringLiteral("postgres") << false;
    }
    void mutualExclusion() {
        LOCKSCOPE_FRESH_DB(params);
        QFETCH(bool, gate);
        Workload w;
        w.gate = gate;
        const Outcome o = runWorkload(params, w);
        QCOMPARE(o.errors, 0);
        QCOMPARE(o.sections, w.managers * w.threadsPerManager * w.iterations);
        QCOMPARE(o.counter, o.sections); // exact: no lost update

        ScopedConnection conn(params, QStringLiteral("check"));
        auto snap = LeaseQueries::snapshot(conn.db(), params);
        QVERIFY(snap.ok());
        QCOMPARE(snap->rows.size(), 0); // every lease released
    }

    // The control: the same workload without the lock loses updates, so the test
    // above can fail.
    void controlWithoutLockLosesUpdates() {
        Workload w;
        w.useLock = false;
        const Outcome o = runWorkload(test::TestDb::freshSqlite(false), w);
        QCOMPARE(o.sections, w.managers * w.threadsPerManager * w.iterations);
        QVERIFY2(o.counter < o.sections,
                 qPrintable(QStringLiteral("expected lost updates, counter %1 of %2")
                                .arg(o.counter)
                                .arg(o.sections)));
    }

    // With a local holder, local waiters queue in the gate: each acquisition costs
    // exactly one acquire and one release statement. Without the gate they poll.
    void gateSendsNoRetryStatements_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void gateSendsNoRetryStatements() {
        LOCKSCOPE_FRESH_DB(params);
        Workload w;
        w.managers = 1;
        w.threadsPerManager = 8;
        w.iterations = 10;
        const Outcome gated = runWorkload(params, w);
        QCOMPARE(gated.errors, 0);
        QCOMPARE(gated.counter, 80);
        QCOMPARE(gated.statements, quint64(2 * 80));

        w.gate = false; // control: the same threads now poll the database
        const Outcome polled = runWorkload(params, w);
        QCOMPARE(polled.counter, 80);
        QVERIFY2(
            polled.statements > quint64(2 * 80),
            qPrintable(QStringLiteral("without the gate: %1 statements").arg(polled.statements)));
    }

    void gateEntriesAreFreed() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        LeaseManager manager(params);
        for (int i = 0; i < 50; ++i) {
            auto lease = manager.tryLock(QStringLiteral("k%1").arg(i));
            QVERIFY(lease.ok());
        }
        QCOMPARE(manager.gateEntryCount(), 0);
    }

    // maxWait bounds the whole wait: the in-process gate plus the database.
    void maxWaitBoundsGateAndDatabase_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void maxWaitBoundsGateAndDatabase() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseConfig config;
        config.retryInterval = 10ms;
        LeaseManager manager(params, config);
        auto holder = manager.tryLock(QStringLiteral("k"));
        QVERIFY(holder.ok());

        std::atomic<bool> done{false};
        Result<Lease> waited = Error{ErrorKind::Database, QString()};
        QElapsedTimer clock;
        clock.start();
        std::thread waiter([&] {
            waited = manager.lock(QStringLiteral("k"), 600ms);
            done = true;
        });
        // Wait until the waiter queues in the gate, then hand the row to a foreign
        // owner and release locally: the waiter leaves the gate and must poll the
        // database until the same 600 ms bound runs out.
        QTRY_COMPARE(manager.gateWaiterCount(QStringLiteral("k")), 1);
        QVERIFY(!done);
        QVERIFY(test::TestDb::exec(params, QStringLiteral("UPDATE aggregate_locks SET "
                                                          "owner_token = 'foreign'")));
        auto released = holder->release();
        QVERIFY(released.ok() && !released.value());
        waiter.join();
        const qint64 elapsed = clock.elapsed();
        QVERIFY(!waited.ok());
        QCOMPARE(waited.error().kind, ErrorKind::Timeout);
        QVERIFY2(elapsed >= 590, qPrintable(QString::number(elapsed)));
        QVERIFY2(elapsed < 10'000, qPrintable(QString::number(elapsed)));
        QCOMPARE(manager.gateEntryCount(), 0);
    }

    void cancelWhileInGate_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void cancelWhileInGate() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager manager(params);
        auto holder = manager.tryLock(QStringLiteral("k"));
        QVERIFY(holder.ok());
        CancelToken cancel;
        std::atomic<bool> done{false};
        Result<Lease> waited = Error{ErrorKind::Database, QString()};
        std::thread waiter([&] {
            waited = manager.lock(QStringLiteral("k"), std::nullopt, &cancel);
            done = true;
        });
        QTRY_COMPARE(manager.gateWaiterCount(QStringLiteral("k")), 1);
        QTest::qWait(20);
        QVERIFY(!done);
        cancel.cancel();
        QTRY_VERIFY(done.load());
        waiter.join();
        QCOMPARE(waited.error().kind, ErrorKind::Cancelled);
        // The holder still holds; after its release nothing is left anywhere.
        QVERIFY(holder->release().value());
        QCOMPARE(manager.gateEntryCount(), 0);
    }

    void cancelWhileWaitingOnDatabase_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void cancelWhileWaitingOnDatabase() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager other(params);
        auto holder = other.tryLock(QStringLiteral("k"));
        QVERIFY(holder.ok());
        LeaseManager manager(params);
        CancelToken cancel;
        std::atomic<bool> done{false};
        Result<Lease> waited = Error{ErrorKind::Database, QString()};
        std::thread waiter([&] {
            waited = manager.lock(QStringLiteral("k"), std::nullopt, &cancel);
            done = true;
        });
        QTRY_VERIFY(manager.statementCount() >= 2); // it is polling the database
        cancel.cancel();
        QTRY_VERIFY(done.load());
        waiter.join();
        QCOMPARE(waited.error().kind, ErrorKind::Cancelled);
        QCOMPARE(manager.gateEntryCount(), 0);
        QVERIFY(holder->release().value()); // the row still carried the holder's token
    }

    // A cancel that arrives just as the database grants the lease: the grant is
    // given back, so a cancelled acquire holds nothing.
    void cancelAtGrantReleasesTheRow_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void cancelAtGrantReleasesTheRow() {
        LOCKSCOPE_FRESH_DB(params);
        LeaseManager manager(params);
        CancelToken cancel;
        cancel.cancel();
        auto lease = manager.lock(QStringLiteral("k"), std::nullopt, &cancel);
        QCOMPARE(lease.error().kind, ErrorKind::Cancelled);
        // The acquire and the give-back. PostgreSQL: or only the acquire, when
        // the cancel request reached the server first and stopped it there.
        if (params.isSqlite())
            QCOMPARE(manager.statementCount(), 2u);
        else
            QVERIFY(manager.statementCount() == 1u || manager.statementCount() == 2u);
        ScopedConnection conn(params, QStringLiteral("check"));
        auto snap = LeaseQueries::snapshot(conn.db(), params);
        QVERIFY(snap.ok());
        QCOMPARE(snap->rows.size(), 0);
        QCOMPARE(manager.gateEntryCount(), 0);
    }

    void zeroWaitIsOneAttempt() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        LeaseManager a(params);
        LeaseManager b(params);
        auto held = a.tryLock(QStringLiteral("k"));
        QVERIFY(held.ok());
        auto waited = b.lock(QStringLiteral("k"), 0ms);
        QCOMPARE(waited.error().kind, ErrorKind::Timeout);
        QCOMPARE(b.statementCount(), 1u);
    }
};

QTEST_GUILESS_MAIN(TestLeaseConcurrency)
#include "tst_leaseconcurrency.moc"
