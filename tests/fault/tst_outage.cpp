// The database goes away and comes back: PostgreSQL restarted (or down for a
// while) under a multi-process load run and under held locks. Each test runs on a
// server of its own (PrivateServer), so the shared test server is never touched.
#include "admin/adminactions.h"
#include "advisory/advisorylock.h"
#include "db/database.h"
#include "lease/lease.h"
#include "lease/leasemanager.h"
#include "support/lockctlprocess.h"
#include "support/privateserver.h"
#include "support/testdb.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <csignal>
#include <memory>
#include <thread>

using namespace lockscope;
using test::LockctlProcess;
using test::PrivateServer;
using namespace std::chrono_literals;

namespace {

double epochNow() {
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

constexpr auto kListenerApp = "tst-outage-waiter";

// The load run's counters (lockscope_load_counters), read from the database:
// how many keys have a completed section, and the sections in all.
qint64 countersQuery(const ConnectionParams &p, const QString &sql) {
    ScopedConnection probe(p, QStringLiteral("probe"));
    if (!probe.ok())
        return -1;
    QSqlQuery q(probe.db());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}
qint64 completedKeys(const ConnectionParams &p) {
    return countersQuery(
        p, QStringLiteral("SELECT count(*) FROM lockscope_load_counters WHERE value > 0"));
}
qint64 totalCount(const ConnectionParams &p) {
    return countersQuery(
        p, QStringLiteral("SELECT coalesce(sum(value), 0) FROM lockscope_load_counters"));
}

// How many of the waiter's sessions run a statement, and how many listen.
struct WaiterSessions {
    int active = -1;
    int listening = 0;
};

WaiterSessions waiterSessions(const ConnectionParams &p) {
    WaiterSessions s;
    ScopedConnection probe(p, QStringLiteral("probe"));
    if (!probe.ok())
        return s;
    QSqlQuery q(probe.db());
    if (q.exec(QStringLiteral("SELECT count(*) FILTER (WHERE state <> 'idle'), "
                              "count(*) FILTER (WHERE query ILIKE 'LISTEN%') FROM "
                              "pg_stat_activity WHERE application_name LIKE '%1/%'")
                   .arg(QLatin1String(kListenerApp))) &&
        q.next()) {
        s.active = q.value(0).toInt();
        s.listening = q.value(1).toInt();
    }
    return s;
}

} // namespace

class TestOutage final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<PrivateServer> m_server;

