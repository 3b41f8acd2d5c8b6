// lockctl as a user runs it: real processes against real databases.
#include "db/database.h"
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <csignal>

#include <unistd.h>

using namespace lockscope;
using test::LockctlProcess;

namespace {

QJsonObject firstJsonLine(QProcess *p) {
    QByteArray line;
    while (!line.endsWith('\n')) {
        if (!p->waitForReadyRead(30000))
            return {};
        line += p->readLine();
    }
    return QJsonDocument::fromJson(line).object();
}

// lockctl with its wall clock shifted by `offset` (faketime's -f form, "+2h");
// its monotonic clock, which only times waits, is left alone.
test::LockctlResult runShifted(const QString &offset, const QString &url, const QStringList &args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FAKETIME_DONT_FAKE_MONOTONIC"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("faketime"),
            QStringList{QStringLiteral("-f"), offset, LockctlProcess::path(),
                        QStringLiteral("--db"), url} +
                args);
    test::LockctlResult r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestCliLease final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A holder in one process blocks a waiter in another until it releases.
    void secondProcessWaitsForRelease_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void secondProcessWaitsForRelease() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        std::unique_ptr<QProcess> holder(
            LockctlProcess::start(url, {QStringLiteral("acquire"), QStringLiteral("K"),
                                        QStringLiteral("--hold"), QStringLiteral("60s")}));
        const QJsonObject held = firstJsonLine(holder.get());
        QCOMPARE(held.value(QStringLiteral("lock_key")).toString(), QStringLiteral("K"));
        const QString token = held.value(QStringLiteral("owner_token")).toString();
        QVERIFY(!token.isEmpty());
        QVERIFY(held.value(QStringLiteral("expires_at")).toDouble() > 0);

        const auto busy =
            LockctlProcess::run(url, {QStringLiteral("acquire"), QStringLiteral("K"),
                                      QStringLiteral("--wait"), QStringLiteral("200ms")});
        QCOMPARE(busy.exitCode, 3);
        QVERIFY2(busy.err.contains(QLatin1String("Gave up waiting")), qPrintable(busy.err));

        std::unique_ptr<QProcess> waiter(LockctlProcess::start(
            url, {QStringLiteral("acquire"), QStringLiteral("K"), QStringLiteral("--wait"),
                  QStringLiteral("60s"), QStringLiteral("--hold"), QStringLiteral("0")}));
        QVERIFY(!waiter->waitForFinished(700)); // blocked behind the holder

        ::kill(static_cast<pid_t>(holder->processId()), SIGTERM);
        QVERIFY(holder->waitForFinished(10000));
        QCOMPARE(holder->exitCode(), 0); // released cleanly on SIGTERM

        QVERIFY(waiter->waitForFinished(30000));
        QCOMPARE(waiter->exitCode(), 0);
        const QJsonObject second =
            QJsonDocument::fromJson(waiter->readAllStandardOutput().trimmed()).object();
        QCOMPARE(second.value(QStringLiteral("lock_key")).toString(), QStringLiteral("K"));
        QVERIFY(second.value(QStringLiteral("owner_token")).toString() != token);

