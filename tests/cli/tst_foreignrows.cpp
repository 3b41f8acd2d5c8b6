// Rows that other programs wrote into the shared table, as lockctl meets them
// (docs/bad-input.md rows 51, 53 and 54): an expiry that is not a finite
// number, control characters in keys, tokens and audit rows, a key longer than
// LockScope would create. Each: the documented exit code and message, and
// nothing changed but what the command is for.
#include "db/database.h"
#include "db/migrator.h"
#include "lease/leasequeries.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace lockscope;
using test::LockctlProcess;

namespace {

// What the table holds, to compare before and after.
QString tableState(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("state"));
    auto snap = LeaseQueries::snapshot(conn.db(), p);
    if (!snap.ok())
        return snap.error().message;
    QStringList rows;
    for (const LeaseRow &r : std::as_const(snap->rows))
        rows << QStringLiteral("%1|%2|%3").arg(r.key, r.token).arg(r.acquiredAt);
    return rows.join(QLatin1Char('\n'));
}

// The table as another program creates it: the four columns, and nothing that
// stops NULL in the times. Then migrated (migration 0001 adopts it unchanged).
std::optional<ConnectionParams> foreignTable(const QString &backend, QString *why) {
    auto params = test::TestDb::fresh(backend, why, false);
    if (!params)
        return std::nullopt;
    QString error;
    if (!test::TestDb::exec(*params,
                            QStringLiteral("CREATE TABLE aggregate_locks (lock_key text PRIMARY "
                                           "KEY, owner_token text NOT NULL, acquired_at double "
                                           "precision, expires_at double precision)"),
                            &error)) {
        *why = error;
        return std::nullopt;
    }
    auto migrated = Migrator::migrate(*params);
    if (!migrated.ok()) {
        *why = migrated.error().message;
        return std::nullopt;
    }
    return params;
}

// Inserts with bound values, so any character reaches the table as it is.
bool insert(const ConnectionParams &p, const QString &table, const QStringList &columns,
            const QVariantList &values) {
    ScopedConnection conn(p, QStringLiteral("insert"));
    QSqlQuery q(conn.db());
    QStringList marks;
    for (qsizetype i = 0; i < values.size(); ++i)
        marks << QStringLiteral("?");
    q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                  .arg(table, columns.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning("insert failed: %s", qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

bool insertLease(const ConnectionParams &p, const QString &key, const QString &token,
                 double expiresAt = 4102444800.0) {
    return insert(p, QStringLiteral("aggregate_locks"),
                  {QStringLiteral("lock_key"), QStringLiteral("owner_token"),
                   QStringLiteral("acquired_at"), QStringLiteral("expires_at")},
                  {key, token, 1.0, expiresAt});
}

QString lineOf(const QString &out, const QString &start) {
    const QStringList lines = out.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(start))
            return line;
    }
    return QString();
}

QStringList keysOf(const QString &url, const QStringList &args) {
    const auto r = LockctlProcess::run(
        url, QStringList{QStringLiteral("list"), QStringLiteral("--json")} + args);
    QStringList keys;
    for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
        keys << v.toObject().value(QStringLiteral("lock_key")).toString();
    return keys;
}

bool hasTerminalControls(const QString &text) {
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && c != u'\n') || c.unicode() == 0x7f ||
            (c.unicode() >= 0x80 && c.unicode() < 0xa0))
            return true;
    }
    return false;
}

} // namespace

