// Tracked migrations: idempotent, adopt a foreign table, detect changed and
// unknown migrations.
#include "db/database.h"
#include "db/migrator.h"
#include "db/sqlscript.h"
#include "lease/leasemanager.h"
#include "support/testdb.h"

#include <QSqlQuery>
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
        QCOMPARE(countRows(*p, QStringLiteral("schema_migrations")), known.size());
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
        QVERIFY(test::TestDb::exec(p, QStringLiteral("UPDATE schema_migrations SET checksum = "
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
        QVERIFY(test::TestDb::exec(p, QStringLiteral("INSERT INTO schema_migrations VALUES "
                                                     "(9999, '9999_future', 'abc', 0)")));
        auto again = Migrator::migrate(p);
        QCOMPARE(again.error().kind, ErrorKind::SchemaMismatch);
        QVERIFY2(again.error().message.contains(QLatin1String("newer")),
                 qPrintable(again.error().message));
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
