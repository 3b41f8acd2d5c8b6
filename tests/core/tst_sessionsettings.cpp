// The timeouts LockScope needs for one statement (the advisory inspector's
// statement_timeout, an advisory lock wait's lock_timeout) end with that
// statement: afterwards a connection has the value its role and database give
// it -- or the value its owner set on it -- also after the statement failed.
#include "advisory/advisoryinspector.h"
#include "advisory/advisorylock.h"
#include "advisory/criticalsection.h"
#include "db/connectionpool.h"
#include "db/database.h"
#include "db/threadconnections.h"
#include "lease/leasemanager.h"
#include "lease/leasesql.h"
#include "lease/ownersession.h"
#include "support/testdb.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace lockscope;
using namespace std::chrono_literals;

namespace {

QString show(const QSqlDatabase &db, const QString &setting) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SHOW %1").arg(setting)) || !q.next())
        return QStringLiteral("error: ") + q.lastError().text();
    return q.value(0).toString();
}

bool run(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    return q.exec(sql);
}

// The value of `setting` on an AdvisoryLock's own connection, which lives on
// this thread under a name of the form lockscope-advisory-N.
QString showOnLock(const AdvisoryLock &lock, const QString &setting) {
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (!name.startsWith(QLatin1String("lockscope-advisory-")))
            continue;
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next() &&
            q.value(0).toInt() == lock.backendPid())
            return show(db, setting);
    }
    return QStringLiteral("no connection for pid %1").arg(lock.backendPid());
}

// The value of `setting` on the lease connections this thread holds for `p`
// (named lockscope-lease-<identity>-N), and their backend pids.
QStringList showOnLeaseConnections(const ConnectionParams &p, const QString &setting,
                                   QList<int> *pids = nullptr) {
    QStringList values;
    const QString prefix = QStringLiteral("lockscope-lease-%1").arg(p.identity());
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (!name.startsWith(prefix))
            continue;
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        values << show(db, setting);
        QSqlQuery q(db);
        if (pids && q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next())
            pids->append(q.value(0).toInt());
    }
    return values;
}

// The last statement the backend `pid` ran, as pg_stat_activity shows it.
QString lastQueryOf(const QSqlDatabase &db, int pid) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT query FROM pg_stat_activity WHERE pid = ?"));
    q.addBindValue(pid);
    if (!q.exec() || !q.next())
        return QStringLiteral("error: ") + q.lastError().text();
    return q.value(0).toString();
}

QString showOnPool(ConnectionPool &pool, const QString &setting) {
    QString value;
    auto connection = pool.acquire(5s);
    if (!connection.ok())
        return connection.error().message;
    (void)connection->run([&](QSqlDatabase db) -> Status {
        value = show(db, setting);
        return {};
    });
    return value;
}

// A fresh database whose default for `setting` is `value` (ALTER DATABASE, as
// a DBA would set it; the role default behaves the same).
std::optional<ConnectionParams> databaseWith(const QString &setting, const QString &value,
                                             QString *why) {
    auto p = test::TestDb::freshPostgres(why);
    if (!p)
        return std::nullopt;
    if (!test::TestDb::exec(
            *p, QStringLiteral("ALTER DATABASE %1 SET %2 = '%3'").arg(p->database, setting, value),
            why))
        return std::nullopt;
    return p;
}

// The superuser, on the same database: it may lock a catalog view.
std::optional<ConnectionParams> superuserOn(const ConnectionParams &p, QString *why) {
    auto admin = ConnectionParams::fromUrl(qEnvironmentVariable("LOCKSCOPE_TEST_PG_ADMIN_URL"));
    if (!admin.ok()) {
        *why = QStringLiteral("LOCKSCOPE_TEST_PG_ADMIN_URL: ") + admin.error().message;
        return std::nullopt;
    }
    ConnectionParams a = admin.value();
    a.database = p.database;
    return a;
}

} // namespace

