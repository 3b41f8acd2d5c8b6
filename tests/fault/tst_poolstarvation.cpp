// Pool starvation: 200 concurrent critical sections, each holding an advisory
// lock while it does read-pause-write work on the database. With 4 lock
// connections and 4 work connections in separate pools (CriticalSection) all 200
// complete and no update is lost. The control shares one 4-connection pool for
// both, as a naive service does: holders keep every connection for their locks
// and wait for work connections that never come -- the deadlock shows as
// time-outs, proving the test can fail.
#include "advisory/advisorykey.h"
#include "advisory/criticalsection.h"
#include "base/canceltoken.h"
#include "db/connectionpool.h"
#include "db/database.h"
#include "support/testdb.h"

#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

constexpr int kSections = 200;
constexpr int kKeys = 4;
constexpr int kPoolSize = 4;

// The protected work: read, pause, write (a lost update shows in the counter).
Status increment(QSqlDatabase db, const ConnectionParams &params, int key) {
    QSqlQuery read(db);
    read.prepare(QStringLiteral("SELECT value FROM starvation_counters WHERE id = ?"));
    read.addBindValue(key);
    if (auto s = Database::exec(read, params, QStringLiteral("read")); !s.ok())
        return s;
    if (!read.next())
        return Error{ErrorKind::Database, QStringLiteral("no counter %1").arg(key)};
    const qint64 value = read.value(0).toLongLong();
    read.finish();
    std::this_thread::sleep_for(2ms);
    QSqlQuery write(db);
    write.prepare(QStringLiteral("UPDATE starvation_counters SET value = ? WHERE id = ?"));
    write.addBindValue(value + 1);
    write.addBindValue(key);
    return Database::exec(write, params, QStringLiteral("write"));
}

qint64 total(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("total"));
    QSqlQuery q(conn.db());
    q.exec(QStringLiteral("SELECT sum(value) FROM starvation_counters"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

struct Outcome {
    std::atomic<int> ok{0};
    std::atomic<int> timeouts{0};
    std::atomic<int> otherErrors{0};
    QString firstOther;
    std::mutex mutex;

    void add(const Status &s) {
        if (s.ok()) {
            ++ok;
        } else if (s.error().kind == ErrorKind::Timeout) {
            ++timeouts;
        } else if (s.error().kind != ErrorKind::Cancelled) {
            ++otherErrors;
            std::lock_guard lock(mutex);
            if (firstOther.isEmpty())
                firstOther = s.error().message;
        }
    }
};

// Starts all sections at once, each on a thread of its own.
void runConcurrently(const std::function<Status(int)> &section, Outcome &outcome) {
    std::vector<std::thread> threads;
    threads.reserve(kSections);
    for (int i = 0; i < kSections; ++i)
        threads.emplace_back([&, i] { outcome.add(section(i % kKeys)); });
    for (auto &t : threads)
        t.join();
}

} // namespace

class TestPoolStarvation final : public QObject {
    Q_OBJECT

private:
    std::optional<ConnectionParams> prepared(QString *why) {
        auto p = test::TestDb::freshPostgres(why);
        if (!p)
            return std::nullopt;
        if (!test::TestDb::exec(*p,
                                QStringLiteral("CREATE TABLE starvation_counters (id int "
                                               "PRIMARY KEY, value bigint NOT NULL)"),
                                why) ||
            !test::TestDb::exec(*p,
                                QStringLiteral("INSERT INTO starvation_counters SELECT g, 0 "
                                               "FROM generate_series(0, %1) g")
                                    .arg(kKeys - 1),
                                why))
            return std::nullopt;
        return p;
    }

private Q_SLOTS:
    void separatePoolsComplete() {
        QString why;
        const auto p = prepared(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ConnectionPool locks(*p, kPoolSize, QStringLiteral("locks"));
        ConnectionPool work(*p, kPoolSize, QStringLiteral("work"));
        Outcome outcome;
        runConcurrently(
            [&](int key) {
                return CriticalSection::run(
                    locks, work, AdvisoryKey::fromPair(0x5354, key), 60s,
                    [&](QSqlDatabase db) { return increment(db, *p, key); });
            },
            outcome);
        QVERIFY2(outcome.otherErrors == 0, qPrintable(outcome.firstOther));
        QCOMPARE(outcome.timeouts.load(), 0);
        QCOMPARE(outcome.ok.load(), kSections);
        QCOMPARE(total(*p), qint64(kSections)); // no lost update
        QCOMPARE(locks.timeouts(), quint64(0));
        QCOMPARE(work.timeouts(), quint64(0));
        QCOMPARE(locks.inUse(), 0);
        QCOMPARE(work.inUse(), 0);
    }

    // CriticalSection refuses the arrangement that deadlocks ...
    void sharedPoolIsRefused() {
        QString why;
        const auto p = prepared(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ConnectionPool shared(*p, kPoolSize, QStringLiteral("shared"));
        const Status s = CriticalSection::run(shared, shared, AdvisoryKey::fromInt64(1), 1s,
                                              [](QSqlDatabase) { return Status{}; });
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ErrorKind::InvalidArgument);
        QVERIFY(s.error().message.contains(QLatin1String("deadlock")));
        QCOMPARE(total(*p), qint64(0));
    }

    // ... and this is why: the same workload, written naively on one shared pool,
    // starves. Every connection ends up holding a lock while its holder waits for
    // a work connection. The first time-out ends the run (it would only repeat).
    void sharedPoolDeadlocksControl() {
        QString why;
        const auto p = prepared(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ConnectionPool shared(*p, kPoolSize, QStringLiteral("shared"));
        CancelToken stop;
        Outcome outcome;
        runConcurrently(
            [&](int key) -> Status {
                const AdvisoryKey k = AdvisoryKey::fromPair(0x5354, key);
                auto lockConnection = shared.acquire(30s, &stop);
                if (!lockConnection.ok())
                    return lockConnection.error();
                const QString sql =
                    QStringLiteral("SELECT pg_advisory_lock(%1)").arg(k.sqlArguments());
                if (auto s = lockConnection->run([&](QSqlDatabase db) {
                        QSqlQuery q(db);
                        q.prepare(sql);
                        for (const QVariant &v : k.bindValues())
                            q.addBindValue(v);
                        return Database::exec(q, *p, QStringLiteral("lock"));
                    });
                    !s.ok())
                    return s;
                Status result;
                {
                    auto workConnection = shared.acquire(1500ms, &stop);
                    if (!workConnection.ok() && workConnection.error().kind == ErrorKind::Timeout)
                        stop.cancel(); // starved: the deadlock is shown
                    result = workConnection.ok() ? workConnection->run([&](QSqlDatabase db) {
                        return increment(db, *p, key);
                    })
                                                 : Status(workConnection.error());
                }
                (void)lockConnection->run([&](QSqlDatabase db) {
                    QSqlQuery q(db);
                    q.exec(QStringLiteral("SELECT pg_advisory_unlock_all()"));
                    return Status{};
                });
                return result;
            },
            outcome);
        QVERIFY2(outcome.timeouts > 0, "the shared pool did not starve: the test cannot fail");
        QVERIFY(shared.timeouts() > 0);
        QVERIFY(outcome.ok < kSections);
    }
};

QTEST_GUILESS_MAIN(TestPoolStarvation)
#include "tst_poolstarvation.moc"
