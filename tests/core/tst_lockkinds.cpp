// A key has one kind under any interleaving, and kinds expire (issue 15), on
// real PostgreSQL (in a schema other than public) and real SQLite files:
//  - the very first plain acquire and the very first semaphore acquire of a
//    never-used key, started together from two managers (two connections, as
//    two processes would), never both succeed -- the semaphore's kind claims
//    the key in aggregate_locks (migration 0009). Control: recording the kind
//    without the claim (LeaseConfig::kindsWithoutClaim, as before 0009) lets
//    both succeed; the transaction that records the kind is held open 40 ms
//    (LeaseConfig::kindRecordHold) so the window is wide enough to hit.
//  - the sweep drops the kind of a key with no live holder or waiter (with its
//    claim), never of one in use; the key then serves any kind, or another N,
//    and a manager that cached the old kind learns the new one.
#include "admin/adminactions.h"
#include "db/database.h"
#include "db/migrator.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "support/testdb.h"

#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

std::optional<ConnectionParams> freshDb(const QString &backend, QString *why) {
    if (backend == QLatin1String("sqlite"))
        return test::TestDb::freshSqlite();
    auto p = test::TestDb::freshPostgres(why, false);
    if (!p)
        return std::nullopt;
    for (const QString &sql :
         {QStringLiteral("CREATE SCHEMA app"),
          QStringLiteral("ALTER DATABASE %1 SET search_path = app").arg(p->database)}) {
        if (!test::TestDb::exec(*p, sql, why))
            return std::nullopt;
    }
    auto migrated = Migrator::migrate(*p);
    if (!migrated.ok()) {
        *why = migrated.error().message;
        return std::nullopt;
    }
    return p;
}

template <typename T> QByteArray failure(const Result<T> &r) {
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

qint64 countOf(const ConnectionParams &p, const QString &sql) {
    ScopedConnection conn(p, QStringLiteral("count"));
    if (!conn.ok())
        return -1;
    QSqlQuery q(conn.db());
    if (!q.exec(sql) || !q.next())
        return -2;
    return q.value(0).toLongLong();
}

struct RaceCount {
    int both = 0;
    int plainOnly = 0;
    int semaphoreOnly = 0;
    int neither = 0;
    QString errors;
};

// `rounds` fresh keys; for each, a plain tryLock in one thread and a 1-permit
// semaphore acquire in another, the plain one started 0-35 ms later (spread
// over the rounds, so some land inside the kind's recording).
RaceCount race(const ConnectionParams &p, int rounds, bool withoutClaim,
               std::chrono::milliseconds hold, const QString &prefix) {
    LeaseConfig plainConfig;
    plainConfig.retryInterval = 20ms;
    LeaseConfig semConfig = plainConfig;
    semConfig.kindsWithoutClaim = withoutClaim;
    semConfig.kindRecordHold = hold;
    LeaseManager plainManager(p, plainConfig);
    LeaseManager semManager(p, semConfig);
    RaceCount count;
    for (int round = 0; round < rounds; ++round) {
        const QString key = QStringLiteral("%1/%2").arg(prefix).arg(round);
        std::atomic<int> ready{0};
        std::optional<Result<Lease>> plain;
        std::optional<Result<Lease>> permit;
        const auto offset = std::chrono::milliseconds((round % 8) * 5);
        std::thread a([&] {
            ++ready;
            while (ready.load() < 2)
                std::this_thread::yield();
            std::this_thread::sleep_for(offset);
            plain.emplace(plainManager.tryLock(key));
        });
        std::thread b([&] {
            ++ready;
            while (ready.load() < 2)
                std::this_thread::yield();
            permit.emplace(semManager.acquireSemaphore(key, 1, 0ms));
        });
        a.join();
        b.join();
        const bool plainHeld = plain->ok();
        const bool permitHeld = permit->ok();
        for (const auto *r : {&*plain, &*permit}) {
            if (!r->ok() && r->error().kind != ErrorKind::WrongKind &&
                r->error().kind != ErrorKind::NotAcquired &&
                r->error().kind != ErrorKind::Timeout && r->error().kind != ErrorKind::Busy)
                count.errors += r->error().message + QLatin1Char('\n');
        }
        if (plainHeld && permitHeld)
            ++count.both;
        else if (plainHeld)
            ++count.plainOnly;
        else if (permitHeld)
            ++count.semaphoreOnly;
        else
            ++count.neither;
        if (plainHeld)
            (void)plain->value().release();
        if (permitHeld)
            (void)permit->value().release();
    }
    return count;
}

QByteArray describe(const RaceCount &c) {
    return QStringLiteral("both %1, plain only %2, semaphore only %3, neither %4")
        .arg(c.both)
        .arg(c.plainOnly)
        .arg(c.semaphoreOnly)
        .arg(c.neither)
        .toUtf8();
}

} // namespace

