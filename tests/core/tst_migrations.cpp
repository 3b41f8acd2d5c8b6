// Tracked migrations: idempotent, adopt a foreign table, detect changed and
// unknown migrations, live beside another tool's schema_migrations and adopt
// the history an earlier LockScope kept under that name.
#include "db/database.h"
#include "db/migrator.h"
#include "db/sqlscript.h"
#include "lease/leasemanager.h"
#include "support/testdb.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace lockscope;

namespace {

std::optional<ConnectionParams> emptyDb(const QString &backend, QString *why) {
    return test::TestDb::fresh(backend, why, false);
}

int countRows(const ConnectionParams &p, const QString &table) {
    ScopedConnection conn(p, QStringLiteral("count"));
    QSqlQuery q(conn.db());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toInt();
}

// Every row of a query, one line each with its values joined by '|'; the
// query's error text when it fails.
QStringList rowsOf(const ConnectionParams &p, const QString &sql) {
    ScopedConnection conn(p, QStringLiteral("rows"));
    QSqlQuery q(conn.db());
    if (!q.exec(sql))
        return {QStringLiteral("error: ") + q.lastError().text()};
    QStringList rows;
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < q.record().count(); ++i)
            values << q.value(i).toString();
        rows << values.join(QLatin1Char('|'));
    }
    return rows;
}

// The names of a table's columns, in order.
QStringList columnsOf(const ConnectionParams &p, const QString &table) {
    ScopedConnection conn(p, QStringLiteral("columns"));
    const QSqlRecord record = conn.db().record(table);
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}

bool tableExists(const ConnectionParams &p, const QString &table) {
    const QString sql =
        p.isPostgres()
            ? QStringLiteral("SELECT 1 WHERE to_regclass('%1') IS NOT NULL").arg(table)
            : QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                  .arg(table);
    return rowsOf(p, sql) == QStringList{QStringLiteral("1")};
}

} // namespace

class TestMigrations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void migrateTwiceIsNoOp_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void migrateTwiceIsNoOp() {
        QFETCH(QString, backend);
        QString why;
        auto p = emptyDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto known = Migrator::available(p->driver);
        QVERIFY(known.size() >= 2);
        QCOMPARE(known.first().name, QStringLiteral("0001_aggregate_locks"));

