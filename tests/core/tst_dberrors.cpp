// How LockScope reads a database's errors decides what it does next: a lost
// connection is dropped and the statement sent again on a new one; contention
// (a busy SQLite file, a PostgreSQL lock timeout) is waited out on the same
// connection. Each case here is a real error from a real database.
#include "db/database.h"
#include "support/sqlitewritelock.h"
#include "support/testdb.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace lockscope;

class TestDbErrors final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A SQLite file another connection holds write-locked: contention, and no
    // lost connection -- Qt reports SQLite's failed step as a ConnectionError,
    // which read as "lost" made every busy attempt close and reopen the file.
    void busySqliteIsContentionNotALostConnection() {
        const ConnectionParams p = test::TestDb::freshSqlite();
        test::SqliteWriteLock holder(p);
        QVERIFY2(holder.ok(), qPrintable(holder.error()));
        ScopedConnection waiter(p, QStringLiteral("waiter"));
        QVERIFY(waiter.ok());
        QSqlQuery q(waiter.db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout = 0")));
        QVERIFY(!q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        const QSqlError error = q.lastError();
        QVERIFY2(Database::isContention(error), qPrintable(error.text()));
        QVERIFY2(!Database::isConnectionLost(error), qPrintable(error.text()));
    }

    // PostgreSQL: a lock timeout is contention; a terminated session is lost.
    void postgresLockTimeoutAndTerminatedSession() {
        QString why;
        const auto p = test::TestDb::freshPostgres(&why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        ScopedConnection holder(*p, QStringLiteral("holder"));
        ScopedConnection waiter(*p, QStringLiteral("waiter"));
        QVERIFY(holder.ok() && waiter.ok());
        QSqlQuery hold(holder.db());
        QVERIFY(hold.exec(QStringLiteral("BEGIN")));
        QVERIFY(hold.exec(QStringLiteral("LOCK TABLE aggregate_locks IN ACCESS EXCLUSIVE MODE")));
        QSqlQuery q(waiter.db());
        QVERIFY(q.exec(QStringLiteral("SET lock_timeout = '50ms'")));
        QVERIFY(!q.exec(QStringLiteral("SELECT count(*) FROM aggregate_locks")));
        const QSqlError timedOut = q.lastError();
        QCOMPARE(timedOut.nativeErrorCode(), QStringLiteral("55P03"));
        QVERIFY(Database::isContention(timedOut));
        QVERIFY(!Database::isConnectionLost(timedOut));

        QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
        const int pid = q.value(0).toInt();
        QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
        // With a timeout, pg_terminate_backend returns once the session is gone.
        QVERIFY(hold.exec(QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid)));
        QVERIFY(hold.next() && hold.value(0).toBool());
        QVERIFY(!q.exec(QStringLiteral("SELECT 1")));
        const QSqlError lost = q.lastError();
        QVERIFY2(Database::isConnectionLost(lost), qPrintable(lost.text()));
        QVERIFY(!Database::isContention(lost));
    }
};

QTEST_GUILESS_MAIN(TestDbErrors)
#include "tst_dberrors.moc"