        const auto list =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }

    void listJsonAndFilters_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void listJsonAndFilters() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        QVERIFY(test::TestDb::exec(
            params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                   "('jobs/1', 'tok1', 1, 2), ('jobs/2', 'tok2', 1, 4102444800), "
                                   "('mail', 'tok3', 1, 4102444800)")));
        const auto all =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(all.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(all.out.toUtf8()).array();
        QCOMPARE(rows.size(), 3);
        const QJsonObject first = rows.at(0).toObject();
        for (const char *field :
             {"lock_key", "owner_token", "acquired_at", "expires_at", "remaining_s", "state"})
            QVERIFY2(first.contains(QLatin1String(field)), field);
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("expired"));
        QVERIFY(first.value(QStringLiteral("remaining_s")).toDouble() < 0);
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("held"));

        auto keysOf = [&](const QStringList &args) {
            const auto r = LockctlProcess::run(
                url, QStringList{QStringLiteral("list"), QStringLiteral("--json")} + args);
            QStringList keys;
            for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
                keys << v.toObject().value(QStringLiteral("lock_key")).toString();
            return keys;
        };
        QCOMPARE(keysOf({QStringLiteral("--expired")}), QStringList{QStringLiteral("jobs/1")});
        QCOMPARE(keysOf({QStringLiteral("--held")}),
                 (QStringList{QStringLiteral("jobs/2"), QStringLiteral("mail")}));
        QCOMPARE(keysOf({QStringLiteral("--match"), QStringLiteral("jobs/*")}),
                 (QStringList{QStringLiteral("jobs/1"), QStringLiteral("jobs/2")}));
        // A glob is never SQL: a quote matches nothing and breaks nothing.
        QCOMPARE(keysOf({QStringLiteral("--match"), QStringLiteral("x' OR '1'='1")}),
                 QStringList());

        const auto text = LockctlProcess::run(url, {QStringLiteral("list")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QLatin1String("3 leases: 2 held, 1 expired.")),
                 qPrintable(text.out));
    }

    void releaseAndSweep_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void releaseAndSweep() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        QVERIFY(
            test::TestDb::exec(params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                      "('a', 'tok-a', 1, 2), ('b', 'tok-b', 1, 3), "
                                                      "('c', 'tok-c', 1, 4102444800)")));
        const auto wrong =
            LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("c"),
                                      QStringLiteral("--token"), QStringLiteral("stale")});
        QCOMPARE(wrong.exitCode, 4);
        QVERIFY2(wrong.err.contains(QLatin1String("changed since you looked")),
                 qPrintable(wrong.err));

        const auto right =
            LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("c"),
                                      QStringLiteral("--token"), QStringLiteral("tok-c")});
        QCOMPARE(right.exitCode, 0);

        const auto neither =
            LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("a")});
        QCOMPARE(neither.exitCode, 2);

        const auto dry =
            LockctlProcess::run(url, {QStringLiteral("sweep"), QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.startsWith(QLatin1String("2 expired leases would be removed")),
                 qPrintable(dry.out));
        const auto swept =
            LockctlProcess::run(url, {QStringLiteral("sweep"), QStringLiteral("--batch"),
                                      QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(swept.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(swept.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("removed")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("batches")).toInt(),
                 2); // all that was expired at the start

        const auto forced = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("zzz"), QStringLiteral("--force")});
        QCOMPARE(forced.exitCode, 4); // nothing to release
    }

    // Another program holds a lease's row locked in a transaction it left open:
    // lockctl neither hangs nor changes anything, and names the session to end.
    void lockedRowNamesTheSession() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        QVERIFY(test::TestDb::exec(*params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                           "('held', 'tok-h', 1, 4102444800)")));
        ConnectionParams foreignParams = *params;
        foreignParams.applicationName = QStringLiteral("billing-batch");
        ScopedConnection foreign(foreignParams, QStringLiteral("foreign"));
        QVERIFY(foreign.ok());
        QSqlQuery q(foreign.db());
        QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
        const QString pid = q.value(0).toString();
        QVERIFY(foreign.db().transaction());
        QVERIFY(q.exec(QStringLiteral(
                    "SELECT * FROM aggregate_locks WHERE lock_key = 'held' FOR UPDATE")) &&
                q.next());
        const auto unblock = qScopeGuard([&] { foreign.db().rollback(); });

        const auto forced = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("held"), QStringLiteral("--force")});
        QCOMPARE(forced.exitCode, 3);
        const QStringList parts{QStringLiteral("stayed locked by another transaction"),
                                QStringLiteral("session ") + pid,
                                QStringLiteral("billing-batch"),
                                QStringLiteral("idle in transaction"),
                                QStringLiteral("lockctl terminate-backend ") + pid,
                                QStringLiteral("Nothing was released")};
        for (const QString &part : parts)
            QVERIFY2(forced.err.contains(part), qPrintable(forced.err));
        QCOMPARE(forced.err.count(QLatin1Char('\n')), 1); // one line

        const auto waited =
            LockctlProcess::run(url, {QStringLiteral("acquire"), QStringLiteral("held"),
                                      QStringLiteral("--wait"), QStringLiteral("1s")});
        QCOMPARE(waited.exitCode, 3);
        QVERIFY2(waited.err.contains(QLatin1String("stayed locked by another transaction")),
                 qPrintable(waited.err));

        foreign.db().rollback();
        const auto list =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.out.contains(QLatin1String("tok-h")), qPrintable(list.out)); // unchanged
        const auto freed = LockctlProcess::run(
            url, {QStringLiteral("release"), QStringLiteral("held"), QStringLiteral("--force")});
        QCOMPARE(freed.exitCode, 0);
    }

    // Every admin action above is in `lockctl audit`, oldest first, with the
    // account that ran it (from the password database, not $USER).
    void auditListsAdminActions_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void auditListsAdminActions() {
        LOCKSCOPE_FRESH_DB(params);
        const QString url = test::TestDb::urlFor(params);
        const auto empty = LockctlProcess::run(url, {QStringLiteral("audit")});
        QCOMPARE(empty.exitCode, 0);
        QVERIFY2(empty.out.startsWith(QLatin1String("No admin actions recorded")),
                 qPrintable(empty.out));
        QVERIFY(
            test::TestDb::exec(params, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                      "('old', 't', 1, 2), "
                                                      "('line\nbreak', 'tok', 1, 4102444800)")));
        QCOMPARE(LockctlProcess::run(url, {QStringLiteral("sweep")}).exitCode, 0);
        QCOMPARE(LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("line\nbreak"),
                                           QStringLiteral("--token"), QStringLiteral("stale")})
                     .exitCode,
                 4);
        QCOMPARE(LockctlProcess::run(url, {QStringLiteral("release"), QStringLiteral("line\nbreak"),
                                           QStringLiteral("--force")})
                     .exitCode,
                 0);

        const auto json =
            LockctlProcess::run(url, {QStringLiteral("audit"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QStringList seen;
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            seen << QStringLiteral("%1|%2|%3")
                        .arg(o.value(QStringLiteral("action")).toString(),
                             o.value(QStringLiteral("target")).toString(),
                             o.value(QStringLiteral("outcome")).toString());
            QCOMPARE(o.value(QStringLiteral("tool")).toString(), QStringLiteral("lockctl"));
            const QString osUser = o.value(QStringLiteral("os_user")).toString();
            if (::geteuid() == 0)
                QCOMPARE(osUser, QStringLiteral("root")); // CI runs as root with no $USER
            QVERIFY2(!osUser.isEmpty() && osUser != QLatin1String("unknown"), qPrintable(osUser));
        }
        QCOMPARE(seen,
                 (QStringList{
                     QStringLiteral("sweep|expired leases|removed 1"),
                     QStringLiteral("force-release|line\nbreak|changed since shown; not released"),
                     QStringLiteral("force-release-unconditional|line\nbreak|released")}));
        const QJsonObject changed = rows.at(1).toObject();
        // The token the operator saw, and the one that holds it now.
        QCOMPARE(changed.value(QStringLiteral("previous_token")).toString(),
                 QStringLiteral("stale"));
        QCOMPARE(changed.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("now held with token tok"));

        const auto latest =
            LockctlProcess::run(url, {QStringLiteral("audit"), QStringLiteral("--json"),
                                      QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(QJsonDocument::fromJson(latest.out.toUtf8()).array().size(), 1);
        QCOMPARE(QJsonDocument::fromJson(latest.out.toUtf8())
                     .array()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("action"))
                     .toString(),
                 QStringLiteral("force-release-unconditional"));

        const auto text = LockctlProcess::run(url, {QStringLiteral("audit")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(QLatin1String("AT ")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("line\\nbreak")),
                 qPrintable(text.out)); // one row
        QVERIFY2(text.out.endsWith(QLatin1String("3 entries.\n")), qPrintable(text.out));

        // Filters: by action, by target glob, by time.
        const auto actionsOf = [&](const QStringList &filter) {
            const auto r = LockctlProcess::run(
                url, QStringList{QStringLiteral("audit"), QStringLiteral("--json")} + filter);
            QStringList found;
            for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
                found << v.toObject().value(QStringLiteral("action")).toString();
            return found;
        };
        QCOMPARE(actionsOf({QStringLiteral("--action"), QStringLiteral("sweep")}),
                 QStringList{QStringLiteral("sweep")});
        QCOMPARE(actionsOf({QStringLiteral("--target"), QStringLiteral("line*")}),
                 (QStringList{QStringLiteral("force-release"),
                              QStringLiteral("force-release-unconditional")}));
        QCOMPARE(actionsOf({QStringLiteral("--since"), QStringLiteral("1h")}).size(), 3);
        const auto none = LockctlProcess::run(
            url, {QStringLiteral("audit"), QStringLiteral("--target"), QStringLiteral("zzz*")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.startsWith(QLatin1String("No admin actions match.")),
                 qPrintable(none.out));
        const auto unknownAction = LockctlProcess::run(
            url, {QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("delete")});
        QCOMPARE(unknownAction.exitCode, 2);
        QVERIFY2(unknownAction.err.contains(
                     QLatin1String("--action must be one of sweep, force-release")),
                 qPrintable(unknownAction.err));

        const auto bad = LockctlProcess::run(
            url, {QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("ten")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("--limit must be a whole number")),
                 qPrintable(bad.err));
    }

    // Expiry is decided by the database's clock, never lockctl's: with its
    // clock two hours ahead it does not take (or call expired) a lease the
    // database says is live, and two hours behind it takes and sweeps one the
    // database says expired. (PostgreSQL: a SQLite database's clock is that of
    // the process that opens it.)
    void databaseClockDecides() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        if (QStandardPaths::findExecutable(QStringLiteral("faketime")).isEmpty())
            LOCKSCOPE_SKIP_OR_FAIL(QStringLiteral("faketime is not installed (Debian: faketime)"));
        const QString url = test::TestDb::urlFor(*params);
        QVERIFY(test::TestDb::exec(
            *params, QStringLiteral("INSERT INTO aggregate_locks VALUES ('live', 'x', "
                                    "0, extract(epoch from now()) + 600), ('dead', "
                                    "'y', 0, extract(epoch from now()) - 600)")));
        // The control: faketime does shift lockctl's own clock (the owner of an
        // acquired lease, which is local, shows it in its SQLite twin below).
        const QString local =
            QStringLiteral("sqlite://") + test::TestDb::scratchDir() + QStringLiteral("/clock.db");
        QCOMPARE(runShifted(QStringLiteral("+2h"), local, {QStringLiteral("migrate")}).exitCode, 0);
        const auto shifted = runShifted(QStringLiteral("+2h"), local,
                                        {QStringLiteral("acquire"), QStringLiteral("k"),
                                         QStringLiteral("--hold"), QStringLiteral("0")});
        QVERIFY2(shifted.exitCode == 0, qPrintable(shifted.err));
        const double localNow = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        const double shiftedAt = QJsonDocument::fromJson(shifted.out.split(u'\n').first().toUtf8())
                                     .object()
                                     .value(QStringLiteral("acquired_at"))
                                     .toDouble();
        QVERIFY2(shiftedAt - localNow > 7000, qPrintable(shifted.out)); // ~ +2 h

        const auto listed = runShifted(QStringLiteral("+2h"), url,
                                       {QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        for (const auto &row : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
            const QJsonObject o = row.toObject();
            const bool live = o.value(QStringLiteral("lock_key")).toString() == u"live";
            QCOMPARE(o.value(QStringLiteral("state")).toString(),
                     live ? QStringLiteral("held") : QStringLiteral("expired"));
            if (live)
                QVERIFY(qAbs(o.value(QStringLiteral("remaining_s")).toDouble() - 600) < 60);
        }
        const auto notTaken = runShifted(QStringLiteral("+2h"), url,
                                         {QStringLiteral("acquire"), QStringLiteral("live"),
                                          QStringLiteral("--wait"), QStringLiteral("0")});
        QCOMPARE(notTaken.exitCode, 3);

        const auto counted = runShifted(
            QStringLiteral("-2h"), url,
            {QStringLiteral("sweep"), QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(counted.exitCode == 0, qPrintable(counted.err));
        QCOMPARE(QJsonDocument::fromJson(counted.out.toUtf8())
                     .object()
                     .value(QStringLiteral("would_remove"))
                     .toInt(),
                 1);
        const auto taken =
            runShifted(QStringLiteral("-2h"), url,
                       {QStringLiteral("acquire"), QStringLiteral("dead"), QStringLiteral("--wait"),
                        QStringLiteral("0"), QStringLiteral("--hold"), QStringLiteral("0")});
        QVERIFY2(taken.exitCode == 0, qPrintable(taken.err));
        // Its times are the database's, not the shifted clock's.
        const double acquiredAt = QJsonDocument::fromJson(taken.out.split(u'\n').first().toUtf8())
                                      .object()
                                      .value(QStringLiteral("acquired_at"))
                                      .toDouble();
        const double now = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        QVERIFY2(qAbs(acquiredAt - now) < 600, qPrintable(taken.out));
    }

    void migrateTwice() {
        const ConnectionParams params = test::TestDb::freshSqlite(false);
        const QString url = test::TestDb::urlFor(params);
        const auto first = LockctlProcess::run(url, {QStringLiteral("migrate")});
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.contains(QLatin1String("applied 0001_aggregate_locks")));
        const auto second = LockctlProcess::run(url, {QStringLiteral("migrate")});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(QLatin1String("is up to date.")), qPrintable(second.out));
        QVERIFY(!second.out.contains(QLatin1String("applied")));
    }

    // Bad input: one clear line on stderr, the documented exit code, no change.
    void badInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2
                                         << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("empty key") << QStringList{QStringLiteral("acquire"), QString()} << 2
                                   << QStringLiteral("The lock key is empty");
        QTest::newRow("over-long key")
            << QStringList{QStringLiteral("acquire"), QString(2000, QLatin1Char('k'))} << 2
            << QStringLiteral("the maximum is 1024 bytes");
        QTest::newRow("bad duration")
            << QStringList{QStringLiteral("acquire"), QStringLiteral("k"), QStringLiteral("--wait"),
                           QStringLiteral("soon")}
            << 2 << QStringLiteral("--wait must be a duration");
        QTest::newRow("negative ttl") << QStringList{QStringLiteral("acquire"), QStringLiteral("k"),
                                                     QStringLiteral("--ttl"), QStringLiteral("-5s")}
                                      << 2 << QStringLiteral("--ttl must be a duration");
        QTest::newRow("zero ttl") << QStringList{QStringLiteral("acquire"), QStringLiteral("k"),
                                                 QStringLiteral("--ttl"), QStringLiteral("0")}
                                  << 2 << QStringLiteral("--ttl must be longer than zero");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("list"), QStringLiteral("--bogus")} << 2
            << QStringLiteral("Unknown option 'bogus'");
        QTest::newRow("bad batch") << QStringList{QStringLiteral("sweep"),
                                                  QStringLiteral("--batch"), QStringLiteral("ten")}
                                   << 2 << QStringLiteral("--batch must be a whole number");
    }
    void badInput() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const ConnectionParams params = test::TestDb::freshSqlite();
        const auto r = LockctlProcess::run(test::TestDb::urlFor(params), args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(QLatin1String("lockctl: ")), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
        const auto list = LockctlProcess::run(test::TestDb::urlFor(params),
                                              {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }

    void wrongPortFailsClearlyAndFast() {
        // A port nobody listens on: bind one, note it, close it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QElapsedTimer clock;
        clock.start();
        const auto r = LockctlProcess::run(
            QStringLiteral("postgres://lockscope@127.0.0.1:%1/postgres?connect_timeout=3")
                .arg(port),
            {QStringLiteral("list")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Cannot connect to PostgreSQL at 127.0.0.1:%1: "
                                               "Connection refused. Check the host and port")
                                    .arg(port)),
                 qPrintable(r.err));
        QVERIFY2(clock.elapsed() < 20000, "bounded by the connect timeout");
    }

    void missingTableSaysMigrate_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void missingTableSaysMigrate() {
        QFETCH(QString, backend);
        QString why;
        auto p = test::TestDb::fresh(backend, &why, false);
        if (!p)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const auto r = LockctlProcess::run(test::TestDb::urlFor(*p), {QStringLiteral("list")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("Run `lockctl migrate`")), qPrintable(r.err));
    }

    void sqlitePathInMissingDirectory() {
        const auto r = LockctlProcess::run(QStringLiteral("sqlite:///nonexistent-dir-xyz/locks.db"),
                                           {QStringLiteral("list")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("the directory /nonexistent-dir-xyz does not exist")),
                 qPrintable(r.err));
    }

    void unknownUrlScheme() {
        const auto r = LockctlProcess::run(QStringLiteral("mysql://root@localhost/db"),
                                           {QStringLiteral("list")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("the scheme 'mysql' is not supported")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliLease)
#include "tst_clilease.moc"