class TestSessionSettings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inspectorKeepsTheConnectionsStatementTimeout() {
        QString why;
        const auto opt =
            databaseWith(QStringLiteral("statement_timeout"), QStringLiteral("7s"), &why);
        if (!opt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const ConnectionParams p = *opt;
        const auto adminOpt = superuserOn(p, &why);
        if (!adminOpt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ScopedConnection caller(p, QStringLiteral("caller"));
        QVERIFY(caller.ok());
        const QSqlDatabase db = caller.db();
        const QString timeout = QStringLiteral("statement_timeout");
        QCOMPARE(show(db, timeout), QStringLiteral("7s"));

        // 1. After an inspection: the database's default.
        auto snap = AdvisoryInspector::snapshot(db, p);
        QVERIFY2(snap.ok(), qPrintable(snap.ok() ? QString() : snap.error().message));
        QCOMPARE(show(db, timeout), QStringLiteral("7s"));

        // 2. The caller's own setting survives too.
        QVERIFY(run(db, QStringLiteral("SET statement_timeout = '9s'")));
        QVERIFY(AdvisoryInspector::snapshot(db, p).ok());
        QCOMPARE(show(db, timeout), QStringLiteral("9s"));

        // 3. An inspection that fails (its statement runs past its own timeout
        // behind a lock on pg_locks) leaves no timeout of its own behind.
        ScopedConnection admin(*adminOpt, QStringLiteral("admin"));
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().message));
        QVERIFY(run(admin.db(), QStringLiteral("BEGIN")));
        QVERIFY(run(admin.db(),
                    QStringLiteral("LOCK TABLE pg_catalog.pg_locks IN ACCESS EXCLUSIVE MODE")));
        auto failed = AdvisoryInspector::snapshot(db, p, 300ms);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, ErrorKind::Timeout);
        QCOMPARE(show(db, timeout), QStringLiteral("9s"));

        // 4. Inside the caller's transaction: the same, and a failed inspection
        // does not abort the caller's transaction.
        QVERIFY(run(db, QStringLiteral("BEGIN")));
        QVERIFY(run(db, QStringLiteral("CREATE TEMP TABLE mine (x int)")));
        QCOMPARE(AdvisoryInspector::snapshot(db, p, 300ms).error().kind, ErrorKind::Timeout);
        QCOMPARE(show(db, timeout), QStringLiteral("9s"));
        QVERIFY(run(admin.db(), QStringLiteral("ROLLBACK")));
        QVERIFY(AdvisoryInspector::snapshot(db, p).ok());
        QCOMPARE(show(db, timeout), QStringLiteral("9s"));
        QVERIFY2(run(db, QStringLiteral("INSERT INTO mine VALUES (1)")),
                 "the caller's transaction was aborted by the inspector");
        QVERIFY(run(db, QStringLiteral("COMMIT")));
    }

    void advisoryWaitKeepsTheLockTimeout() {
        QString why;
        const auto opt = databaseWith(QStringLiteral("lock_timeout"), QStringLiteral("6s"), &why);
        if (!opt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const ConnectionParams p = *opt;
        const AdvisoryKey key = AdvisoryKey::fromInt64(501);
        const QString timeout = QStringLiteral("lock_timeout");
        AdvisoryLock holder(p, key);
        QVERIFY(holder.tryLock().value());

        AdvisoryLock waiter(p, key);
        QCOMPARE(waiter.lock(200ms).error().kind, ErrorKind::Timeout); // a failed wait
        QCOMPARE(showOnLock(waiter, timeout), QStringLiteral("6s"));
        QVERIFY(holder.unlock().ok());
        QVERIFY(waiter.lock(5s).ok()); // a wait that succeeds
        QCOMPARE(showOnLock(waiter, timeout), QStringLiteral("6s"));
        QVERIFY(waiter.unlock().ok());
        QVERIFY(waiter.lock().ok()); // an unbounded wait
        QCOMPARE(showOnLock(waiter, timeout), QStringLiteral("6s"));
        QVERIFY(waiter.unlock().ok());

        AdvisoryLockOptions transaction;
        transaction.scope = AdvisoryScope::Transaction;
        AdvisoryLock inTransaction(p, key, transaction);
        QVERIFY(inTransaction.lock(5s).ok());
        QVERIFY(inTransaction.commit().ok());
        QCOMPARE(showOnLock(inTransaction, timeout), QStringLiteral("6s"));
    }

    // A pool's connection is the service's: a critical section's lock wait
    // leaves it with the setting the service gave it, or the database default.
    void criticalSectionKeepsThePoolsLockTimeout() {
        QString why;
        const auto opt = databaseWith(QStringLiteral("lock_timeout"), QStringLiteral("6s"), &why);
        if (!opt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const ConnectionParams p = *opt;
        const AdvisoryKey key = AdvisoryKey::fromInt64(502);
        const QString timeout = QStringLiteral("lock_timeout");
        ConnectionPool locks(p, 1, QStringLiteral("locks"));
        ConnectionPool work(p, 1, QStringLiteral("work"));
        const auto body = [](QSqlDatabase) -> Status {
            return {};
        };
        AdvisoryLock holder(p, key);
        QVERIFY(holder.tryLock().value());

        QCOMPARE(CriticalSection::run(locks, work, key, 200ms, body).error().kind,
                 ErrorKind::Timeout);
        QCOMPARE(showOnPool(locks, timeout), QStringLiteral("6s"));

        {
            auto mine = locks.acquire(5s);
            QVERIFY(mine.ok());
            QVERIFY(mine->run([](QSqlDatabase db) -> Status {
                            return run(db, QStringLiteral("SET lock_timeout = '8s'"))
                                       ? Status{}
                                       : Status{Error{ErrorKind::Database, QStringLiteral("SET")}};
                        })
                        .ok());
        }
        QCOMPARE(CriticalSection::run(locks, work, key, 200ms, body).error().kind,
                 ErrorKind::Timeout);
        QCOMPARE(showOnPool(locks, timeout), QStringLiteral("8s"));
        QVERIFY(holder.unlock().ok());
        QVERIFY(CriticalSection::run(locks, work, key, 5s, body).ok());
        QCOMPARE(showOnPool(locks, timeout), QStringLiteral("8s"));
    }

    // A lease release commits asynchronously (LeaseConfig::durableRelease is
    // off), and only its own transaction does: the connection's next acquire
    // commits with the database's setting again. With durableRelease on, the
    // release leaves synchronous_commit alone.
    void leaseReleaseIsAsynchronousOnlyForItself() {
        QString why;
        const auto opt =
            databaseWith(QStringLiteral("synchronous_commit"), QStringLiteral("local"), &why);
        if (!opt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString setting = QStringLiteral("synchronous_commit");
        ScopedConnection caller(*opt, QStringLiteral("caller"));
        QVERIFY(caller.ok());

        for (const bool durable : {false, true}) {
            // Its own application name: its own lease connections on this thread.
            ConnectionParams p = *opt;
            p.applicationName = QStringLiteral("tst-async-release-%1").arg(durable);
            LeaseConfig config;
            config.durableRelease = durable;
            config.inProcessGate = false;
            config.ownerId = QStringLiteral("tst-async-%1").arg(durable);
            LeaseManager manager(p, config);
            // The manager names its sessions <program>/<owner id>, and its
            // thread connections after those parameters.
            ConnectionParams named = p;
            named.applicationName = OwnerSessionName::forOwner(p.applicationName, config.ownerId);
            const QString key = QStringLiteral("async-release/%1").arg(durable);
            for (int round = 0; round < 2; ++round) {
                auto lease = manager.tryLock(key);
                QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
                auto released = lease->release();
                QVERIFY(released.ok() && released.value());
            }
            QList<int> pids;
            const QStringList values = showOnLeaseConnections(named, setting, &pids);
            QVERIFY2(!values.isEmpty(), "no lease connection on this thread");
            for (const QString &value : values)
                QCOMPARE(value, QStringLiteral("local")); // the database's, not 'off'

            // The release the server really ran (after one more cycle, since
            // finding the pid above was itself a statement).
            auto lease = manager.tryLock(key);
            QVERIFY(lease.ok());
            QVERIFY(lease->release().ok());
            const QString last = lastQueryOf(caller.db(), pids.constFirst());
            QVERIFY2(last.contains(QLatin1String("lockscope_release_lease")), qPrintable(last));
            QCOMPARE(last.contains(QLatin1String("set_config('synchronous_commit', 'off', true)")),
                     !durable);
            QCOMPARE(showOnLeaseConnections(named, setting), QStringList{QStringLiteral("local")});
        }

        // Two managers with the same owner id share the thread's connection and
        // its prepared statements: a durable one still releases durably after
        // an asynchronous one prepared its release there first.
        {
            ConnectionParams p = *opt;
            p.applicationName = QStringLiteral("tst-shared-release");
            LeaseConfig config;
            config.inProcessGate = false;
            config.ownerId = QStringLiteral("tst-shared");
            ConnectionParams named = p;
            named.applicationName = OwnerSessionName::forOwner(p.applicationName, config.ownerId);
            LeaseManager async(p, config);
            config.durableRelease = true;
            LeaseManager durable(p, config);
            const QString key = QStringLiteral("shared-release");
            auto first = async.tryLock(key);
            QVERIFY(first.ok());
            QVERIFY(first->release().ok());
            QList<int> pids;
            QVERIFY(!showOnLeaseConnections(named, setting, &pids).isEmpty());
            auto second = durable.tryLock(key);
            QVERIFY(second.ok());
            QVERIFY(second->release().ok());
            const QString last = lastQueryOf(caller.db(), pids.constFirst());
            QVERIFY2(last.contains(QLatin1String("lockscope_release_lease")), qPrintable(last));
            QVERIFY2(!last.contains(QLatin1String("set_config('synchronous_commit'")),
                     qPrintable(last));
        }

        // Inside a transaction the statement does switch its commit to
        // asynchronous: the setting is real, and scoped to that transaction.
        QString sql = LeaseSql::release(Driver::Postgres, true, false)
                          .replace(QLatin1String("CAST(? AS text), CAST(? AS text)"),
                                   QLatin1String("'nobody', 'nothing'"));
        QVERIFY(run(caller.db(), QStringLiteral("BEGIN")));
        QVERIFY(run(caller.db(), sql));
        QCOMPARE(show(caller.db(), setting), QStringLiteral("off"));
        QVERIFY(run(caller.db(), QStringLiteral("COMMIT")));
        QCOMPARE(show(caller.db(), setting), QStringLiteral("local"));
    }

    // A manager per job on one thread (each with its own owner id, so its own
    // session name): the sessions of the managers that are gone end, and the
    // thread does not keep one connection per manager it ever ran.
    void managersLeaveNoSessionsBehind() {
        QString why;
        const auto fresh = test::TestDb::freshPostgres(&why);
        if (!fresh)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ScopedConnection caller(*fresh, QStringLiteral("caller"));
        QVERIFY(caller.ok());
        ConnectionParams p = *fresh;
        p.applicationName = QStringLiteral("tst-retire");
        auto sessions = [&] {
            QSqlQuery q(caller.db());
            if (!q.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                       "application_name LIKE 'tst-retire/%'")) ||
                !q.next())
                return -1;
            return q.value(0).toInt();
        };
        const int before = ThreadConnections::countOnThisThread();
        {
            LeaseManager kept(p, LeaseConfig{}); // lives on: its session stays
            QVERIFY(kept.tryLock(QStringLiteral("kept")).ok());
            for (int job = 0; job < 12; ++job) {
                LeaseManager manager(p, LeaseConfig{}); // a random owner id each
                auto lease = manager.tryLock(QStringLiteral("job/%1").arg(job));
                QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
                QVERIFY(lease->release().value());
            }
            QVERIFY(kept.tryLock(QStringLiteral("kept-again")).ok()); // looks the slots over
            QVERIFY2(ThreadConnections::countOnThisThread() <= before + 2,
                     qPrintable(QString::number(ThreadConnections::countOnThisThread())));
            QTRY_COMPARE_WITH_TIMEOUT(sessions(), 1, 10000);
        }
        (void)ThreadConnections::get(*fresh, QStringLiteral("probe"));
        QTRY_COMPARE_WITH_TIMEOUT(sessions(), 0, 10000);
    }
};

QTEST_GUILESS_MAIN(TestSessionSettings)
#include "tst_sessionsettings.moc"