    // A fresh database on the private server, or skip/fail.
    std::optional<ConnectionParams> freshDb() {
        if (!m_server) {
            m_server = std::make_unique<PrivateServer>();
            if (!m_server->ok())
                return std::nullopt;
        }
        QString why;
        ConnectionParams p = m_server->freshDatabase(&why);
        if (!why.isEmpty())
            return std::nullopt;
        return p;
    }

#define PRIVATE_DB(params)                                                                         \
    const auto params##Opt = freshDb();                                                            \
    if (!params##Opt)                                                                              \
        LOCKSCOPE_SKIP_OR_FAIL(m_server ? m_server->error()                                        \
                                        : QStringLiteral("no private server"));                    \
    const ConnectionParams params = *params##Opt

private Q_SLOTS:
    void cleanupTestCase() {
        m_server.reset();
    }

    // A release sent while the server is down never reaches it; the manager keeps
    // it and sends it before its next acquire, so the key is free again within
    // moments of the server's return -- not after the whole 30 s TTL. The check
    // before the retry is the control: without it the key stays blocked.
    void releaseDuringOutageIsSentWhenBack() {
        PRIVATE_DB(params);
        LeaseManager holder(params);
        LeaseManager other(params);
        auto lease = holder.tryLock(QStringLiteral("outage/k"));
        QVERIFY(lease.ok());
        QVERIFY(m_server->halt());
        auto released = lease->release();
        QVERIFY(!released.ok());
        QCOMPARE(released.error().kind, ErrorKind::Connection);
        QCOMPARE(holder.pendingReleases(), 1);
        QVERIFY(m_server->resume());

        auto blocked = other.tryLock(QStringLiteral("outage/k"));
        QVERIFY(!blocked.ok()); // the row is still there: the server never saw the release
        QCOMPARE(blocked.error().kind, ErrorKind::NotAcquired);

        auto unrelated = holder.tryLock(QStringLiteral("outage/other")); // sends it first
        QVERIFY2(unrelated.ok(),
                 qPrintable(unrelated.ok() ? QString() : unrelated.error().message));
        QCOMPARE(holder.pendingReleases(), 0);
        auto free = other.tryLock(QStringLiteral("outage/k"));
        QVERIFY2(free.ok(), qPrintable(free.ok() ? QString() : free.error().message));
    }

    // Without another acquire, flushPendingReleases sends them: it keeps them
    // while the server is still down, and frees the key once it is back.
    void pendingReleasesFlushWithoutAnAcquire() {
        PRIVATE_DB(params);
        LeaseManager holder(params);
        LeaseManager other(params);
        auto lease = holder.tryLock(QStringLiteral("outage/flush"));
        QVERIFY(lease.ok());
        QVERIFY(m_server->halt());
        QVERIFY(!lease->release().ok());
        QCOMPARE(holder.flushPendingReleases(), 1); // still down: kept
        QVERIFY(m_server->resume());
        QVERIFY(!other.tryLock(QStringLiteral("outage/flush")).ok()); // the control
        QCOMPARE(holder.flushPendingReleases(), 0);
        auto free = other.tryLock(QStringLiteral("outage/flush"));
        QVERIFY2(free.ok(), qPrintable(free.ok() ? QString() : free.error().message));
        QCOMPARE(holder.flushPendingReleases(), 0); // nothing left: no statement
    }

    // The same for a semaphore's permit, a reader and a writer (issue 15
    // review): their release met the server down. The manager keeps it, and
    // sends it before its next acquire (of any kind) or when flushed, so the
    // key is free again long before the holder's 60 s TTL. The control: until
    // then the server never saw the release and the key stays taken.
    void sharedReleaseDuringOutageIsSentWhenBack_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("resend"); // what sends the kept release
        QTest::newRow("semaphore, next semaphore acquire")
            << static_cast<int>(LockKind::Semaphore) << QStringLiteral("semaphore");
        QTest::newRow("reader, next lease acquire")
            << static_cast<int>(LockKind::Read) << QStringLiteral("lease");
        QTest::newRow("writer, flush")
            << static_cast<int>(LockKind::Write) << QStringLiteral("flush");
    }
    void sharedReleaseDuringOutageIsSentWhenBack() {
        QFETCH(int, kind);
        QFETCH(QString, resend);
        PRIVATE_DB(params);
        LeaseConfig config;
        config.ttl = 60s;
        LeaseManager holder(params, config);
        LeaseManager other(params, config);
        const QString key = QStringLiteral("outage/shared");
        const auto take = [&](LeaseManager &m, LockKind k) -> Result<Lease> {
            switch (k) {
            case LockKind::Semaphore:
                return m.acquireSemaphore(key, 1, 0ms);
            case LockKind::Read:
                return m.acquireRead(key, 0ms);
            default:
                return m.acquireWrite(key, 0ms);
            }
        };
        // What the other manager tries: a permit, or the writer's share (which
        // any reader or writer of the holder keeps out).
        const LockKind theirs = static_cast<LockKind>(kind) == LockKind::Semaphore
                                    ? LockKind::Semaphore
                                    : LockKind::Write;
        auto held = take(holder, static_cast<LockKind>(kind));
        QVERIFY2(held.ok(), qPrintable(held.ok() ? QString() : held.error().message));
        QElapsedTimer sinceRelease;
        QVERIFY(m_server->halt());
        sinceRelease.start();
        auto released = held->release();
        QVERIFY(!released.ok());
        QCOMPARE(released.error().kind, ErrorKind::Connection);
        QCOMPARE(holder.pendingReleases(), 1);
        QCOMPARE(holder.flushPendingReleases(), 1); // still down: kept
        QVERIFY(m_server->resume());

        auto blocked = take(other, theirs);
        QVERIFY(!blocked.ok()); // the control: the server never saw the release
        QCOMPARE(blocked.error().kind, ErrorKind::Timeout);

        if (resend == QLatin1String("semaphore")) {
            auto unrelated = holder.acquireSemaphore(QStringLiteral("outage/other-sem"), 2, 0ms);
            QVERIFY2(unrelated.ok(),
                     qPrintable(unrelated.ok() ? QString() : unrelated.error().message));
        } else if (resend == QLatin1String("lease")) {
            auto unrelated = holder.tryLock(QStringLiteral("outage/other-lease"));
            QVERIFY2(unrelated.ok(),
                     qPrintable(unrelated.ok() ? QString() : unrelated.error().message));
        } else {
            QCOMPARE(holder.flushPendingReleases(), 0);
        }
        QCOMPARE(holder.pendingReleases(), 0);
        auto free = take(other, theirs);
        QVERIFY2(free.ok(), qPrintable(free.ok() ? QString() : free.error().message));
        QVERIFY2(sinceRelease.elapsed() < 30'000, "freed only near the TTL");
    }

    // A retried release never deletes a lease someone else took meanwhile:
    // here an operator force-released the key while the server never saw our
    // release, and another holder took it; then our release is sent again.
    void retriedReleaseSparesANewHolder() {
        PRIVATE_DB(params);
        LeaseManager holder(params);
        LeaseManager other(params);
        auto lease = holder.tryLock(QStringLiteral("outage/spare"));
        QVERIFY(lease.ok());
        QVERIFY(m_server->halt());
        QVERIFY(!lease->release().ok());
        QVERIFY(m_server->resume());
        QCOMPARE(holder.pendingReleases(), 1);
        auto forced = AdminActions::forceRelease(params, QStringLiteral("outage/spare"),
                                                 std::nullopt, QStringLiteral("test"));
        QVERIFY(forced.ok());
        auto taken = other.tryLock(QStringLiteral("outage/spare"));
        QVERIFY(taken.ok());

        const quint64 before = holder.statementCount();
        QVERIFY(holder.tryLock(QStringLiteral("outage/x")).ok()); // sends the retry first
        // Within its 30 s TTL a pending release leaves the list only by being
        // sent and answered (here: on the dead connection, again on a new one,
        // then the acquire).
        QCOMPARE(holder.pendingReleases(), 0);
        QVERIFY(holder.statementCount() - before >= 3);
        LeaseManager third(params);
        QVERIFY(!third.tryLock(QStringLiteral("outage/spare")).ok()); // still the new holder's
        QVERIFY(taken->release().value());
    }

    // Restart PostgreSQL in the middle of `lockctl load` with three processes of
    // three workers each: every worker reconnects and goes on within seconds, the
    // counters show no lost update, and no lease is left behind.
    void loadRunSurvivesRestart_data() {
        QTest::addColumn<QString>("mode");
        QTest::newRow("lease") << QStringLiteral("lease");
        QTest::newRow("advisory") << QStringLiteral("advisory");
    }
    void loadRunSurvivesRestart() {
        QFETCH(QString, mode);
        PRIVATE_DB(params);
        const double started = epochNow();
        std::unique_ptr<QProcess> load(LockctlProcess::start(
            test::TestDb::urlFor(params),
            {QStringLiteral("load"), QStringLiteral("--json"), QStringLiteral("--mode"), mode,
             QStringLiteral("--processes"), QStringLiteral("2"), QStringLiteral("--threads"),
             QStringLiteral("3"), QStringLiteral("--keys"), QStringLiteral("3"),
             QStringLiteral("--duration"), QStringLiteral("10m")}));
        // Down once every process works: sections completed in all three keys.
        QTRY_VERIFY_WITH_TIMEOUT(completedKeys(params) == 3, 60000);
        const double haltedAt = epochNow();
        QVERIFY(m_server->halt());
        QVERIFY(m_server->resume());
        const double resumedAt = epochNow();
        // Back at work, for a while: then the run is stopped (SIGINT).
        const qint64 atResume = totalCount(params);
        QTRY_VERIFY_WITH_TIMEOUT(totalCount(params) > atResume + 30, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(epochNow() > resumedAt + 4, 10000);
        ::kill(static_cast<pid_t>(load->processId()), SIGINT);
        QVERIFY(load->waitForFinished(90'000));
        const QByteArray out = load->readAllStandardOutput();
        const QByteArray err = load->readAllStandardError();
        QCOMPARE(load->exitStatus(), QProcess::NormalExit);
        QVERIFY2(load->exitCode() == 128 + SIGINT, err.constData()); // stopped, nothing failed
        // The outage is reported in the summary, in words; the driver's own
        // complaints about statements on a dead connection are not passed on.
        QVERIFY2(!err.contains("Unable to free statement"), err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(out).object();
        QVERIFY2(!summary.isEmpty(), out.constData());
        QStringList gaps;
        for (const auto &w : summary.value(QStringLiteral("workers")).toArray())
            gaps << QString::number(w.toObject().value(QStringLiteral("longest_gap_s")).toDouble());
        qInfo("errors %lld, acquisitions %lld, longest gap per worker (s): %s",
              summary.value(QStringLiteral("errors")).toInteger(),
              summary.value(QStringLiteral("acquisitions")).toInteger(),
              qPrintable(gaps.join(QLatin1Char(' '))));

        // The outage happened during the run, and the run saw it.
        QVERIFY(summary.value(QStringLiteral("errors")).toInteger() > 0);
        QCOMPARE(summary.value(QStringLiteral("violations")).toInteger(), 0);
        for (const auto &k : summary.value(QStringLiteral("per_key")).toArray()) {
            const QJsonObject key = k.toObject();
            QCOMPARE(key.value(QStringLiteral("violations")).toInteger(), 0);
            QVERIFY(key.value(QStringLiteral("counter")).toInteger() > 0);
        }
        if (mode == QLatin1String("lease"))
            QCOMPARE(summary.value(QStringLiteral("leftover_leases")).toInteger(), 0);

        const QJsonArray workers = summary.value(QStringLiteral("workers")).toArray();
        QCOMPARE(workers.size(), 9);
        for (const auto &w : workers) {
            const QJsonObject worker = w.toObject();
            const QString who = QString::fromUtf8(QJsonDocument(worker).toJson());
            // Kept working after the server came back ...
            QVERIFY2(worker.value(QStringLiteral("last_acquired_at")).toDouble() > resumedAt + 3,
                     qPrintable(who));
            // ... and no worker stalled for long: the outage (as long as the
            // server took to stop and start) plus a few seconds to reconnect
            // (the workers' back-off is at most 3 s).
            QVERIFY2(worker.value(QStringLiteral("longest_gap_s")).toDouble() <
                         (resumedAt - haltedAt) + 6.0,
                     qPrintable(who));
        }
        QVERIFY(epochNow() - started < 180);
    }

    // A held advisory session lock cannot survive a restart; its watch says so.
    void advisoryLockReportsLostOnRestart() {
        PRIVATE_DB(params);
        AdvisoryLock lock(params, AdvisoryKey::fromInt64(77));
        QVERIFY(lock.lock(5s).ok());
        QVERIFY(lock.startWatch({}, 100ms, 30s));
        QTest::qWait(300);
        QVERIFY(!lock.isLost());
        QVERIFY(m_server->restart());
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLost(), 15000);
        QVERIFY2(lock.lostReason().contains(QLatin1String("no longer held")),
                 qPrintable(lock.lostReason()));
    }

    // After a restart, a release still wakes the waiters of other processes at
    // once: the listening connection is reopened within a second or two. Without
    // that, every hand-off for the rest of the process's life waits for the
    // poll -- here 10 to 30 s, so a prompt hand-off can only be the wake-up.
    void releaseNotificationsResumeAfterRestart() {
        PRIVATE_DB(params);
        ConnectionParams waiterParams = params;
        waiterParams.applicationName = QLatin1String(kListenerApp);
        LeaseConfig slowPolling;
        slowPolling.retryInterval = 20s;
        LeaseManager holder(params);
        LeaseManager waiter(waiterParams, slowPolling);

        // Hands `key` from holder to waiter; answers how long the waiter took
        // after the release (ms), or -1.
        auto handOff = [&](const QString &key) -> qint64 {
            auto held = holder.tryLock(key);
            if (!held.ok())
                return -1;
            const quint64 before = waiter.statementCount();
            std::atomic<bool> done{false};
            Result<Lease> got = Error{};
            std::thread thread([&] {
                got = waiter.lock(key, 60s);
                done = true;
            });
            // Its attempt came back "held": it sleeps now.
            QElapsedTimer settle;
            settle.start();
            while (!(waiter.statementCount() > before && waiterSessions(params).active == 0) &&
                   settle.elapsed() < 15000)
                QTest::qWait(20);
            QElapsedTimer clock;
            clock.start();
            if (!held->release().ok())
                qWarning("the holder's release failed");
            while (!done && clock.elapsed() < 40000)
                QTest::qWait(10);
            const qint64 took = done ? clock.elapsed() : -1;
            thread.join();
            if (!got.ok())
                return -1;
            (void)got->release();
            return took;
        };

        const qint64 before = handOff(QStringLiteral("notify/before"));
        QVERIFY2(before >= 0 && before < 5000, qPrintable(QString::number(before)));
        QCOMPARE(waiterSessions(params).listening, 1);

        QVERIFY(m_server->restart());
        QTRY_COMPARE_WITH_TIMEOUT(waiterSessions(params).listening, 1, 15000);
        const qint64 after = handOff(QStringLiteral("notify/after"));
        qInfo("hand-off after the release: %lld ms before the restart, %lld ms after", before,
              after);
        QVERIFY2(after >= 0 && after < 5000, qPrintable(QString::number(after)));
    }

    // `lockctl acquire --hold` whose release finds the server down retries it
    // while the server is away for a short while: the key is free as soon as the
    // server is back, not after its 120 s TTL (the control: another manager takes
    // it at once). Down for longer, it says until when the lease stays.
    void lockctlRetriesItsReleaseWhileTheServerIsDown() {
        PRIVATE_DB(params);
        const QString url = test::TestDb::urlFor(params);
        // The hold ends (SIGTERM) only once the server is down, however long
        // stopping it takes on a busy machine.
        const QStringList args{QStringLiteral("acquire"), QStringLiteral("cli/k"),
                               QStringLiteral("--hold"),  QStringLiteral("120s"),
                               QStringLiteral("--ttl"),   QStringLiteral("120s")};
        std::unique_ptr<QProcess> holder(LockctlProcess::start(url, args));
        QVERIFY(holder->waitForReadyRead(30000));
        QVERIFY(m_server->halt());
        ::kill(static_cast<pid_t>(holder->processId()), SIGTERM);
        // Its release fails meanwhile, and it says it retries.
        QByteArray holderErr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (holderErr += holder->readAllStandardError()).contains("retrying the release"), 30000);
        QVERIFY(m_server->resume());
        QVERIFY(holder->waitForFinished(30000));
        const QString err = QString::fromUtf8(holderErr + holder->readAllStandardError());
        QVERIFY2(holder->exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("retrying the release")), qPrintable(err));
        LeaseManager other(params);
        auto taken = other.tryLock(QStringLiteral("cli/k"));
        QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().message));
        QVERIFY(taken->release().ok());

        std::unique_ptr<QProcess> stuck(LockctlProcess::start(url, args));
        QVERIFY(stuck->waitForReadyRead(30000));
        QVERIFY(m_server->halt());
        ::kill(static_cast<pid_t>(stuck->processId()), SIGTERM);
        const bool finished = stuck->waitForFinished(40000);
        QVERIFY(m_server->resume());
        QVERIFY(finished);
        const QString stuckErr = QString::fromUtf8(stuck->readAllStandardError());
        QCOMPARE(stuck->exitCode(), 1);
        QVERIFY2(stuckErr.contains(QLatin1String("the database stayed unreachable. The lease stays "
                                                 "until it expires at")),
                 qPrintable(stuckErr));
    }
};

QTEST_GUILESS_MAIN(TestOutage)
#include "tst_outage.moc"
