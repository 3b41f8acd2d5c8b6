// `lockctl locks`, `blocking` and `check` against real sessions holding and
// awaiting real locks, on tables in a schema other than public: a LOCK TABLE
// in an open transaction (its holder idle in transaction), row locks from
// SELECT … FOR UPDATE, a chain of three sessions where the middle one both
// waits and blocks, and advisory locks.
#include "support/lockctlprocess.h"
#include "support/pgsession.h"
#include "support/testdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace lockscope;
using test::LockctlProcess;
using test::PgSession;

namespace {

struct Db {
    QString url;
    QString name;
};

// A fresh database with the tables in schema `app`.
std::optional<Db> freshDb(QString *why) {
    const auto params = test::TestDb::freshPostgres(why, false);
    if (!params)
        return std::nullopt;
    if (!test::TestDb::exec(*params,
                            QStringLiteral("CREATE SCHEMA app; "
                                           "CREATE TABLE app.orders (id int PRIMARY KEY, v int); "
                                           "INSERT INTO app.orders SELECT g, 0 FROM "
                                           "generate_series(1, 5) g; "
                                           "CREATE TABLE app.t1 (id int); "
                                           "CREATE TABLE app.t2 (id int)"),
                            why))
        return std::nullopt;
    return Db{test::TestDb::urlFor(*params), params->database};
}

std::unique_ptr<PgSession> session(const Db &db, const QString &app) {
    auto s = std::make_unique<PgSession>(db.url, app);
    if (!s->ok())
        qWarning("session: %s", qPrintable(s->error()));
    return s;
}

QJsonArray jsonOf(const Db &db, const QStringList &args) {
    const auto r = LockctlProcess::run(db.url, args);
    if (r.exitCode != 0)
        qWarning("lockctl %s: %d %s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode,
                 qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

// The lock rows of `pid` (the server holds other tests' locks too).
QList<QJsonObject> locksOf(const QJsonArray &locks, int pid) {
    QList<QJsonObject> mine;
    for (const auto &v : locks) {
        if (v.toObject().value(QStringLiteral("pid")).toInt() == pid)
            mine << v.toObject();
    }
    return mine;
}

QJsonObject findLock(const QJsonArray &locks, int pid, const QString &locktype, bool granted) {
    for (const QJsonObject &o : locksOf(locks, pid)) {
        if (o.value(QStringLiteral("locktype")).toString() == locktype &&
            o.value(QStringLiteral("granted")).toBool() == granted)
            return o;
    }
    return {};
}

// Waits until `pid` waits for a lock (a waiter row in `locks --waiting`).
bool waitsSoon(const Db &db, int pid) {
    for (int i = 0; i < 200; ++i) {
        const QJsonArray w = jsonOf(
            db, {QStringLiteral("locks"), QStringLiteral("--waiting"), QStringLiteral("--json")});
        if (!locksOf(w, pid).isEmpty())
            return true;
        QTest::qWait(100);
    }
    return false;
}

QJsonObject rootOf(const QJsonArray &roots, int pid) {
    for (const auto &v : roots) {
        if (v.toObject().value(QStringLiteral("pid")).toInt() == pid)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestCliServerLocks final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tableLockHeldIdleInTransaction() {
        QString why;
        const auto db = freshDb(&why);
        if (!db)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        auto holder = session(*db, QStringLiteral("tst-holder"));
        auto waiter = session(*db, QStringLiteral("tst-waiter"));
        QVERIFY(holder->ok() && waiter->ok());
        QVERIFY(holder->exec(QStringLiteral("BEGIN")));
        QVERIFY(holder->exec(QStringLiteral("LOCK TABLE app.orders IN ACCESS EXCLUSIVE MODE")));
        QVERIFY(waiter->send(QStringLiteral("SELECT count(*) FROM app.orders")));
        QVERIFY(waitsSoon(*db, waiter->pid()));

        const QJsonArray locks = jsonOf(*db, {QStringLiteral("locks"), QStringLiteral("--json")});
        const QJsonObject held = findLock(locks, holder->pid(), QStringLiteral("relation"), true);
        QCOMPARE(held.value(QStringLiteral("relation")).toString(), QStringLiteral("app.orders"));
        QCOMPARE(held.value(QStringLiteral("relation_kind")).toString(), QStringLiteral("table"));
        QCOMPARE(held.value(QStringLiteral("mode")).toString(),
                 QStringLiteral("AccessExclusiveLock"));
        QCOMPARE(held.value(QStringLiteral("database")).toString(), db->name);
        QVERIFY(held.value(QStringLiteral("wait_s")).isNull());
        QVERIFY(held.value(QStringLiteral("key")).isNull());
        const QJsonObject waits = findLock(locks, waiter->pid(), QStringLiteral("relation"), false);
        QCOMPARE(waits.value(QStringLiteral("relation")).toString(), QStringLiteral("app.orders"));
        QCOMPARE(waits.value(QStringLiteral("mode")).toString(), QStringLiteral("AccessShareLock"));
        QCOMPARE(waits.value(QStringLiteral("blocked_by")).toArray(), QJsonArray{holder->pid()});
        QVERIFY(waits.value(QStringLiteral("wait_s")).toDouble() >= 0);
        QCOMPARE(waits.value(QStringLiteral("wait_estimated")).toBool(), false); // PostgreSQL 15
        // The holder's transaction id names its owner.
        QCOMPARE(findLock(locks, holder->pid(), QStringLiteral("virtualxid"), true)
                     .value(QStringLiteral("owner_pid"))
                     .toInt(),
                 holder->pid());

        // --min-wait: the waiter appears once it has waited that long; --database.
        QTRY_VERIFY_WITH_TIMEOUT(
            !locksOf(jsonOf(*db, {QStringLiteral("locks"), QStringLiteral("--min-wait"),
                                  QStringLiteral("300ms"), QStringLiteral("--json")}),
                     waiter->pid())
                 .isEmpty(),
            20000);
        const QJsonArray longWaits =
            jsonOf(*db, {QStringLiteral("locks"), QStringLiteral("--json"),
                         QStringLiteral("--min-wait"), QStringLiteral("1h")});
        QVERIFY(locksOf(longWaits, waiter->pid()).isEmpty());
        QVERIFY(locksOf(longWaits, holder->pid()).isEmpty()); // held locks never wait
        QVERIFY(!locksOf(jsonOf(*db, {QStringLiteral("locks"), QStringLiteral("--json"),
                                      QStringLiteral("--database"), db->name}),
                         holder->pid())
                     .isEmpty());
        QVERIFY(locksOf(jsonOf(*db, {QStringLiteral("locks"), QStringLiteral("--json"),
                                     QStringLiteral("--database"), QStringLiteral("postgres")}),
                        holder->pid())
                    .isEmpty());

        // The blocking tree: the idle-in-transaction holder is the root.
        const QJsonObject root = rootOf(
            jsonOf(*db, {QStringLiteral("blocking"), QStringLiteral("--json")}), holder->pid());
        QCOMPARE(root.value(QStringLiteral("blocked_total")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("depth")).toInt(), 0);
        QCOMPARE(root.value(QStringLiteral("state")).toString(),
                 QStringLiteral("idle in transaction"));
        QCOMPARE(root.value(QStringLiteral("idle_in_transaction")).toBool(), true);
        QCOMPARE(root.value(QStringLiteral("application_name")).toString(),
                 QStringLiteral("tst-holder"));
        QCOMPARE(root.value(QStringLiteral("query")).toString(),
                 QStringLiteral("LOCK TABLE app.orders IN ACCESS EXCLUSIVE MODE"));
        QVERIFY(root.value(QStringLiteral("xact_age_s")).toDouble() > 0);
        QVERIFY(root.value(QStringLiteral("waiting_for")).isNull());
        const QJsonArray blocks = root.value(QStringLiteral("blocks")).toArray();
        QCOMPARE(blocks.size(), 1);
        const QJsonObject child = blocks.at(0).toObject();
        QCOMPARE(child.value(QStringLiteral("pid")).toInt(), waiter->pid());
        QCOMPARE(child.value(QStringLiteral("depth")).toInt(), 1);
        QCOMPARE(child.value(QStringLiteral("waiting_for"))
                     .toObject()
                     .value(QStringLiteral("target"))
                     .toString(),
                 QStringLiteral("app.orders (table)"));

        const auto text = LockctlProcess::run(db->url, {QStringLiteral("blocking")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QRegularExpression(
                     QStringLiteral("^%1 blocks 1 session\\n +IDLE IN TRANSACTION for ")
                         .arg(holder->pid()),
                     QRegularExpression::MultilineOption)),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QRegularExpression(
                     QStringLiteral("^    %1 waits [0-9.]+s for AccessShareLock on app.orders "
                                    "\\(table\\)")
                         .arg(waiter->pid()),
                     QRegularExpression::MultilineOption)),
                 qPrintable(text.out));

        // Ending the transaction lets the waiter through.
        QVERIFY(holder->exec(QStringLiteral("COMMIT")));
        QVERIFY(waiter->finish());
        QVERIFY(locksOf(jsonOf(*db, {QStringLiteral("locks"), QStringLiteral("--waiting"),
                                     QStringLiteral("--json")}),
                        waiter->pid())
                    .isEmpty());
    }

    void rowLocksForUpdate() {
        QString why;
        const auto db = freshDb(&why);
        if (!db)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        auto a = session(*db, QStringLiteral("tst-a"));
        auto b = session(*db, QStringLiteral("tst-b"));
        auto c = session(*db, QStringLiteral("tst-c"));
        QVERIFY(a->ok() && b->ok() && c->ok());
        QVERIFY(a->exec(QStringLiteral("BEGIN")));
        QVERIFY(a->exec(QStringLiteral("SELECT id FROM app.orders WHERE id = 1 FOR UPDATE")));
        const auto xid = a->exec(QStringLiteral("SELECT txid_current()::text"));
        QVERIFY(xid);
        // b waits for a's transaction, holding the tuple lock that c then waits for.
        QVERIFY(b->send(QStringLiteral("UPDATE app.orders SET v = 1 WHERE id = 1")));
        QVERIFY(waitsSoon(*db, b->pid()));
        QVERIFY(c->send(QStringLiteral("SELECT id FROM app.orders WHERE id = 1 FOR UPDATE")));
        QVERIFY(waitsSoon(*db, c->pid()));

        const QJsonArray locks = jsonOf(*db, {QStringLiteral("locks"), QStringLiteral("--json")});
        const QJsonObject bWaits =
            findLock(locks, b->pid(), QStringLiteral("transactionid"), false);
        QCOMPARE(bWaits.value(QStringLiteral("transactionid")).toString(), *xid);
        QCOMPARE(bWaits.value(QStringLiteral("owner_pid")).toInt(), a->pid());
        QCOMPARE(bWaits.value(QStringLiteral("target")).toString(),
                 QStringLiteral("transaction %1 of pid %2").arg(*xid).arg(a->pid()));
        QCOMPARE(bWaits.value(QStringLiteral("blocked_by")).toArray(), QJsonArray{a->pid()});
        const QJsonObject tuple = findLock(locks, b->pid(), QStringLiteral("tuple"), true);
        QCOMPARE(tuple.value(QStringLiteral("relation")).toString(), QStringLiteral("app.orders"));
        QCOMPARE(tuple.value(QStringLiteral("page")).toInt(), 0);
        QCOMPARE(tuple.value(QStringLiteral("tuple")).toInt(), 1);
        QCOMPARE(tuple.value(QStringLiteral("target")).toString(),
                 QStringLiteral("app.orders (0,1)"));
        const QJsonObject cWaits = findLock(locks, c->pid(), QStringLiteral("tuple"), false);
        QCOMPARE(cWaits.value(QStringLiteral("target")).toString(),
                 QStringLiteral("app.orders (0,1)"));
        QCOMPARE(cWaits.value(QStringLiteral("blocked_by")).toArray(), QJsonArray{b->pid()});

        // a <- b <- c: one chain.
        const QJsonObject root =
            rootOf(jsonOf(*db, {QStringLiteral("blocking"), QStringLiteral("--json")}), a->pid());
        QCOMPARE(root.value(QStringLiteral("blocked_total")).toInt(), 2);
        const QJsonObject middle = root.value(QStringLiteral("blocks")).toArray().at(0).toObject();
        QCOMPARE(middle.value(QStringLiteral("pid")).toInt(), b->pid());
        QCOMPARE(middle.value(QStringLiteral("blocked_total")).toInt(), 1);
        QCOMPARE(middle.value(QStringLiteral("blocks"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("pid")),
                 QJsonValue(c->pid()));
        QVERIFY(a->exec(QStringLiteral("ROLLBACK")));
        QVERIFY(b->finish());
        QVERIFY(b->exec(QStringLiteral("SELECT 1")));
        QVERIFY(c->finish());
    }

    void chainOfThreeAcrossTables() {
        QString why;
        const auto db = freshDb(&why);
        if (!db)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        auto first = session(*db, QStringLiteral("tst-first"));
        auto middle = session(*db, QStringLiteral("tst-middle"));
        auto last = session(*db, QStringLiteral("tst-last"));
        QVERIFY(first->ok() && middle->ok() && last->ok());
        QVERIFY(first->exec(QStringLiteral("BEGIN")));
        QVERIFY(first->exec(QStringLiteral("LOCK TABLE app.t1")));
        QVERIFY(middle->exec(QStringLiteral("BEGIN")));
        QVERIFY(middle->exec(QStringLiteral("LOCK TABLE app.t2")));
        QVERIFY(middle->send(QStringLiteral("LOCK TABLE app.t1")));
        QVERIFY(waitsSoon(*db, middle->pid()));
        QVERIFY(last->send(QStringLiteral("SELECT count(*) FROM app.t2")));
        QVERIFY(waitsSoon(*db, last->pid()));

        const QJsonArray roots =
            jsonOf(*db, {QStringLiteral("blocking"), QStringLiteral("--json")});
        const QJsonObject root = rootOf(roots, first->pid());
        QCOMPARE(root.value(QStringLiteral("blocked_total")).toInt(), 2);
        QVERIFY(rootOf(roots, middle->pid()).isEmpty()); // it waits: never a root
        const QJsonObject mid = root.value(QStringLiteral("blocks")).toArray().at(0).toObject();
        QCOMPARE(mid.value(QStringLiteral("pid")).toInt(), middle->pid());
        QCOMPARE(mid.value(QStringLiteral("depth")).toInt(), 1);
        QCOMPARE(mid.value(QStringLiteral("blocked_total")).toInt(), 1);
        QCOMPARE(mid.value(QStringLiteral("blocked_by")).toArray(), QJsonArray{first->pid()});
        QCOMPARE(mid.value(QStringLiteral("waiting_for"))
                     .toObject()
                     .value(QStringLiteral("target"))
                     .toString(),
                 QStringLiteral("app.t1 (table)"));
        const QJsonObject end = mid.value(QStringLiteral("blocks")).toArray().at(0).toObject();
        QCOMPARE(end.value(QStringLiteral("pid")).toInt(), last->pid());
        QCOMPARE(end.value(QStringLiteral("depth")).toInt(), 2);
        QCOMPARE(end.value(QStringLiteral("blocked_total")).toInt(), 0);

        // check: the first session blocks 2 (directly or not); thresholds are "greater than".
        const QStringList only{QStringLiteral("check"), QStringLiteral("--database"), db->name};
        auto r = LockctlProcess::run(
            db->url, only + QStringList{QStringLiteral("--warn-blocked"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("LOCKS OK - 2 sessions waiting")),
                 qPrintable(r.out));
        r = LockctlProcess::run(
            db->url, only + QStringList{QStringLiteral("--warn-blocked"), QStringLiteral("1"),
                                        QStringLiteral("--crit-blocked"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith(QLatin1String("LOCKS WARNING - ")), qPrintable(r.out));
        QVERIFY2(
            r.out.contains(
                QStringLiteral("pid %1 blocks 2 sessions (idle in transaction)").arg(first->pid())),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral(
                     "\\| waiting_sessions=2;;;0 longest_wait=[0-9]+\\.[0-9]{3}s;;;0 "
                     "max_blocked=2;1;5;0 locks=[0-9]+;;;0\\n$"))),
                 qPrintable(r.out));
        QTest::qWait(300);
        r = LockctlProcess::run(
            db->url, only + QStringList{QStringLiteral("--warn-wait"), QStringLiteral("10ms"),
                                        QStringLiteral("--crit-wait"), QStringLiteral("200ms")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.startsWith(QLatin1String("LOCKS CRITICAL - ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String(" longest_wait=")) &&
                     r.out.contains(QLatin1String("s;0.010;0.200;0 ")),
                 qPrintable(r.out));

        QVERIFY(first->exec(QStringLiteral("COMMIT")));
        QVERIFY(middle->finish());
        QVERIFY(middle->exec(QStringLiteral("COMMIT")));
        QVERIFY(last->finish());
        r = LockctlProcess::run(
            db->url, only + QStringList{QStringLiteral("--warn-wait"), QStringLiteral("10ms"),
                                        QStringLiteral("--warn-blocked"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("LOCKS OK - 0 sessions waiting |")),
                 qPrintable(r.out));
    }

    void advisoryKeysDecoded() {
        QString why;
        const auto db = freshDb(&why);
        if (!db)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        auto holder = session(*db, QStringLiteral("tst-adv"));
        auto waiter = session(*db, QStringLiteral("tst-adv-wait"));
        QVERIFY(holder->ok() && waiter->ok());
        QVERIFY(holder->exec(QStringLiteral("SELECT pg_advisory_lock(9000000000)")));
        QVERIFY(holder->exec(QStringLiteral("SELECT pg_advisory_lock(7, -3)")));
        QVERIFY(waiter->send(QStringLiteral("SELECT pg_advisory_lock(7, -3)")));
        QVERIFY(waitsSoon(*db, waiter->pid()));
        const QJsonArray locks = jsonOf(*db, {QStringLiteral("locks"), QStringLiteral("--json")});
        bool sawInt = false;
        bool sawPair = false;
        for (const QJsonObject &o : locksOf(locks, holder->pid())) {
            if (o.value(QStringLiteral("locktype")).toString() != QLatin1String("advisory"))
                continue;
            if (o.value(QStringLiteral("key")).toInteger() == 9000000000LL) {
                sawInt = true;
                QCOMPARE(o.value(QStringLiteral("target")).toString(),
                         QStringLiteral("advisory 9000000000"));
            } else {
                sawPair = true;
                QVERIFY(o.value(QStringLiteral("key")).isNull());
                QCOMPARE(o.value(QStringLiteral("key_pair")).toArray(), (QJsonArray{7, -3}));
                QCOMPARE(o.value(QStringLiteral("key_text")).toString(), QStringLiteral("(7, -3)"));
            }
        }
        QVERIFY(sawInt && sawPair);
        const QJsonObject waits = findLock(locks, waiter->pid(), QStringLiteral("advisory"), false);
        QCOMPARE(waits.value(QStringLiteral("key_pair")).toArray(), (QJsonArray{7, -3}));
        QCOMPARE(waits.value(QStringLiteral("blocked_by")).toArray(), QJsonArray{holder->pid()});
        const QJsonObject root = rootOf(
            jsonOf(*db, {QStringLiteral("blocking"), QStringLiteral("--json")}), holder->pid());
        QCOMPARE(root.value(QStringLiteral("state")).toString(), QStringLiteral("idle"));
        QCOMPARE(root.value(QStringLiteral("blocked_total")).toInt(), 1);
        QVERIFY(holder->exec(QStringLiteral("SELECT pg_advisory_unlock_all()")));
        QVERIFY(waiter->finish());
    }

    void checkIsUnknownWhenItCannotTell() {
        // A port nothing listens on: UNKNOWN (3), one line on stdout.
        auto r = LockctlProcess::run(
            QStringLiteral("postgres://nobody@127.0.0.1:1/none"),
            {QStringLiteral("check"), QStringLiteral("--warn-wait"), QStringLiteral("1s")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith(QLatin1String("LOCKS UNKNOWN - ")), qPrintable(r.out));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        const QList<QStringList> bad{{QStringLiteral("--warn-wait"), QStringLiteral("soon")},
                                     {QStringLiteral("--warn-blocked"), QStringLiteral("-1")},
                                     {QStringLiteral("--warn-blocked"), QStringLiteral("three")},
                                     {QStringLiteral("--warn-wait"), QStringLiteral("2s"),
                                      QStringLiteral("--crit-wait"), QStringLiteral("1s")},
                                     {QStringLiteral("--warn-blocked"), QStringLiteral("5"),
                                      QStringLiteral("--crit-blocked"), QStringLiteral("2")},
                                     {QStringLiteral("--no-such-option")},
                                     {QStringLiteral("extra")},
                                     {QStringLiteral("--database"), QString()}};
        for (const QStringList &args : bad) {
            r = LockctlProcess::run(QStringLiteral("postgres://nobody@127.0.0.1:1/none"),
                                    QStringList{QStringLiteral("check")} + args);
            QVERIFY2(r.exitCode == 3 && r.out.startsWith(QLatin1String("LOCKS UNKNOWN - ")),
                     qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.out));
        }
        // A SQLite database has no server locks.
        r = LockctlProcess::run(QStringLiteral("sqlite:///%1/x.db").arg(test::TestDb::scratchDir()),
                                {QStringLiteral("check")});
        QCOMPARE(r.exitCode, 3);
        r = LockctlProcess::run(QStringLiteral("sqlite:///%1/x.db").arg(test::TestDb::scratchDir()),
                                {QStringLiteral("locks")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("only on PostgreSQL")), qPrintable(r.err));
        // locks: bad options are usage errors (2), as everywhere else in lockctl.
        for (const QStringList &args :
             QList<QStringList>{{QStringLiteral("--min-wait"), QStringLiteral("soon")},
                                {QStringLiteral("--database"), QString()},
                                {QStringLiteral("extra")}}) {
            r = LockctlProcess::run(QStringLiteral("postgres://nobody@127.0.0.1:1/none"),
                                    QStringList{QStringLiteral("locks")} + args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' ')) + r.err));
        }
        r = LockctlProcess::run(QStringLiteral("postgres://nobody@127.0.0.1:1/none"),
                                {QStringLiteral("blocking")});
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliServerLocks)
#include "tst_cliserverlocks.moc"