class TestForeignRows final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Row 46: one meaning for an expiry that is not a finite number -- shown as
    // invalid, never swept, never taken over (acquire says why instead of
    // waiting forever), removed by force release.
    void invalidExpiry_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("stored"); // as SQL
        QTest::addColumn<QString>("shown");
        const QString pg = QStringLiteral("postgres");
        const QString lite = QStringLiteral("sqlite");
        QTest::newRow("postgres NaN") << pg << QStringLiteral("'NaN'") << QStringLiteral("NaN");
        QTest::newRow("postgres Infinity")
            << pg << QStringLiteral("'Infinity'") << QStringLiteral("Infinity");
        QTest::newRow("postgres -Infinity")
            << pg << QStringLiteral("'-Infinity'") << QStringLiteral("-Infinity");
        QTest::newRow("postgres NULL") << pg << QStringLiteral("NULL") << QStringLiteral("NULL");
        // SQLite has no NaN: it stores one as NULL (0.0/0.0 is NULL too).
        QTest::newRow("sqlite NaN") << lite << QStringLiteral("0.0/0.0") << QStringLiteral("NULL");
        QTest::newRow("sqlite Infinity")
            << lite << QStringLiteral("9e999") << QStringLiteral("Infinity");
        QTest::newRow("sqlite -Infinity")
            << lite << QStringLiteral("-9e999") << QStringLiteral("-Infinity");
    }
    void invalidExpiry() {
        QFETCH(QString, backend);
        QFETCH(QString, stored);
        QFETCH(QString, shown);
        QString why;
        const auto params = foreignTable(backend, &why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        const QString insertK =
            QStringLiteral("INSERT INTO aggregate_locks VALUES ('k', 'their-token', 1, %1)")
                .arg(stored);
        QVERIFY(test::TestDb::exec(*params, insertK));
        QVERIFY(insertLease(*params, QStringLiteral("old"), QStringLiteral("t-old"), 2));
        QVERIFY(insertLease(*params, QStringLiteral("live"), QStringLiteral("t-live")));

        // list: a state of its own, and no date made up from the number.
        const auto list = LockctlProcess::run(url, {QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        const QString line = lineOf(list.out, QStringLiteral("k "));
        // PostgreSQL adds the SESSION column: "?" for another program's token.
        QVERIFY2(QRegularExpression(QStringLiteral("^k\\s+invalid\\s+—\\s+their-token\\s+"
                                                   "(?:\\?\\s+)?invalid \\(%1\\)$")
                                        .arg(QRegularExpression::escape(shown)))
                     .match(line)
                     .hasMatch(),
                 qPrintable(list.out));
        QVERIFY2(list.out.contains(QLatin1String("3 leases: 1 held, 1 expired, 1 invalid.")),
                 qPrintable(list.out));
        QVERIFY2(list.out.contains(QLatin1String("lockctl release --force -- KEY")),
                 qPrintable(list.out));

        const auto json =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QJsonObject k;
        for (const auto &v : QJsonDocument::fromJson(json.out.toUtf8()).array()) {
            if (v.toObject().value(QStringLiteral("lock_key")).toString() == QLatin1String("k"))
                k = v.toObject();
        }
        QCOMPARE(k.value(QStringLiteral("state")).toString(), QStringLiteral("invalid"));
        QVERIFY(k.value(QStringLiteral("expires_at")).isNull());
        QVERIFY(k.value(QStringLiteral("remaining_s")).isNull());
        QCOMPARE(k.value(QStringLiteral("expires_at_text")).toString(), shown);
        QCOMPARE(keysOf(url, {QStringLiteral("--expired")}), QStringList{QStringLiteral("old")});
        QCOMPARE(keysOf(url, {QStringLiteral("--held")}), QStringList{QStringLiteral("live")});

        // sweep: counts and removes the expired lease only.
        const auto dry =
            LockctlProcess::run(url, {QStringLiteral("sweep"), QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.startsWith(QLatin1String("1 expired lease would be removed")),
                 qPrintable(dry.out));
        const auto swept =
            LockctlProcess::run(url, {QStringLiteral("sweep"), QStringLiteral("--json")});
        QCOMPARE(swept.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(swept.out.toUtf8())
                     .object()
                     .value(QStringLiteral("removed"))
                     .toInt(),
                 1);
        QCOMPARE(keysOf(url, {}), (QStringList{QStringLiteral("k"), QStringLiteral("live")}));

        // acquire: neither a takeover nor a wait that never ends, but what to do.
        const QString before = tableState(*params);
        const auto acquire = LockctlProcess::run(url,
                                                 {QStringLiteral("acquire"), QStringLiteral("k"),
                                                  QStringLiteral("--hold"), QStringLiteral("0")},
                                                 20000);
        QCOMPARE(acquire.exitCode, 1);
        QVERIFY2(acquire.err.startsWith(
                     QStringLiteral("lockctl: The lease 'k' has an invalid expiry (%1) written by "
                                    "another program: it never expires")
                         .arg(shown)),
                 qPrintable(acquire.err));
        QVERIFY2(acquire.err.contains(QLatin1String("`lockctl release --force -- k`")),
                 qPrintable(acquire.err));
        QCOMPARE(acquire.err.count(QLatin1Char('\n')), 1);
        QCOMPARE(tableState(*params), before);

        // force release: guarded by the token shown, and unconditional.
        const auto stale =
            LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("k"),
                                      QStringLiteral("--token"), QStringLiteral("wrong")});
        QCOMPARE(stale.exitCode, 4);
        const auto guarded =
            LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("k"),
                                      QStringLiteral("--token"), QStringLiteral("their-token")});
        QVERIFY2(guarded.exitCode == 0, qPrintable(guarded.err));
        QCOMPARE(keysOf(url, {}), QStringList{QStringLiteral("live")});
        QVERIFY(test::TestDb::exec(*params, insertK));
        const auto forced = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("k"), QStringLiteral("--force")});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QCOMPARE(keysOf(url, {}), QStringList{QStringLiteral("live")});
    }

    // Row 48: control characters in what any writer put in the table reach the
    // operator's terminal as escapes, never as themselves; JSON stays exact.
    void controlCharacters_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void controlCharacters() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        const QString key = QStringLiteral("jobs/\x1b[2Jwiped\rfake\u202eevil");
        const QString token = QStringLiteral("tok\x1b]0;title\x07");
        QVERIFY(insertLease(params, key, token));
        QVERIFY(
            insert(params, QStringLiteral("lockscope_audit"),
                   {QStringLiteral("db_user"), QStringLiteral("os_user"), QStringLiteral("os_host"),
                    QStringLiteral("tool"), QStringLiteral("action"), QStringLiteral("target"),
                    QStringLiteral("outcome"), QStringLiteral("detail")},
                   {QStringLiteral("u"), QStringLiteral("os\x1b[31m"), QStringLiteral("h"),
                    QStringLiteral("lockctl"), QStringLiteral("force-release"), key,
                    QStringLiteral("released\x1b[0m"), QStringLiteral("a\rb\tc")}));
        const QString before = tableState(params);

        const auto list = LockctlProcess::run(url, {QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(!hasTerminalControls(list.out), list.out.toUtf8().toPercentEncoding().constData());
        QVERIFY2(list.out.contains(QLatin1String("jobs/\\x1b[2Jwiped\\rfake\\u202eevil")),
                 qPrintable(list.out));
        QVERIFY2(list.out.contains(QLatin1String("tok\\x1b]0;title\\x07")), qPrintable(list.out));
        const auto json =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject row = QJsonDocument::fromJson(json.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("lock_key")).toString(), key);
        QCOMPARE(row.value(QStringLiteral("owner_token")).toString(), token);

        const auto audit = LockctlProcess::run(url, {QStringLiteral("audit")});
        QCOMPARE(audit.exitCode, 0);
        QVERIFY2(!hasTerminalControls(audit.out),
                 audit.out.toUtf8().toPercentEncoding().constData());
        QVERIFY2(audit.out.contains(QLatin1String("jobs/\\x1b[2Jwiped")), qPrintable(audit.out));
        QVERIFY2(audit.out.contains(QLatin1String("os\\x1b[31m@h")), qPrintable(audit.out));
        QVERIFY2(audit.out.contains(QLatin1String("released\\x1b[0m")), qPrintable(audit.out));
        QVERIFY2(audit.out.contains(QLatin1String("a\\rb\\tc")), qPrintable(audit.out));
        const auto auditJson =
            LockctlProcess::run(url, {QStringLiteral("audit"), QStringLiteral("--json")});
        const QJsonObject entry =
            QJsonDocument::fromJson(auditJson.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("target")).toString(), key);
        QCOMPARE(entry.value(QStringLiteral("detail")).toString(), QStringLiteral("a\rb\tc"));
        QCOMPARE(tableState(params), before);

        // The release names the token it found without sending it to the terminal.
        const auto stale = LockctlProcess::run(
            url, {QStringLiteral("release"), key, QStringLiteral("--token"), QStringLiteral("x")});
        QCOMPARE(stale.exitCode, 4);
        QVERIFY2(!hasTerminalControls(stale.err), qPrintable(stale.err));
        QVERIFY2(stale.err.contains(QLatin1String("(tok\\x1b]0;title\\x07)")),
                 qPrintable(stale.err));
        const auto released = LockctlProcess::run(
            url, {QStringLiteral("release"), key, QStringLiteral("--token"), token});
        QCOMPARE(released.exitCode, 0);
        QVERIFY2(!hasTerminalControls(released.out), qPrintable(released.out));
        QCOMPARE(keysOf(url, {}), QStringList());
    }

    // Row 49: a key longer than LockScope creates (1024 bytes), written by
    // another program, is listed -- so it can be released, with the token
    // shown or by force. New keys keep the limit.
    void longForeignKey_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void longForeignKey() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        const QString key = QStringLiteral("theirs/") + QString(2000, QLatin1Char('k'));
        QVERIFY(insertLease(params, key, QStringLiteral("their-token")));
        QCOMPARE(keysOf(url, {}), QStringList{key});

        const auto guarded =
            LockctlProcess::run(url, {QStringLiteral("release"), key, QStringLiteral("--token"),
                                      QStringLiteral("their-token")});
        QVERIFY2(guarded.exitCode == 0, qPrintable(guarded.err));
        QCOMPARE(keysOf(url, {}), QStringList());

        QVERIFY(insertLease(params, key, QStringLiteral("their-token")));
        const auto forced =
            LockctlProcess::run(url, {QStringLiteral("release"), key, QStringLiteral("--force")});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QVERIFY(forced.out.startsWith(QLatin1String("FORCED: released 'theirs/kkk")));
        QCOMPARE(keysOf(url, {}), QStringList());

        const auto acquire = LockctlProcess::run(
            url, {QStringLiteral("acquire"), key, QStringLiteral("--hold"), QStringLiteral("0")});
        QCOMPARE(acquire.exitCode, 2);
        QVERIFY2(acquire.err.contains(QLatin1String("the maximum is 1024 bytes of UTF-8")),
                 qPrintable(acquire.err));
        QCOMPARE(keysOf(url, {}), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestForeignRows)
#include "tst_foreignrows.moc"