class TestLockKinds final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstUseNeverBothKinds_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void firstUseNeverBothKinds() {
        QFETCH(QString, backend);
        QString why;
        const auto p = freshDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        // The recording held open 40 ms: a plain acquire that comes meanwhile
        // waits on the claim's row and then finds the key held.
        const RaceCount held = race(*p, 40, false, 40ms, QStringLiteral("held"));
        qInfo("held open 40 ms: %s", describe(held).constData());
        QVERIFY2(held.errors.isEmpty(), qPrintable(held.errors));
        QVERIFY2(held.both == 0, describe(held).constData());
        QVERIFY2(held.semaphoreOnly > 0, describe(held).constData());
        // Nothing held open: both started at once, as in real use.
        const RaceCount plain = race(*p, 40, false, 0ms, QStringLiteral("plain"));
        qInfo("at once: %s", describe(plain).constData());
        QVERIFY2(plain.errors.isEmpty(), qPrintable(plain.errors));
        QVERIFY2(plain.both == 0, describe(plain).constData());
    }

    // The control: the kind recorded without claiming the key (before 0009).
    // PostgreSQL only: SQLite runs the two first uses one after the other, so
    // there it never raced even before 0009.
    void firstUseControlGivesBoth() {
        QString why;
        const auto p = freshDb(QStringLiteral("postgres"), &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const RaceCount control = race(*p, 40, true, 40ms, QStringLiteral("control"));
        qInfo("control: %s", describe(control).constData());
        QVERIFY2(control.both > 0, describe(control).constData());
    }

    // The claim is the key's row in aggregate_locks: other programs see the key
    // held; LockScope's lists show the key with its holders, not the claim, and
    // a force release of "the lease" does not remove it.
    void claimIsHeldButNotListed_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void claimIsHeldButNotListed() {
        QFETCH(QString, backend);
        QString why;
        const auto p = freshDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*p);
        auto permit = manager.acquireSemaphore(QStringLiteral("s"), 2, 0ms);
        QVERIFY2(permit.ok(), failure(permit).constData());
        auto reader = manager.acquireRead(QStringLiteral("r"), 0ms);
        QVERIFY2(reader.ok(), failure(reader).constData());
        {
            ScopedConnection conn(*p, QStringLiteral("look"));
            QVERIFY(conn.ok());
            QSqlQuery q(conn.db());
            QVERIFY(q.exec(QStringLiteral("SELECT lock_key, owner_token, expires_at > 1e11 FROM "
                                          "aggregate_locks ORDER BY lock_key")));
            QStringList rows;
            while (q.next())
                rows << QStringLiteral("%1 %2 %3")
                            .arg(q.value(0).toString(), q.value(1).toString(),
                                 q.value(2).toBool() ? QStringLiteral("far")
                                                     : QStringLiteral("near"));
            QCOMPARE(rows, QStringList({QStringLiteral("r lockscope:rw far"),
                                        QStringLiteral("s lockscope:semaphore far")}));
            auto snap = LeaseQueries::snapshot(conn.db(), *p);
            QVERIFY2(snap.ok(), failure(snap).constData());
            QVERIFY(snap->rows.isEmpty());
            auto one = LeaseQueries::find(conn.db(), *p, QStringLiteral("s"));
            QVERIFY2(one.ok(), failure(one).constData());
            QVERIFY(!one.value());
        }
        auto forced = AdminActions::forceRelease(*p, QStringLiteral("s"), std::nullopt,
                                                 QStringLiteral("test"));
        QVERIFY2(forced.ok(), failure(forced).constData());
        QCOMPARE(forced->outcome, ReleaseOutcome::Absent);
        QCOMPARE(manager.tryLock(QStringLiteral("s")).error().kind, ErrorKind::WrongKind);
    }

    // The claim row deleted behind LockScope's back (an operator's DELETE in
    // psql): the key's kind alone still keeps a lease acquire off it.
    void kindGuardsWithoutItsClaim_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void kindGuardsWithoutItsClaim() {
        QFETCH(QString, backend);
        QString why;
        const auto p = freshDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*p);
        auto permit = manager.acquireSemaphore(QStringLiteral("s"), 2, 0ms);
        QVERIFY2(permit.ok(), failure(permit).constData());
        QVERIFY(test::TestDb::exec(
            *p, QStringLiteral("DELETE FROM aggregate_locks WHERE lock_key = 's'")));
        auto lease = manager.tryLock(QStringLiteral("s"));
        QVERIFY2(!lease.ok(), "a lease was granted on a semaphore's key");
        QCOMPARE(lease.error().kind, ErrorKind::WrongKind);
        QVERIFY(manager.tryLock(QStringLiteral("t")).ok()); // a key of no kind: taken
    }

    // Kinds expire: the sweep drops a kind with no live holder or waiter, with
    // its claim; never one in use.
    void sweepDropsIdleKinds_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void sweepDropsIdleKinds() {
        QFETCH(QString, backend);
        QString why;
        const auto p = freshDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseConfig config;
        config.retryInterval = 20ms;
        LeaseManager first(*p, config);
        LeaseManager second(*p, config);
        const QString s = QStringLiteral("jobs/s");
        const QString r = QStringLiteral("jobs/r");
        auto permit = first.acquireSemaphore(s, 3, 0ms);
        QVERIFY2(permit.ok(), failure(permit).constData());
        auto reader = first.acquireRead(r, 0ms);
        QVERIFY2(reader.ok(), failure(reader).constData());
        // Held: nothing goes.
        auto sweep = AdminActions::sweep(*p, 100, true, QStringLiteral("test"));
        QVERIFY2(sweep.ok(), failure(sweep).constData());
        QCOMPARE(sweep->idleKinds, qint64(0));
        sweep = AdminActions::sweep(*p, 100, false, QStringLiteral("test"));
        QVERIFY2(sweep.ok(), failure(sweep).constData());
        QCOMPARE(sweep->idleKinds, qint64(0));
        QCOMPARE(second.acquireSemaphore(s, 4, 0ms).error().kind, ErrorKind::WrongKind);
        QCOMPARE(second.tryLock(r).error().kind, ErrorKind::WrongKind);
        // Released: both kinds go, with their claims.
        QVERIFY(permit->release().value());
        QVERIFY(reader->release().value());
        sweep = AdminActions::sweep(*p, 100, true, QStringLiteral("test"));
        QVERIFY2(sweep.ok(), failure(sweep).constData());
        QCOMPARE(sweep->idleKinds, qint64(2));
        sweep = AdminActions::sweep(*p, 100, false, QStringLiteral("test"));
        QVERIFY2(sweep.ok(), failure(sweep).constData());
        QCOMPARE(sweep->idleKinds, qint64(2));
        QCOMPARE(countOf(*p, QStringLiteral("SELECT count(*) FROM aggregate_locks")), qint64(0));
        QCOMPARE(countOf(*p, QStringLiteral("SELECT count(*) FROM lockscope_lock_kinds")),
                 qint64(0));
        // The semaphore key is now a semaphore with another N (the first
        // manager still remembers N = 3: its attempt finds the kind changed and
        // says what the key is now); the rw key a plain lease.
        auto five = second.acquireSemaphore(s, 5, 0ms);
        QVERIFY2(five.ok(), failure(five).constData());
        auto stale = first.acquireSemaphore(s, 3, 0ms);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().kind, ErrorKind::WrongKind);
        QVERIFY2(stale.error().message.contains(QLatin1String("5 permits")),
                 qPrintable(stale.error().message));
        auto lease = second.tryLock(r);
        QVERIFY2(lease.ok(), failure(lease).constData());
        QCOMPARE(first.acquireRead(r, 0ms).error().kind, ErrorKind::WrongKind);
        QVERIFY(lease->release().value());
        QVERIFY(five->release().value());
        // An idle key whose kind went is recorded again by a manager that
        // remembered it (the attempt finds no kind, and records it anew).
        sweep = AdminActions::sweep(*p, 100, false, QStringLiteral("test"));
        QVERIFY2(sweep.ok(), failure(sweep).constData());
        QCOMPARE(sweep->idleKinds, qint64(1));
        auto again = second.acquireSemaphore(s, 5, 0ms);
        QVERIFY2(again.ok(), failure(again).constData());
        QCOMPARE(first.tryLock(s).error().kind, ErrorKind::WrongKind);
        // A writer that gave up waiting leaves no place behind: its key goes too.
        auto holder = first.acquireRead(QStringLiteral("w"), 0ms);
        QVERIFY2(holder.ok(), failure(holder).constData());
        auto writer = second.acquireWrite(QStringLiteral("w"), 50ms); // leaves no place
        QVERIFY(!writer.ok());
        QVERIFY(holder->release().value());
        QVERIFY(again->release().value());
        sweep = AdminActions::sweep(*p, 100, false, QStringLiteral("test"));
        QVERIFY2(sweep.ok(), failure(sweep).constData());
        QCOMPARE(sweep->idleKinds, qint64(2));
    }

    // While holders come and go on a 2-permit semaphore and a plain lease keeps
    // trying the same key, sweeps that drop its kind whenever it is idle never
    // let a plain holder and a permit holder in at once. The control drops the
    // kind and its claim without asking whether the key is idle (what a drop
    // that judged idleness apart from its delete could do): the plain lease
    // then gets in beside permit holders, and the test sees it.
    void sweepAndAcquireNeverOverlap_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("control");
        for (const char *b : {"sqlite", "postgres"}) {
            QTest::newRow(b) << QString::fromLatin1(b) << false;
            QTest::newRow(qPrintable(QStringLiteral("%1 control").arg(QLatin1String(b))))
                << QString::fromLatin1(b) << true;
        }
    }
    void sweepAndAcquireNeverOverlap() {
        QFETCH(QString, backend);
        QFETCH(bool, control);
        QString why;
        const auto p = freshDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString key = QStringLiteral("mixed");
        std::atomic<int> permits{0};
        std::atomic<int> plains{0};
        std::atomic<int> overlaps{0};
        std::atomic<int> permitEntries{0};
        std::atomic<int> plainEntries{0};
        std::atomic<bool> stop{false};
        QStringList errors;
        std::mutex errorsMutex;
        auto note = [&](const Error &e) {
            // Refusals: the key was the other kind (or, a moment later, had
            // just stopped being it: "held by another owner").
            if (e.kind == ErrorKind::WrongKind || e.kind == ErrorKind::NotAcquired ||
                e.kind == ErrorKind::Timeout || e.kind == ErrorKind::Busy)
                return;
            std::lock_guard lock(errorsMutex);
            errors << e.message;
        };
        LeaseConfig config;
        config.retryInterval = 10ms;
        std::vector<std::thread> pool;
        for (int t = 0; t < 3; ++t) {
            pool.emplace_back([&] {
                LeaseManager manager(*p, config);
                while (!stop) {
                    auto permit = manager.acquireSemaphore(key, 2, 50ms);
                    if (!permit.ok()) {
                        note(permit.error());
                        std::this_thread::sleep_for(3ms);
                        continue;
                    }
                    ++permits;
                    ++permitEntries;
                    if (plains.load() > 0)
                        ++overlaps;
                    std::this_thread::sleep_for(10ms);
                    --permits;
                    (void)permit->release();
                    std::this_thread::sleep_for(8ms); // idle moments for the sweep
                }
            });
        }
        pool.emplace_back([&] {
            LeaseManager manager(*p, config);
            while (!stop) {
                auto lease = manager.tryLock(key);
                if (!lease.ok()) {
                    note(lease.error());
                    std::this_thread::sleep_for(3ms);
                    continue;
                }
                ++plains;
                ++plainEntries;
                if (permits.load() > 0)
                    ++overlaps;
                std::this_thread::sleep_for(10ms);
                --plains;
                (void)lease->release();
                std::this_thread::sleep_for(4ms);
            }
        });
        int dropped = 0;
        for (int i = 0; i < 80; ++i) {
            if (control) {
                for (const QString &sql :
                     {QStringLiteral("DELETE FROM aggregate_locks WHERE owner_token = "
                                     "'lockscope:semaphore'"),
                      QStringLiteral("DELETE FROM lockscope_lock_kinds")}) {
                    QString failed;
                    if (!test::TestDb::exec(*p, sql, &failed) &&
                        !failed.contains(QLatin1String("locked")))
                        note(Error{ErrorKind::Database, failed});
                }
                ++dropped;
            } else {
                auto sweep = AdminActions::sweep(*p, 100, false, QStringLiteral("test"));
                if (sweep.ok())
                    dropped += static_cast<int>(sweep->idleKinds);
                else
                    note(sweep.error());
            }
            std::this_thread::sleep_for(5ms);
        }
        stop = true;
        for (auto &t : pool)
            t.join();
        qInfo("permit entries %d, plain entries %d, kinds dropped %d, overlaps %d",
              permitEntries.load(), plainEntries.load(), dropped, overlaps.load());
        QVERIFY(permitEntries.load() > 0);
        if (control) {
            QVERIFY(overlaps.load() > 0);
            return;
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(overlaps.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLockKinds)

#include "tst_lockkinds.moc"
