// The bad-input matrix of docs/bad-input.md, one data row per table row that
// lockctl can be given: the documented exit code, the documented message, one
// line on stderr, and no change to the lease table.
#include "db/database.h"
#include "lease/leasequeries.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace lockscope;
using test::LockctlProcess;

namespace {

// What the table holds, to compare before and after a bad call.
QString tableState(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("state"));
    auto snap = LeaseQueries::snapshot(conn.db(), p);
    if (!snap.ok())
        return snap.error().message;
    QStringList rows;
    for (const LeaseRow &r : std::as_const(snap->rows))
        rows
            << QStringLiteral("%1|%2|%3|%4").arg(r.key, r.token).arg(r.acquiredAt).arg(r.expiresAt);
    return rows.join(QLatin1Char('\n'));
}

quint16 closedPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QString pgUrl(const ConnectionParams &p, const QString &user, const QString &host,
              const QString &database, const QString &query = QString()) {
    return QStringLiteral("postgres://%1@%2:%3/%4%5")
        .arg(user, host)
        .arg(p.port)
        .arg(database, query);
}

} // namespace

class TestBadInput final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Rows that need no database of their own (a fresh SQLite file is used).
    void usage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        auto row = [](const char *name, QStringList args, int code, const QString &message) {
            QTest::newRow(name) << args << code << message;
        };
        const QString k = QStringLiteral("k");
        row("10 empty key", {QStringLiteral("acquire"), QString()}, 2,
            QStringLiteral("The lock key is empty. Give a non-empty key."));
        // Linux passes at most 128 KiB in one argument: the 1 MiB key is a core row.
        row("12 100 KiB key", {QStringLiteral("acquire"), QString(100 * 1024, QLatin1Char('k'))}, 2,
            QStringLiteral(
                "The lock key is 102400 bytes long; the maximum is 1024 bytes of UTF-8"));
        row("17 negative ttl",
            {QStringLiteral("acquire"), k, QStringLiteral("--ttl"), QStringLiteral("-5s")}, 2,
            QStringLiteral("--ttl must be a duration such as 250ms, 3s, 1.5s or 2m, not '-5s'."));
        row("18 zero ttl",
            {QStringLiteral("acquire"), k, QStringLiteral("--ttl"), QStringLiteral("0")}, 2,
            QStringLiteral("--ttl must be longer than zero"));
        row("19 enormous ttl",
            {QStringLiteral("acquire"), k, QStringLiteral("--ttl"), QStringLiteral("9999999h")}, 2,
            QStringLiteral("--ttl of '9999999h' is too long; the maximum is one year."));
        row("20 negative wait",
            {QStringLiteral("acquire"), k, QStringLiteral("--wait"), QStringLiteral("-1")}, 2,
            QStringLiteral("--wait must be a duration"));
        row("22 enormous wait",
            {QStringLiteral("acquire"), k, QStringLiteral("--wait"), QStringLiteral("100000h")}, 2,
            QStringLiteral("--wait of '100000h' is too long; the maximum is one year."));
        row("23a batch",
            {QStringLiteral("sweep"), QStringLiteral("--batch"), QStringLiteral("ten")}, 2,
            QStringLiteral("--batch must be a whole number"));
        row("23b clients",
            {QStringLiteral("bench"), QStringLiteral("cycle"), QStringLiteral("--clients"),
             QStringLiteral("x")},
            2, QStringLiteral("--clients must be a whole number"));
        row("23c threads",
            {QStringLiteral("load"), QStringLiteral("--threads"), QStringLiteral("x")}, 2,
            QStringLiteral("--threads, --processes and --keys take whole numbers"));
        row("37b no-lock outside rw",
            {QStringLiteral("load"), QStringLiteral("--mode"), QStringLiteral("lease"),
             QStringLiteral("--no-lock")},
            2, QStringLiteral("--no-lock is the control of --mode rw"));
        row("31 unknown command", {QStringLiteral("frobnicate")}, 2,
            QStringLiteral("unknown command 'frobnicate'"));
        row("32 unknown option", {QStringLiteral("list"), QStringLiteral("--bogus")}, 2,
            QStringLiteral("Unknown option 'bogus'"));
        row("33 release neither", {QStringLiteral("release"), k}, 2,
            QStringLiteral(
                "release needs exactly one of --token TOKEN (owner-guarded) or --force"));
        row("35 advisory key", {QStringLiteral("advisory-lock"), QStringLiteral("x")}, 2,
            QStringLiteral("'x' is not an advisory lock key. Give a 64-bit integer (42), a pair"));
        row("36 advisory on sqlite", {QStringLiteral("advisory")}, 1,
            QStringLiteral("advisory locks exist only on PostgreSQL"));
        // Row 52: a glob that cannot match is a mistake to name, not an empty result.
        row("52 list backwards range",
            {QStringLiteral("list"), QStringLiteral("--match"), QStringLiteral("[z-a]")}, 2,
            QStringLiteral("--match '[z-a]' is not a valid glob: the range z-a runs backwards; "
                           "write it as a-z."));
        row("52 list empty class",
            {QStringLiteral("list"), QStringLiteral("--match"), QStringLiteral("[!]")}, 2,
            QStringLiteral("--match '[!]' is not a valid glob: the class [!] contains no "
                           "character"));
        row("52 audit backwards range",
            {QStringLiteral("audit"), QStringLiteral("--target"), QStringLiteral("job[9-0]")}, 2,
            QStringLiteral("--target 'job[9-0]' is not a valid glob: the range 9-0 runs "
                           "backwards; write it as 0-9."));
        row("52 audit empty class",
            {QStringLiteral("audit"), QStringLiteral("--target"), QStringLiteral("[!]*")}, 2,
            QStringLiteral("--target '[!]*' is not a valid glob: the class [!] contains no "
                           "character"));
        // Row 55: a key that begins with '-' without `--` is taken for an option.
        row("55 dash key without --",
            {QStringLiteral("release"), QStringLiteral("-k"), QStringLiteral("--force")}, 2,
            QStringLiteral("Unknown option 'k'"));
        row("37 load advisory on sqlite",
            {QStringLiteral("load"), QStringLiteral("--mode"), QStringLiteral("advisory")}, 2,
            QStringLiteral(
                "--mode advisory needs PostgreSQL; this is a SQLite database. Use --mode lease."));
    }
    void usage() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const ConnectionParams params = test::TestDb::freshSqlite();
        QVERIFY(test::TestDb::exec(params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                          "('k', 'theirs', 1, 4102444800)")));
        const QString before = tableState(params);
        const auto r = LockctlProcess::run(test::TestDb::urlFor(params), args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.startsWith(QLatin1String("lockctl: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QCOMPARE(tableState(params), before);
    }

    void urls_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("27 unknown scheme")
            << QStringLiteral("mysql://root@localhost/db") << 2
            << QStringLiteral("the scheme 'mysql' is not supported. Use postgres://");
        QTest::newRow("29 unknown sslmode")
            << QStringLiteral("postgres://u@127.0.0.1/db?sslmode=maybe") << 2
            << QStringLiteral("sslmode must be one of disable, allow, prefer");
        QTest::newRow("30 unknown parameter")
            << QStringLiteral("postgres://u@127.0.0.1/db?password_file=x") << 2
            << QStringLiteral("the parameter 'password_file' is not supported");
        QTest::newRow("49 option value with a semicolon")
            << QStringLiteral("postgres://u@127.0.0.1/db?sslrootcert=/ca.pem;sslmode=disable") << 2
            << QStringLiteral("Invalid database URL: the sslrootcert value contains ';'");
        QTest::newRow("49 option value with a NUL character")
            << QStringLiteral("postgres://u@127.0.0.1/db?application_name=a%00b") << 2
            << QStringLiteral(
                   "Invalid database URL: the application_name value contains a NUL character");
        QTest::newRow("26 missing directory")
            << QStringLiteral("sqlite:///nonexistent-lockscope-dir/x.db") << 1
            << QStringLiteral(
                   "the directory /nonexistent-lockscope-dir does not exist. Create it first");
        QTest::newRow("25 directory")
            << QStringLiteral("sqlite:///tmp") << 1
            << QStringLiteral("it is a directory. Give the path of a database file.");
        QTest::newRow("61 unparsable URL with a password")
            << QStringLiteral("postgres://u:s3cretpw@h:99999/db") << 2
            << QStringLiteral("it cannot be parsed (Invalid port or port number out of range)");
        QTest::newRow("61 unparsable Redis URL with a password")
            << QStringLiteral("redis://u:s3cretpw@h:99999/0") << 2
            << QStringLiteral("it cannot be parsed (Invalid port or port number out of range)");
        QTest::newRow("2 wrong port")
            << QStringLiteral("postgres://u@127.0.0.1:%1/db").arg(closedPort()) << 1
            << QStringLiteral("Connection refused. Check the host and port");
        QTest::newRow("1 wrong host")
            << QStringLiteral("postgres://u@127.0.0.2:%1/db").arg(closedPort()) << 1
            << QStringLiteral("Cannot connect to PostgreSQL at 127.0.0.2:");
    }
    void urls() {
        QFETCH(QString, url);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto r = LockctlProcess::run(url, {QStringLiteral("list")});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(!r.err.contains(QLatin1String("s3cretpw")), qPrintable(r.err));
    }

    void corruptSqliteFile() { // row 24
        const QString path = test::TestDb::scratchDir() + QStringLiteral("/corrupt.db");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'Z'));
        f.close();
        const auto r =
            LockctlProcess::run(QStringLiteral("sqlite://") + path, {QStringLiteral("list")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("is not a valid SQLite database")),
                 qPrintable(r.err));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(8192, 'Z')); // untouched
    }

    void serverRows_data() {
        QTest::addColumn<QString>("which");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("3 wrong password")
            << QStringLiteral("password") << 1
            << QStringLiteral(
                   "refused the login of role 'lockscope': password authentication failed");
        QTest::newRow("4 missing database")
            << QStringLiteral("database") << 1
            << QStringLiteral("The database 'nosuchdb' does not exist on");
        QTest::newRow("28 sslmode require without TLS")
            << QStringLiteral("tls") << 1 << QStringLiteral("TLS to PostgreSQL at");
    }
    void serverRows() {
        QFETCH(QString, which);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QString url;
        if (which == QLatin1String("password"))
            url = QStringLiteral("postgres://lockscope:not-the-password@%1:%2/%3")
                      .arg(params->host)
                      .arg(params->port)
                      .arg(params->database);
        else if (which == QLatin1String("database"))
            url = pgUrl(*params, params->user, params->host, QStringLiteral("nosuchdb"));
        else
            url = pgUrl(*params, params->user, params->host, params->database,
                        QStringLiteral("?sslmode=require"));
        const auto r = LockctlProcess::run(url, {QStringLiteral("list")});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("not-the-password")));
    }

    // Row 5 for every command that touches the table, on both backends: the
    // missing table is named with what to run -- not a driver error about the
    // statement (an unprepared statement used to reach PostgreSQL as a syntax
    // error).
    void missingTableEveryCommand_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("args");
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            const QList<QStringList> commands{
                {QStringLiteral("list")},
                {QStringLiteral("sweep")},
                {QStringLiteral("release"), QStringLiteral("k"), QStringLiteral("--force")},
                {QStringLiteral("release"), QStringLiteral("k"), QStringLiteral("--token"),
                 QStringLiteral("t")},
                {QStringLiteral("acquire"), QStringLiteral("k"), QStringLiteral("--hold"),
                 QStringLiteral("0")}};
            for (const QStringList &args : commands)
                QTest::newRow(qPrintable(backend + QLatin1Char(' ') + args.join(QLatin1Char(' '))))
                    << backend << args;
        }
    }
    void missingTableEveryCommand() {
        QFETCH(QString, backend);
        QFETCH(QStringList, args);
        QString why;
        const auto params = test::TestDb::fresh(backend, &why, false);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto r = LockctlProcess::run(test::TestDb::urlFor(*params), args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("a LockScope table is missing")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Run `lockctl migrate` to create it.")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("syntax error")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("LINE 1")), qPrintable(r.err));
    }

    void schemaRows() { // rows 5, 6, 7
        const ConnectionParams empty = test::TestDb::freshSqlite(false);
        const auto missing =
            LockctlProcess::run(test::TestDb::urlFor(empty), {QStringLiteral("list")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QLatin1String("Run `lockctl migrate` to create it")));

        const ConnectionParams older = test::TestDb::freshSqlite(false);
        QVERIFY(test::TestDb::exec(
            older,
            QStringLiteral("CREATE TABLE aggregate_locks (lock_key text PRIMARY KEY, "
                           "owner_token text NOT NULL, acquired_at REAL, expires_at REAL)")));
        const auto works = LockctlProcess::run(test::TestDb::urlFor(older),
                                               {QStringLiteral("acquire"), QStringLiteral("k"),
                                                QStringLiteral("--hold"), QStringLiteral("0")});
        QCOMPARE(works.exitCode, 0);
        QVERIFY(works.out.contains(QLatin1String("\"fence\":null")));

        const ConnectionParams newer = test::TestDb::freshSqlite();
        QVERIFY(test::TestDb::exec(newer, QStringLiteral("INSERT INTO lockscope_schema_migrations "
                                                         "VALUES (9999, '9999_future', 'x', 0)")));
        const auto refused =
            LockctlProcess::run(test::TestDb::urlFor(newer), {QStringLiteral("migrate")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QLatin1String("which this build of LockScope does not know")));
    }

    // Row 46: golang-migrate's schema_migrations (dbmate's and Rails' are in
    // tests/core/tst_migrations.cpp): migrate works beside it and leaves it alone.
    void otherToolsSchemaMigrations_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void otherToolsSchemaMigrations() {
        QFETCH(QString, backend);
        QString why;
        const auto params = test::TestDb::fresh(backend, &why, false);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(*params, QStringLiteral("CREATE TABLE schema_migrations "
                                                           "(version bigint NOT NULL PRIMARY "
                                                           "KEY, dirty boolean NOT NULL)")));
        QVERIFY(test::TestDb::exec(
            *params,
            QStringLiteral("INSERT INTO schema_migrations VALUES (20240101120000, false)")));
        const QString url = test::TestDb::urlFor(*params);
        const auto first = LockctlProcess::run(url, {QStringLiteral("migrate")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const auto second = LockctlProcess::run(url, {QStringLiteral("migrate")});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains(QLatin1String("is up to date.")), qPrintable(second.out));
        QVERIFY2(!second.out.contains(QLatin1String("applied now")), qPrintable(second.out));
        ScopedConnection conn(*params, QStringLiteral("theirs"));
        QSqlQuery q(conn.db());
        QVERIFY(q.exec(QStringLiteral("SELECT version, dirty FROM schema_migrations")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 20240101120000LL);
        QVERIFY(!q.next());
    }

    void readOnlyRole() { // rows 8, 9
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto ro = test::TestDb::readOnlyRole(*params, &why);
        if (!ro)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY(test::TestDb::exec(*params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                           "('k', 't', 1, 4102444800)")));
        const QString before = tableState(*params);
        const auto release = LockctlProcess::run(
            test::TestDb::urlFor(*ro),
            {QStringLiteral("release"), QStringLiteral("k"), QStringLiteral("--force")});
        QCOMPARE(release.exitCode, 1);
        QVERIFY2(release.err.contains(QLatin1String("permission denied")), qPrintable(release.err));
        QVERIFY(release.err.contains(QLatin1String("this one can only inspect")));
        const auto sweep =
            LockctlProcess::run(test::TestDb::urlFor(*ro), {QStringLiteral("sweep")});
        QCOMPARE(sweep.exitCode, 1);
        // A backend of another role: the read-only role may not signal it.
        ScopedConnection victim(*params, QStringLiteral("victim"));
        QSqlQuery pidQuery(victim.db());
        QVERIFY(pidQuery.exec(QStringLiteral("SELECT pg_backend_pid()")) && pidQuery.next());
        const auto terminate =
            LockctlProcess::run(test::TestDb::urlFor(*ro), {QStringLiteral("terminate-backend"),
                                                            pidQuery.value(0).toString()});
        QCOMPARE(terminate.exitCode, 1);
        QVERIFY2(terminate.err.contains(QLatin1String("permission denied")),
                 qPrintable(terminate.err));
        QCOMPARE(tableState(*params), before);
        // Every refused action left an audit row, written as the read-only role
        // itself through lockscope_audit_record (it may not INSERT directly).
        {
            ScopedConnection owner(*params, QStringLiteral("audit"));
            QSqlQuery audit(owner.db());
            QVERIFY(audit.exec(QStringLiteral(
                "SELECT action, db_user, outcome, tool FROM lockscope_audit ORDER BY id")));
            QStringList rows;
            while (audit.next()) {
                rows << QStringLiteral("%1 %2 %3 %4")
                            .arg(audit.value(0).toString(), audit.value(1).toString(),
                                 audit.value(2).toString(), audit.value(3).toString());
            }
            QCOMPARE(rows,
                     (QStringList{
                         QStringLiteral("force-release-unconditional lockscope_ro refused lockctl"),
                         QStringLiteral("sweep lockscope_ro refused lockctl"),
                         QStringLiteral("terminate-backend lockscope_ro refused lockctl")}));
        }
        // The function writes audit rows only: the read-only role still cannot
        // touch the lease table through it or otherwise.
        QString denied;
        QVERIFY(!test::TestDb::exec(*ro, QStringLiteral("DELETE FROM lockscope_audit"), &denied));
        QVERIFY2(denied.contains(QLatin1String("permission denied")), qPrintable(denied));
        // It may still look.
        const auto list = LockctlProcess::run(test::TestDb::urlFor(*ro), {QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        // ...and the read-only role reads its own refusals back with lockctl.
        const auto audit = LockctlProcess::run(test::TestDb::urlFor(*ro),
                                               {QStringLiteral("audit"), QStringLiteral("--json")});
        QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
        const QJsonArray entries = QJsonDocument::fromJson(audit.out.toUtf8()).array();
        QCOMPARE(entries.size(), 3);
        for (const QJsonValue &e : entries) {
            QCOMPARE(e.toObject().value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("refused"));
            QCOMPARE(e.toObject().value(QStringLiteral("db_user")).toString(),
                     QStringLiteral("lockscope_ro"));
        }
    }

    // Keys with quotes, SQL and non-Latin text are stored and listed exactly as
    // given, while held; nothing in them is executed.
    void verbatimKeys_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void verbatimKeys() { // rows 13, 14, 16
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        const QStringList keys{QStringLiteral("it's \"quoted\""),
                               QStringLiteral("a;DROP TABLE aggregate_locks;--"),
                               QStringLiteral("ключ-キー-🔒")};
        std::vector<std::unique_ptr<QProcess>> holders;
        for (const QString &key : keys) {
            holders.emplace_back(
                LockctlProcess::start(url, {QStringLiteral("acquire"), key,
                                            QStringLiteral("--hold"), QStringLiteral("60s")}));
            QProcess *p = holders.back().get();
            QTRY_VERIFY_WITH_TIMEOUT(p->canReadLine() || p->state() == QProcess::NotRunning, 30000);
            const QJsonObject held = QJsonDocument::fromJson(p->readLine()).object();
            QVERIFY2(held.value(QStringLiteral("lock_key")).toString() == key,
                     p->readAllStandardError().constData());
        }
        // All three are held now, stored byte for byte, and the table is intact.
        QStringList stored;
        {
            ScopedConnection conn(params, QStringLiteral("check"));
            QSqlQuery q(conn.db());
            QVERIFY(q.exec(QStringLiteral("SELECT lock_key FROM aggregate_locks")));
            while (q.next())
                stored << q.value(0).toString();
        }
        QStringList expected = keys;
        expected.sort();
        stored.sort();
        QCOMPARE(stored, expected);
        const auto listed =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        QStringList listedKeys;
        for (const auto &row : QJsonDocument::fromJson(listed.out.toUtf8()).array())
            listedKeys << row.toObject().value(QStringLiteral("lock_key")).toString();
        listedKeys.sort();
        QCOMPARE(listedKeys, expected);
        for (auto &p : holders) {
            ::kill(static_cast<pid_t>(p->processId()), SIGTERM);
            QVERIFY(p->waitForFinished(30000));
            QCOMPARE(p->exitCode(), 0); // a stop ends the hold and releases
        }
        ScopedConnection conn(params, QStringLiteral("check"));
        QSqlQuery q(conn.db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM aggregate_locks")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0); // each released its own
    }

    // Row 55: keys that begin with '-' (even one that looks like lockctl's own
    // --db) go after `--`, and every command's help says so.
    void keysThatBeginWithADash() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        const QString url = test::TestDb::urlFor(params);
        const auto acquired = LockctlProcess::run(
            url, {QStringLiteral("acquire"), QStringLiteral("--hold"), QStringLiteral("0"),
                  QStringLiteral("--"), QStringLiteral("-k")});
        QVERIFY2(acquired.exitCode == 0, qPrintable(acquired.err));
        QCOMPARE(QJsonDocument::fromJson(acquired.out.toUtf8())
                     .object()
                     .value(QStringLiteral("lock_key"))
                     .toString(),
                 QStringLiteral("-k"));
        QVERIFY(test::TestDb::exec(params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                          "('-k', 'theirs', 1, 4102444800), "
                                                          "('--db=sqlite:elsewhere.db', 'theirs', "
                                                          "1, 4102444800)")));
        for (const QString &key :
             {QStringLiteral("-k"), QStringLiteral("--db=sqlite:elsewhere.db")}) {
            const auto released =
                LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("--force"),
                                          QStringLiteral("--"), key});
            QVERIFY2(released.exitCode == 0, qPrintable(key + QLatin1Char(' ') + released.err));
        }
        QCOMPARE(tableState(params), QString());
        for (const QString &command : {QStringLiteral("acquire"), QStringLiteral("release"),
                                       QStringLiteral("advisory-lock")}) {
            const auto help = LockctlProcess::run(url, {command, QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.simplified().contains(QLatin1String("goes after `--`")),
                     qPrintable(help.out)); // help text is wrapped
        }
        const auto help = LockctlProcess::run(url, {QStringLiteral("--help")});
        QVERIFY2(help.out.contains(QLatin1String("lockctl release --force -- -my-key")),
                 qPrintable(help.out));
    }

    void zeroWaitOnHeldKey() { // rows 21, 34
        const ConnectionParams params = test::TestDb::freshSqlite();
        QVERIFY(test::TestDb::exec(params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                          "('k', 'theirs', 1, 4102444800)")));
        const auto once = LockctlProcess::run(test::TestDb::urlFor(params),
                                              {QStringLiteral("acquire"), QStringLiteral("k"),
                                               QStringLiteral("--wait"), QStringLiteral("0")});
        QCOMPARE(once.exitCode, 3);
        QVERIFY(once.err.contains(QLatin1String("Gave up waiting for the lease 'k'")));
        const auto stale = LockctlProcess::run(test::TestDb::urlFor(params),
                                               {QStringLiteral("release"), QStringLiteral("k"),
                                                QStringLiteral("--token"), QStringLiteral("old")});
        QCOMPARE(stale.exitCode, 4);
        QVERIFY(stale.err.contains(QLatin1String("it changed since you looked")));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
