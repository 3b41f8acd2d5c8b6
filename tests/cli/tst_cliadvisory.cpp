// `lockctl advisory` against locks held and awaited by real lockctl processes.
#include "support/lockctlprocess.h"
#include "support/testdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include "db/database.h"

#include <csignal>
#include <memory>

using namespace lockscope;
using test::LockctlProcess;

namespace {

struct Holder {
    std::unique_ptr<QProcess> process;
    int pid = 0;
};

Holder hold(const QString &url, const QStringList &args) {
    Holder h;
    h.process.reset(LockctlProcess::start(
        url, QStringList{QStringLiteral("advisory-lock")} + args +
                 QStringList{QStringLiteral("--hold"), QStringLiteral("60s")}));
    if (h.process->waitForReadyRead(30000)) {
        const QJsonObject o = QJsonDocument::fromJson(h.process->readLine()).object();
        h.pid = o.value(QStringLiteral("pid")).toInt();
    }
    return h;
}

// The rows of the URL's own database: `lockctl advisory` shows the whole server,
// where tests running beside this one hold advisory locks of their own.
QJsonArray advisoryJson(const QString &url) {
    const auto r = LockctlProcess::run(url, {QStringLiteral("advisory"), QStringLiteral("--json")});
    const QString database = QUrl(url).path().mid(1);
    QJsonArray mine;
    for (const auto &row : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
        if (row.toObject().value(QStringLiteral("database")).toString() == database)
            mine.append(row);
    }
    return mine;
}

} // namespace

class TestCliAdvisory final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodedKeysAndBlockers() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        Holder negative = hold(url, {QStringLiteral("-9")});
        Holder large = hold(url, {QStringLiteral("9000000000")});
        Holder pair = hold(url, {QStringLiteral("3,-4")});
        Holder text = hold(url, {QStringLiteral("text:jobs/nightly"), QStringLiteral("--shared")});
        for (const Holder *h : {&negative, &large, &pair, &text})
            QVERIFY(h->pid > 0);

        std::unique_ptr<QProcess> waiter(LockctlProcess::start(
            url, {QStringLiteral("advisory-lock"), QStringLiteral("3,-4"), QStringLiteral("--wait"),
                  QStringLiteral("60s"), QStringLiteral("--hold"), QStringLiteral("0")}));
        QJsonArray rows;
        QTRY_VERIFY_WITH_TIMEOUT((rows = advisoryJson(url), rows.size() == 5), 20000);

        qint64 hashed = 0;
        {
            ScopedConnection conn(*params, QStringLiteral("hash"));
            QSqlQuery q(conn.db());
            QVERIFY(q.exec(QStringLiteral("SELECT hashtextextended('jobs/nightly', 0)")) &&
                    q.next());
            hashed = q.value(0).toLongLong();
        }
        QHash<int, QJsonObject> byPid;
        QJsonObject waiting;
        for (const auto &v : std::as_const(rows)) {
            const QJsonObject o = v.toObject();
            for (const char *field :
                 {"pid", "granted", "mode", "blocked_by", "application_name", "wait_s"})
                QVERIFY2(o.contains(QLatin1String(field)), field);
            if (o.value(QStringLiteral("granted")).toBool())
                byPid.insert(o.value(QStringLiteral("pid")).toInt(), o);
            else
                waiting = o;
        }
        QCOMPARE(byPid.value(negative.pid).value(QStringLiteral("key")).toInteger(), -9);
        QCOMPARE(byPid.value(large.pid).value(QStringLiteral("key")).toInteger(), 9000000000LL);
        QCOMPARE(byPid.value(pair.pid).value(QStringLiteral("key_pair")).toArray(),
                 (QJsonArray{3, -4}));
        QVERIFY(!byPid.value(pair.pid).contains(QStringLiteral("key")));
        QCOMPARE(byPid.value(text.pid).value(QStringLiteral("key")).toInteger(), hashed);
        QCOMPARE(byPid.value(text.pid).value(QStringLiteral("mode")).toString(),
                 QStringLiteral("ShareLock"));
        QCOMPARE(waiting.value(QStringLiteral("key_pair")).toArray(), (QJsonArray{3, -4}));
        QCOMPARE(waiting.value(QStringLiteral("blocked_by")).toArray(), QJsonArray{pair.pid});
        QCOMPARE(waiting.value(QStringLiteral("application_name")).toString(),
                 QStringLiteral("lockctl"));

        const auto table = LockctlProcess::run(
            url, {QStringLiteral("advisory"), QStringLiteral("--this-database")});
        QVERIFY2(table.out.contains(QLatin1String("5 advisory locks: 4 held, 1 waiting.")),
                 qPrintable(table.out));
        QVERIFY(table.out.contains(
            QRegularExpression(QStringLiteral("WAITING +[0-9.]+s  %1").arg(pair.pid))));

        // Ending the holder's session hands the pair to the waiter.
        const auto terminated = LockctlProcess::run(
            url, {QStringLiteral("terminate-backend"), QString::number(pair.pid)});
        QCOMPARE(terminated.exitCode, 0);
        QVERIFY(waiter->waitForFinished(30000));
        QCOMPARE(waiter->exitCode(), 0);
        for (Holder *h : {&negative, &large, &pair, &text}) {
            ::kill(static_cast<pid_t>(h->process->processId()), SIGTERM);
            h->process->waitForFinished(10000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(advisoryJson(url).isEmpty(), 10000);
    }

    void waitRunsOut() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);
        Holder holder = hold(url, {QStringLiteral("12")});
        QVERIFY(holder.pid > 0);
        const auto r =
            LockctlProcess::run(url, {QStringLiteral("advisory-lock"), QStringLiteral("12"),
                                      QStringLiteral("--wait"), QStringLiteral("200ms")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("Gave up waiting for the advisory lock 12")),
                 qPrintable(r.err));
        const auto once =
            LockctlProcess::run(url, {QStringLiteral("advisory-lock"), QStringLiteral("12"),
                                      QStringLiteral("--wait"), QStringLiteral("0")});
        QCOMPARE(once.exitCode, 3);
        ::kill(static_cast<pid_t>(holder.process->processId()), SIGTERM);
        QVERIFY(holder.process->waitForFinished(10000));
        QCOMPARE(holder.process->exitCode(), 0);
    }

    void sqliteHasNoAdvisoryLocks() {
        const ConnectionParams params = test::TestDb::freshSqlite();
        const auto r =
            LockctlProcess::run(test::TestDb::urlFor(params), {QStringLiteral("advisory")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("advisory locks exist only on PostgreSQL")),
                 qPrintable(r.err));
        const auto bad = LockctlProcess::run(
            test::TestDb::urlFor(params), {QStringLiteral("advisory-lock"), QStringLiteral("x")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("is not an advisory lock key")),
                 qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(TestCliAdvisory)
#include "tst_cliadvisory.moc"