        auto first = Migrator::migrate(*p);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->size(), known.size());
        auto second = Migrator::migrate(*p);
        QVERIFY(second.ok());
        QCOMPARE(second->size(), 0);
        QCOMPARE(countRows(*p, QStringLiteral("lockscope_schema_migrations")), known.size());
        QVERIFY(!tableExists(*p, QStringLiteral("schema_migrations"))); // the name other tools use
        auto status = Migrator::status(*p);
        QVERIFY(status.ok());
        QVERIFY(status->pending.isEmpty());
        QVERIFY(status->leaseTablePresent);
    }

    // A table created beforehand by another program (only the four columns) is
    // adopted without change: its rows stay, and LockScope works on it.
    void adoptsForeignTable_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void adoptsForeignTable() {
        QFETCH(QString, backend);
        QString why;
        auto p = emptyDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(
            *p, QStringLiteral("CREATE TABLE aggregate_locks (lock_key text PRIMARY KEY, "
                               "owner_token text NOT NULL, acquired_at double precision NOT NULL, "
                               "expires_at double precision NOT NULL)")));
        QVERIFY(test::TestDb::exec(
            *p, QStringLiteral("INSERT INTO aggregate_locks VALUES ('theirs', 'tok', 1, %1 + 600)")
                    .arg(Database::nowSql(p->driver))));
        auto applied = Migrator::migrate(*p);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        QCOMPARE(countRows(*p, QStringLiteral("aggregate_locks")), 1);
        LeaseManager manager(*p);
        QCOMPARE(manager.tryLock(QStringLiteral("theirs")).error().kind, ErrorKind::NotAcquired);
        QVERIFY(manager.tryLock(QStringLiteral("mine")).ok());
    }

    void changedMigrationIsReported_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void changedMigrationIsReported() {
        LOCKSCOPE_FRESH_DB(p);
        QVERIFY(test::TestDb::exec(
            p, QStringLiteral("UPDATE lockscope_schema_migrations SET checksum = "
                              "'0000aaaa' WHERE version = 1")));
        auto again = Migrator::migrate(p);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::SchemaMismatch);
        QVERIFY2(again.error().message.contains(QLatin1String("0001_aggregate_locks")) &&
                     again.error().message.contains(QLatin1String("changed")),
                 qPrintable(again.error().message));
        QCOMPARE(Migrator::status(p).error().kind, ErrorKind::SchemaMismatch);
    }

    void newerUnknownMigrationIsReported_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void newerUnknownMigrationIsReported() {
        LOCKSCOPE_FRESH_DB(p);
        QVERIFY(test::TestDb::exec(p, QStringLiteral("INSERT INTO lockscope_schema_migrations "
                                                     "VALUES (9999, '9999_future', 'abc', 0)")));
        auto again = Migrator::migrate(p);
        QCOMPARE(again.error().kind, ErrorKind::SchemaMismatch);
        QVERIFY2(again.error().message.contains(QLatin1String("newer")),
                 qPrintable(again.error().message));
    }

    // golang-migrate, dbmate and Rails keep their history in a table called
    // schema_migrations. LockScope migrates beside it, twice, and never touches it.
    void otherToolsSchemaMigrations_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("create");
        QTest::addColumn<QString>("insert");
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            QTest::newRow(qPrintable(backend + QStringLiteral(" golang-migrate")))
                << backend
                << QStringLiteral("CREATE TABLE schema_migrations (version bigint NOT NULL "
                                  "PRIMARY KEY, dirty boolean NOT NULL)")
                << QStringLiteral("INSERT INTO schema_migrations VALUES (20240101120000, false)");
            QTest::newRow(qPrintable(backend + QStringLiteral(" dbmate/Rails")))
                << backend
                << QStringLiteral("CREATE TABLE schema_migrations (version varchar(128) "
                                  "PRIMARY KEY)")
                << QStringLiteral("INSERT INTO schema_migrations VALUES ('20240101120000'), "
                                  "('20240202120000')");
        }
    }
    void otherToolsSchemaMigrations() {
        QFETCH(QString, backend);
        QFETCH(QString, create);
        QFETCH(QString, insert);
        QString why;
        auto p = emptyDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QString error;
        QVERIFY2(test::TestDb::exec(*p, create, &error), qPrintable(error));
        QVERIFY2(test::TestDb::exec(*p, insert, &error), qPrintable(error));
        const QString theirs = QStringLiteral("SELECT * FROM schema_migrations ORDER BY version");
        const QStringList theirRows = rowsOf(*p, theirs);
        const QStringList theirColumns = columnsOf(*p, QStringLiteral("schema_migrations"));

        const auto known = Migrator::available(p->driver);
        auto first = Migrator::migrate(*p);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->size(), known.size());
        auto second = Migrator::migrate(*p);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        QCOMPARE(second->size(), 0);
        auto status = Migrator::status(*p);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QVERIFY(status->pending.isEmpty());
        QCOMPARE(status->applied.size(), known.size());

        QCOMPARE(rowsOf(*p, theirs), theirRows);
        QCOMPARE(columnsOf(*p, QStringLiteral("schema_migrations")), theirColumns);
        QCOMPARE(countRows(*p, QStringLiteral("lockscope_schema_migrations")), known.size());
        LeaseManager manager(*p);
        QVERIFY(manager.tryLock(QStringLiteral("beside-another-tool")).ok());
    }

    // A database migrated by an earlier LockScope, which kept its history in
    // schema_migrations(version, name, checksum, applied_at): the history moves to
    // LockScope's own table in the migration's transaction, and nothing that was
    // applied runs again -- only what is pending.
    void adoptsEarlierLockScopeHistory_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void adoptsEarlierLockScopeHistory() {
        QFETCH(QString, backend);
        QString why;
        auto p = emptyDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto known = Migrator::available(p->driver);
        QVERIFY(known.size() >= 4);
        const int earlier = 3; // the earlier LockScope knew 0001-0003
        QString error;
        QVERIFY2(test::TestDb::exec(*p,
                                    QStringLiteral("CREATE TABLE schema_migrations (version "
                                                   "integer PRIMARY KEY, name text NOT NULL, "
                                                   "checksum text NOT NULL, applied_at double "
                                                   "precision NOT NULL)"),
                                    &error),
                 qPrintable(error));
        for (int i = 0; i < earlier; ++i) {
            const Migration &m = known.at(i);
            for (const QString &statement : SqlScript::split(m.sql))
                QVERIFY2(test::TestDb::exec(*p, statement, &error), qPrintable(error));
            QVERIFY2(test::TestDb::exec(
                         *p,
                         QStringLiteral("INSERT INTO schema_migrations VALUES (%1, '%2', '%3', %4)")
                             .arg(m.version)
                             .arg(m.name, m.checksum)
                             .arg(1000 + i),
                         &error),
                     qPrintable(error));
        }
        // Rows written under the earlier schema must still be there afterwards.
        QVERIFY(test::TestDb::exec(
            *p, QStringLiteral("INSERT INTO aggregate_locks VALUES ('old', 'tok', 1, %1 + 600)")
                    .arg(Database::nowSql(p->driver))));

        auto status = Migrator::status(*p); // read-only: reads the earlier history in place
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QCOMPARE(status->applied.size(), earlier);
        QCOMPARE(status->pending.size(), known.size() - earlier);

        auto applied = Migrator::migrate(*p);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        QCOMPARE(applied->size(), known.size() - earlier);
        QCOMPARE(applied->first().version, known.at(earlier).version);
        QVERIFY(!tableExists(*p, QStringLiteral("schema_migrations"))); // moved, name freed
        const QStringList history =
            rowsOf(*p, QStringLiteral("SELECT version, name, checksum FROM "
                                      "lockscope_schema_migrations ORDER BY version"));
        QCOMPARE(history.size(), known.size());
        for (int i = 0; i < known.size(); ++i)
            QCOMPARE(history.at(i), QStringLiteral("%1|%2|%3")
                                        .arg(known.at(i).version)
                                        .arg(known.at(i).name, known.at(i).checksum));
        // The earlier rows kept their applied_at.
        QCOMPARE(rowsOf(*p, QStringLiteral("SELECT count(*) FROM lockscope_schema_migrations "
                                           "WHERE applied_at >= 1000 AND applied_at < 1010")),
                 QStringList{QString::number(earlier)});
        QCOMPARE(countRows(*p, QStringLiteral("aggregate_locks")), 1);
        auto again = Migrator::migrate(*p);
        QVERIFY(again.ok());
        QCOMPARE(again->size(), 0);
    }

    // An adoption that cannot finish (the earlier history names a migration this
    // build does not know) changes nothing: the earlier table stays as it was.
    void failedAdoptionChangesNothing_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void failedAdoptionChangesNothing() {
        QFETCH(QString, backend);
        QString why;
        auto p = emptyDb(backend, &why);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(
            *p, QStringLiteral("CREATE TABLE schema_migrations (version integer PRIMARY KEY, "
                               "name text NOT NULL, checksum text NOT NULL, applied_at double "
                               "precision NOT NULL)")));
        QVERIFY(test::TestDb::exec(
            *p,
            QStringLiteral("INSERT INTO schema_migrations VALUES (9999, '9999_future', 'x', 5)")));
        auto applied = Migrator::migrate(*p);
        QVERIFY(!applied.ok());
        QCOMPARE(applied.error().kind, ErrorKind::SchemaMismatch);
        QCOMPARE(rowsOf(*p, QStringLiteral("SELECT version, name FROM schema_migrations")),
                 QStringList{QStringLiteral("9999|9999_future")});
        QVERIFY(!tableExists(*p, QStringLiteral("lockscope_schema_migrations")));
        QVERIFY(!tableExists(*p, QStringLiteral("aggregate_locks")));
    }

    void scriptSplitter() {
        const QStringList parts = SqlScript::split(QStringLiteral(
            "-- comment; not a statement\nCREATE TABLE a (x text DEFAULT 'a;b');\n"
            "/* block; */ INSERT INTO a VALUES ('it''s; fine');\n"
            "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n\n"));
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(0), QStringLiteral("CREATE TABLE a (x text DEFAULT 'a;b')"));
        QCOMPARE(parts.at(1), QStringLiteral("INSERT INTO a VALUES ('it''s; fine')"));
        QVERIFY(parts.at(2).contains(QLatin1String("$body$ SELECT 1; $body$")));

        const QStringList trigger = SqlScript::split(QStringLiteral(
            "CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  UPDATE a SET x = 1;\n  DELETE FROM b;\n"
            "END;\nCREATE INDEX i ON a (x);"));
        QCOMPARE(trigger.size(), 2);
        QVERIFY(trigger.at(0).endsWith(QLatin1String("END")));
        QVERIFY(trigger.at(0).contains(QLatin1String("DELETE FROM b;")));
        QCOMPARE(trigger.at(1), QStringLiteral("CREATE INDEX i ON a (x)"));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
