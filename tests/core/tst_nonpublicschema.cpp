// LockScope in a PostgreSQL schema other than public: a database whose
// search_path names another schema, where LockScope's tables live beside other
// tools' tables. Migrating twice is a no-op, the schema counts as migrated, and
// every acquisition gets a fence -- decided by the schema the connection uses,
// never by a table of the same name in another schema.
#include "db/database.h"
#include "db/migrator.h"
#include "lease/leasemanager.h"
#include "lease/leasequeries.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace lockscope;

namespace {

// The first column of the first row, or the error text.
QString valueOf(const ConnectionParams &p, const QString &sql) {
    ScopedConnection conn(p, QStringLiteral("value"));
    if (!conn.ok())
        return conn.error().message;
    QSqlQuery q(conn.db());
    if (!q.exec(sql))
        return QStringLiteral("error: ") + q.lastError().text();
    return q.next() ? q.value(0).toString() : QStringLiteral("no row");
}

// A fresh, unmigrated database whose search_path is `schema` only (set on the
// database, so every new connection to it uses that schema).
std::optional<ConnectionParams> databaseUsing(const QString &schema, QString *why) {
    auto p = test::TestDb::freshPostgres(why, false);
    if (!p)
        return std::nullopt;
    const QStringList setup{
        QStringLiteral("CREATE SCHEMA %1").arg(schema),
        QStringLiteral("ALTER DATABASE %1 SET search_path = %2").arg(p->database, schema)};
    for (const QString &sql : setup) {
        if (!test::TestDb::exec(*p, sql, why))
            return std::nullopt;
    }
    return p;
}

} // namespace

class TestNonPublicSchema final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void migrateTwiceAndFence() {
        QString why;
        const auto opt = databaseUsing(QStringLiteral("app"), &why);
        if (!opt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const ConnectionParams p = *opt;
        QCOMPARE(valueOf(p, QStringLiteral("SHOW search_path")), QStringLiteral("app"));
        // Other tools' tables in the same schema.
        QString error;
        for (const QString &sql :
             {QStringLiteral("CREATE TABLE app.users (id integer PRIMARY KEY)"),
              QStringLiteral("CREATE TABLE app.schema_migrations (version varchar(128) PRIMARY "
                             "KEY)"),
              QStringLiteral("INSERT INTO app.schema_migrations VALUES ('20240101120000')")})
            QVERIFY2(test::TestDb::exec(p, sql, &error), qPrintable(error));

        const auto known = Migrator::available(p.driver);
        auto first = Migrator::migrate(p);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->size(), known.size());
        QCOMPARE(valueOf(p, QStringLiteral("SELECT to_regclass('app.aggregate_locks') IS NOT "
                                           "NULL AND to_regclass('public.aggregate_locks') IS "
                                           "NULL")),
                 QStringLiteral("true"));

        auto second = Migrator::migrate(p);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        QCOMPARE(second->size(), 0);
        auto status = Migrator::status(p);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QVERIFY(status->pending.isEmpty());
        QVERIFY(status->leaseTablePresent);

        LeaseManager manager(p);
        auto lease = manager.tryLock(QStringLiteral("in-app"));
        QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
        QVERIFY2(lease->fence().has_value(), "fencing is off in a non-public schema");
        {
            ScopedConnection conn(p, QStringLiteral("check"));
            auto row = LeaseQueries::find(conn.db(), p, QStringLiteral("in-app"));
            QVERIFY(row.ok() && row.value().has_value());
            QCOMPARE(row.value()->fence, lease->fence());
        }
        QVERIFY(lease->release().value());

        // lockctl, a process of its own, too.
        const auto acquired = test::LockctlProcess::run(
            test::TestDb::urlFor(p), {QStringLiteral("acquire"), QStringLiteral("in-app/cli"),
                                      QStringLiteral("--hold"), QStringLiteral("0")});
        QVERIFY2(acquired.exitCode == 0, qPrintable(acquired.err));
        QVERIFY2(acquired.out.contains(QLatin1String("\"fence\":1")), qPrintable(acquired.out));
        const auto again =
            test::LockctlProcess::run(test::TestDb::urlFor(p), {QStringLiteral("migrate")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QLatin1String("is up to date.")), qPrintable(again.out));

        // The other tools' tables are as they were.
        QCOMPARE(valueOf(p, QStringLiteral("SELECT string_agg(version, ',') FROM "
                                           "app.schema_migrations")),
                 QStringLiteral("20240101120000"));
        QCOMPARE(valueOf(p, QStringLiteral("SELECT count(*) FROM app.users")), QStringLiteral("0"));
    }

    // LockScope's fence table in public does not count for a connection whose
    // search_path is another schema: the statements would not find it there.
    void fencesOfAnotherSchemaAreNotUsed() {
        QString why;
        const auto opt = databaseUsing(QStringLiteral("tenant"), &why);
        if (!opt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const ConnectionParams p = *opt;
        QString error;
        // public was migrated once (say, before the search_path was set) ...
        QVERIFY2(test::TestDb::exec(
                     p,
                     QStringLiteral("CREATE TABLE public.lockscope_fences (lock_key text PRIMARY "
                                    "KEY, last_fence bigint NOT NULL, owner_token text NOT NULL)"),
                     &error),
                 qPrintable(error));
        // ... and another program created the shared table in tenant.
        QVERIFY2(test::TestDb::exec(
                     p,
                     QStringLiteral("CREATE TABLE tenant.aggregate_locks (lock_key text PRIMARY "
                                    "KEY, owner_token text NOT NULL, acquired_at double precision "
                                    "NOT NULL, expires_at double precision NOT NULL)"),
                     &error),
                 qPrintable(error));
        LeaseManager manager(p);
        auto lease = manager.tryLock(QStringLiteral("k"));
        QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
        QVERIFY(!lease->fence().has_value());
        ScopedConnection conn(p, QStringLiteral("list"));
        auto snap = LeaseQueries::snapshot(conn.db(), p);
        QVERIFY2(snap.ok(), qPrintable(snap.ok() ? QString() : snap.error().message));
        QCOMPARE(snap->rows.size(), 1);
        QVERIFY(lease->release().value());
    }
};

QTEST_GUILESS_MAIN(TestNonPublicSchema)
#include "tst_nonpublicschema.moc"
