// PostgreSQL advisory locks on their own connections, and the inspector that
// shows who holds and who waits.
#include "admin/auditlog.h"
#include "admin/backendactions.h"
#include "advisory/advisoryinspector.h"
#include "advisory/advisorylock.h"
#include "base/canceltoken.h"
#include "db/database.h"
#include "support/testdb.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

std::optional<ConnectionParams> postgresOrSkip(QString *why) {
    return test::TestDb::freshPostgres(why);
}

#define REQUIRE_PG(params)                                                                         \
    QString params##Why;                                                                           \
    const auto params##Opt = postgresOrSkip(&params##Why);                                         \
    if (!params##Opt)                                                                              \
        LOCKSCOPE_SKIP_OR_FAIL(params##Why);                                                       \
    const ConnectionParams params = *params##Opt

QVariant scalar(const ConnectionParams &p, const QString &sql) {
    ScopedConnection conn(p, QStringLiteral("scalar"));
    QSqlQuery q(conn.db());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

// The inspector shows the whole server; tests running beside this one hold
// advisory locks in their own databases, so only this test's database counts.
AdvisorySnapshot snapshotOf(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("inspect"));
    auto snap = AdvisoryInspector::snapshot(conn.db(), p);
    if (!snap.ok())
        return AdvisorySnapshot{};
    AdvisorySnapshot mine = snap.value();
    mine.rows.erase(
        std::remove_if(mine.rows.begin(), mine.rows.end(),
                       [&](const AdvisoryLockRow &r) { return r.database != p.database; }),
        mine.rows.end());
    return mine;
}

// A waiter on a thread of its own (an AdvisoryLock lives on one thread).
struct Waiter {
    std::atomic<bool> done{false};
    std::atomic<int> pid{0};
    Status result;
    CancelToken cancel;
    std::thread thread;

    void start(const ConnectionParams &p, AdvisoryKey key,
               std::optional<std::chrono::milliseconds> timeout, AdvisoryLockOptions options = {}) {
        thread = std::thread([=, this] {
            AdvisoryLock lock(p, key, options);
            (void)lock.connectionAlive(); // connect first, so the pid is known
            (void)lock.tryLock();
            if (lock.isHeld()) {
                result = {};
                done = true;
                return;
            }
            pid = lock.backendPid();
            result = lock.lock(timeout, &cancel);
            done = true;
        });
    }
    ~Waiter() {
        cancel.cancel();
        if (thread.joinable())
            thread.join();
    }
};

} // namespace

class TestAdvisoryLock final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sqliteSaysPostgresOnly() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        AdvisoryLock lock(params, AdvisoryKey::fromInt64(1));
        auto got = lock.tryLock();
        QCOMPARE(got.error().kind, ErrorKind::Unsupported);
        QVERIFY(got.error().message.contains(QLatin1String("only on PostgreSQL")));
        ScopedConnection conn(params, QStringLiteral("x"));
        QCOMPARE(AdvisoryInspector::snapshot(conn.db(), params).error().kind,
                 ErrorKind::Unsupported);
    }

    void keyParsing() {
        QCOMPARE(AdvisoryKey::parse(QStringLiteral("42"))->int64(), 42);
        QCOMPARE(AdvisoryKey::parse(QStringLiteral("int:-7"))->int64(), -7);
        QCOMPARE(AdvisoryKey::parse(QStringLiteral("1,-2"))->second(), -2);
        QCOMPARE(AdvisoryKey::parse(QStringLiteral("text:a,b"))->text(), QStringLiteral("a,b"));
        QCOMPARE(AdvisoryKey::parse(QStringLiteral("nope")).error().kind, ErrorKind::InvalidKey);
        QCOMPARE(AdvisoryKey::parse(QStringLiteral("1,2,3")).error().kind, ErrorKind::InvalidKey);
        QCOMPARE(AdvisoryKey::parse(QStringLiteral("text:")).error().kind, ErrorKind::InvalidKey);
    }

    // An unlock on another connection does nothing; the holder's own unlock frees it.
    void sessionLockReleasedOnlyByItsConnection() {
        REQUIRE_PG(params);
        const AdvisoryKey key = AdvisoryKey::fromInt64(1001);
        AdvisoryLock holder(params, key);
        QVERIFY(holder.tryLock().value());
        QVERIFY(holder.backendPid() > 0);
        QCOMPARE(scalar(params, QStringLiteral("SELECT pg_advisory_unlock(1001)")).toBool(), false);
        AdvisoryLock other(params, key);
        QCOMPARE(other.tryLock().value(), false);
        QVERIFY(holder.unlock().ok());
        QVERIFY(!holder.isHeld());
        QCOMPARE(other.tryLock().value(), true);
    }

    void transactionLockEndsWithTheTransaction() {
        REQUIRE_PG(params);
        const AdvisoryKey key = AdvisoryKey::fromPair(7, -3);
        AdvisoryLockOptions xact;
        xact.scope = AdvisoryScope::Transaction;
        AdvisoryLock holder(params, key, xact);
        AdvisoryLock probe(params, key);
        QVERIFY(holder.lock(2s).ok());
        QCOMPARE(probe.tryLock().value(), false);
        QVERIFY(holder.commit().ok());
        QCOMPARE(probe.tryLock().value(), true);
        QVERIFY(probe.unlock().ok());

        QVERIFY(holder.lock(2s).ok());
        QCOMPARE(probe.tryLock().value(), false);
        QVERIFY(holder.rollback().ok());
        QCOMPARE(probe.tryLock().value(), true);
    }

    void sharedLocksCoexistAndBlockExclusive() {
        REQUIRE_PG(params);
        const AdvisoryKey key = AdvisoryKey::fromText(QStringLiteral("reports/daily"));
        AdvisoryLockOptions shared;
        shared.mode = AdvisoryMode::Shared;
        AdvisoryLock readerA(params, key, shared);
        AdvisoryLock readerB(params, key, shared);
        AdvisoryLock writer(params, key);
        QVERIFY(readerA.tryLock().value());
        QVERIFY(readerB.tryLock().value());
        QCOMPARE(writer.tryLock().value(), false);
        QVERIFY(readerA.unlock().ok());
        QCOMPARE(writer.tryLock().value(), false);
        QVERIFY(readerB.unlock().ok());
        QVERIFY(writer.tryLock().value());
    }

    void lockTimesOutThenSucceedsAfterRelease() {
        REQUIRE_PG(params);
        const AdvisoryKey key = AdvisoryKey::fromInt64(77);
        AdvisoryLock holder(params, key);
        QVERIFY(holder.tryLock().value());
        AdvisoryLock waiter(params, key);
        QElapsedTimer clock;
        clock.start();
        const Status timedOut = waiter.lock(300ms);
        QCOMPARE(timedOut.error().kind, ErrorKind::Timeout);
        QVERIFY(clock.elapsed() >= 290);
        QVERIFY(!waiter.isHeld());
        QVERIFY(waiter.connectionAlive()); // the connection is fine for another try
        QVERIFY(holder.unlock().ok());
        QVERIFY(waiter.lock(5s).ok());
        QVERIFY(waiter.isHeld());
    }

    void cancelEndsTheWaitAndHoldsNothing() {
        REQUIRE_PG(params);
        const AdvisoryKey key = AdvisoryKey::fromInt64(88);
        AdvisoryLock holder(params, key);
        QVERIFY(holder.tryLock().value());
        Waiter waiter;
        waiter.start(params, key, std::nullopt);
        // Wait until the waiter is really waiting on the server.
        QTRY_VERIFY(waiter.pid > 0);
        QTRY_VERIFY(!snapshotOf(params).rows.isEmpty() && snapshotOf(params).rows.size() == 2);
        waiter.cancel.cancel();
        QTRY_VERIFY(waiter.done.load());
        QCOMPARE(waiter.result.error().kind, ErrorKind::Cancelled);
        QCOMPARE(snapshotOf(params).rows.size(), 1); // only the holder
        QVERIFY(holder.unlock().ok());
    }

    void inspectorDecodesKeysAndBlockers() {
        REQUIRE_PG(params);
        const qint64 big = 5'000'000'000LL; // above 2^32: both halves matter
        AdvisoryLock negative(params, AdvisoryKey::fromInt64(-5));
        AdvisoryLock large(params, AdvisoryKey::fromInt64(big));
        AdvisoryLock pair(params, AdvisoryKey::fromPair(-1, 2147483647));
        AdvisoryLock text(params, AdvisoryKey::fromText(QStringLiteral("orders/42")));
        for (AdvisoryLock *l : {&negative, &large, &pair, &text})
            QVERIFY(l->tryLock().value());
        const qint64 hashed =
            scalar(params, QStringLiteral("SELECT hashtextextended('orders/42', 0)")).toLongLong();

        Waiter waiter;
        waiter.start(params, AdvisoryKey::fromInt64(-5), 30s);
        QTRY_VERIFY(waiter.pid > 0);
        AdvisorySnapshot snap;
        QTRY_VERIFY((snap = snapshotOf(params), snap.rows.size() == 5));

        QHash<QString, AdvisoryLockRow> byKey;
        for (const AdvisoryLockRow &row : std::as_const(snap.rows)) {
            if (row.granted)
                byKey.insert(row.keyDisplay(), row);
        }
        QVERIFY(byKey.contains(QStringLiteral("-5")));
        QCOMPARE(byKey.value(QStringLiteral("-5")).pid, negative.backendPid());
        QVERIFY(byKey.contains(QString::number(big)));
        QVERIFY(byKey.contains(QStringLiteral("(-1, 2147483647)")));
        QVERIFY(byKey.value(QStringLiteral("(-1, 2147483647)")).isPair);
        QVERIFY2(byKey.contains(QString::number(hashed)), qPrintable(QString::number(hashed)));
        QCOMPARE(byKey.value(QStringLiteral("-5")).mode, QStringLiteral("ExclusiveLock"));

        const AdvisoryLockRow waiting = snap.rows.last();
        QVERIFY(!waiting.granted);
        QCOMPARE(waiting.pid, waiter.pid.load());
        QCOMPARE(waiting.key, -5);
        QCOMPARE(waiting.blockedBy, QList<int>{negative.backendPid()});
        QVERIFY(waiting.waitSeconds >= 0);

        const QList<BlockingNode> tree = AdvisoryInspector::blockingTree(snap);
        QCOMPARE(tree.first().pid, negative.backendPid()); // the root blocker comes first
        QCOMPARE(tree.first().blocked.size(), 1);
        QCOMPARE(tree.first().blocked.first().pid, waiter.pid.load());
    }

    // A chain: A blocks B, B blocks C; D blocks nobody. Pure function, built rows.
    void blockingTreeOrdersRootBlockersFirst() {
        AdvisorySnapshot snap;
        auto row = [](int pid, bool granted, QList<int> blockedBy) {
            AdvisoryLockRow r;
            r.pid = pid;
            r.granted = granted;
            r.blockedBy = blockedBy;
            return r;
        };
        snap.rows = {row(40, true, {}),    row(10, true, {}),    row(20, true, {}),
                     row(20, false, {10}), row(30, false, {20}), row(31, false, {10})};
        const QList<BlockingNode> tree = AdvisoryInspector::blockingTree(snap);
        QCOMPARE(tree.size(), 2);
        QCOMPARE(tree.at(0).pid, 10);
        QCOMPARE(tree.at(0).blocked.size(), 2);
        QCOMPARE(tree.at(0).blocked.at(0).pid, 20);
        QCOMPARE(tree.at(0).blocked.at(0).rows.size(), 2); // holds one lock, waits for another
        QCOMPARE(tree.at(0).blocked.at(0).blocked.first().pid, 30);
        QCOMPARE(tree.at(0).blocked.at(1).pid, 31);
        QCOMPARE(tree.at(1).pid, 40);
        QVERIFY(tree.at(1).blocked.isEmpty());
    }

    void cancelAndTerminateBackendAreAudited() {
        REQUIRE_PG(params);
        AdvisoryLock holder(params, AdvisoryKey::fromInt64(5));
        QVERIFY(holder.tryLock().value());
        const int pid = holder.backendPid();
        auto cancelled = BackendActions::cancelBackend(params, pid, QStringLiteral("test"));
        QVERIFY(cancelled.ok() && cancelled.value());
        QVERIFY(holder.connectionAlive()); // cancel ends a statement, not the session
        auto terminated = BackendActions::terminateBackend(params, pid, QStringLiteral("test"));
        QVERIFY(terminated.ok() && terminated.value());
        QTRY_VERIFY(!holder.connectionAlive()); // and with the session, its lock
        QVERIFY(snapshotOf(params).rows.isEmpty());
        auto gone = BackendActions::terminateBackend(params, pid, QStringLiteral("test"));
        QVERIFY(gone.ok() && !gone.value());

        ScopedConnection conn(params, QStringLiteral("audit"));
        auto entries = AuditLog::recent(conn.db(), params, 10);
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(2).action, QStringLiteral("cancel-backend"));
        QCOMPARE(entries->at(1).action, QStringLiteral("terminate-backend"));
        QCOMPARE(entries->at(1).target, QStringLiteral("pid %1").arg(pid));
        QCOMPARE(entries->at(1).outcome, QStringLiteral("signalled"));
        QCOMPARE(entries->at(0).outcome, QStringLiteral("no such backend"));
    }

    void readOnlyRoleMayNotTerminate() {
        REQUIRE_PG(params);
        QString why;
        const auto readOnly = test::TestDb::readOnlyRole(params, &why);
        if (!readOnly)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        AdvisoryLock holder(params, AdvisoryKey::fromInt64(6));
        QVERIFY(holder.tryLock().value());
        auto refused = BackendActions::terminateBackend(*readOnly, holder.backendPid(),
                                                        QStringLiteral("test"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::PermissionDenied);
        QVERIFY2(refused.error().message.contains(QLatin1String("permission denied")),
                 qPrintable(refused.error().message));
        QVERIFY(holder.connectionAlive());
        QVERIFY(holder.isHeld());
    }
};

QTEST_GUILESS_MAIN(TestAdvisoryLock)
#include "tst_advisorylock.moc"
