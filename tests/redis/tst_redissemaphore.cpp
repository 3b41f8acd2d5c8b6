// Counting semaphores and reader-writer leases on a real redis-server (issue
// 15): the same LeaseManager API as on PostgreSQL and SQLite. This executable
// starts copies of itself as children (LOCKSCOPE_RSEM_CHILD) that hold permits
// and shares while a probe in Redis (counters changed by one script each, on
// the work's own connection) counts who is inside. Controls: the counting
// admission (LeaseConfig::semaphoreByCounting) over-admits; writers that take
// read shares overlap readers.
#include "lease/leasemanager.h"
#include "lease/redisleasescripts.h"
#include "lease/redisleasestore.h"
#include "lease/redissharedscripts.h"
#include "redis/redisconnection.h"
#include "redis/redisscript.h"
#include "support/replycutter.h"
#include "support/testdb.h"
#include "support/testredis.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace lockscope;
using namespace std::chrono_literals;
using test::TestRedis;

namespace {

const QString kKey = QStringLiteral("jobs/sem");

template <typename T> QByteArray failure(const Result<T> &r) {
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

int envInt(const char *name, int fallback) {
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

QByteArray probeKey(const ConnectionParams &p, const char *name) {
    return p.redisPrefix.toUtf8() + "probe:" + name;
}

// Adds `delta` to the counter `name`, counts a violation when `other` (or, for
// a writer, `name` itself before) was above zero, and keeps the maximum.
// KEYS counter, max, violations, other; ARGV delta, exclusive (0/1).
const RedisScript &probeScript() {
    static const RedisScript script(QByteArrayLiteral(R"lua(
local before = tonumber(redis.call('GET', KEYS[1]) or '0')
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if tonumber(ARGV[1]) > 0 then
  if tonumber(redis.call('GET', KEYS[4]) or '0') > 0 or (ARGV[2] == '1' and before > 0) then
    redis.call('INCR', KEYS[3])
  end
  if v > tonumber(redis.call('GET', KEYS[2]) or '0') then redis.call('SET', KEYS[2], v) end
else
  redis.call('INCR', KEYS[5])
end
return v
)lua"));
    return script;
}

bool step(RedisConnection &work, const ConnectionParams &p, const char *counter, const char *other,
          int delta, bool exclusive) {
    const QByteArray most = QByteArray(counter) + QByteArrayLiteral(":max");
    auto r = probeScript().run(
        work,
        {probeKey(p, counter), probeKey(p, most.constData()), probeKey(p, "violations"),
         probeKey(p, other), probeKey(p, "sections")},
        {QByteArray::number(delta), exclusive ? "1" : "0"}, QStringLiteral("probe"));
    if (!r.ok())
        std::fprintf(stderr, "probe: %s\n", qPrintable(r.error().message));
    return r.ok();
}

qint64 probeValue(const ConnectionParams &p, const char *name) {
    return TestRedis::cli(p, {QStringLiteral("GET"), QString::fromUtf8(probeKey(p, name))})
        .toLongLong();
}

// ---- the children ----------------------------------------------------------

int childMain() {
    const QString mode = qEnvironmentVariable("LOCKSCOPE_RSEM_CHILD");
    auto params = ConnectionParams::fromUrl(qEnvironmentVariable("LOCKSCOPE_RSEM_URL"));
    if (!params.ok()) {
        std::fprintf(stderr, "bad url: %s\n", qPrintable(params.error().message));
        return 10;
    }
    const ConnectionParams p = params.value();
    LeaseConfig config;
    config.ttl = std::chrono::milliseconds(envInt("LOCKSCOPE_RSEM_TTL_MS", 30'000));
    config.retryInterval = 20ms;
    config.semaphoreByCounting = mode == QLatin1String("semcount");
    LeaseManager manager(p, config);
    const int permits = envInt("LOCKSCOPE_RSEM_PERMITS", 3);

    if (mode == QLatin1String("hold")) {
        auto lease = manager.acquireSemaphore(kKey, permits, 30s);
        if (!lease.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(lease.error().message));
            return 11;
        }
        std::printf("held %.6f %d\n", lease->expiresAt(), lease->info().slot);
        std::fflush(stdout);
        std::this_thread::sleep_for(600s); // until SIGKILL
        return 0;
    }

    const int threads = envInt("LOCKSCOPE_RSEM_THREADS", 8);
    const int iterations = envInt("LOCKSCOPE_RSEM_ITERATIONS", 6);
    const int readers = envInt("LOCKSCOPE_RSEM_READERS", 0);
    const int runMs = envInt("LOCKSCOPE_RSEM_RUN_MS", 0);
    std::atomic<int> errors{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            RedisConnection work(p); // the work's connection, never the lock's
            QElapsedTimer clock;
            clock.start();
            qint64 myLast = 0;
            for (int i = 0; runMs > 0 ? clock.elapsed() < runMs : i < iterations; ++i) {
                const bool reader = t < readers;
                Result<Lease> lease = Error{};
                if (mode.startsWith(QLatin1String("sem")))
                    lease = manager.acquireSemaphore(kKey, permits, 120s);
                else if (reader || mode == QLatin1String("rwcontrol"))
                    lease = manager.acquireRead(kKey, 120s);
                else
                    lease = manager.acquireWrite(kKey, 120s);
                if (!lease.ok()) {
                    std::fprintf(stderr, "%s\n", qPrintable(lease.error().message));
                    ++errors;
                    continue;
                }
                if (!lease->fence() || *lease->fence() <= myLast) {
                    std::fprintf(stderr, "fence %lld after %lld\n",
                                 static_cast<long long>(lease->fence().value_or(-1)),
                                 static_cast<long long>(myLast));
                    ++errors; // fences grow for every holder of the key
                }
                myLast = lease->fence().value_or(myLast);
                bool ok = true;
                const char *mine = mode.startsWith(QLatin1String("sem")) ? "inside"
                                   : reader                              ? "readers"
                                                                         : "writers";
                // A reader is violated by a writer inside; a writer by a reader
                // or another writer.
                const char *other = reader ? "writers" : "readers";
                const bool exclusive = !reader && !mode.startsWith(QLatin1String("sem"));
                ok = step(work, p, mine, other, 1, exclusive);
                std::this_thread::sleep_for(runMs > 0 ? 20ms : 5ms);
                ok = step(work, p, mine, other, -1, exclusive) && ok;
                if (!ok) {
                    std::fprintf(stderr, "the probe's command failed\n");
                    ++errors;
                }
                auto released = lease->release();
                if (!released.ok() || !released.value()) {
                    std::fprintf(stderr, "release: %s\n",
                                 released.ok() ? "nothing was held"
                                               : qPrintable(released.error().message));
                    ++errors;
                }
            }
        });
    }
    for (auto &th : pool)
        th.join();
    std::printf("done errors=%d\n", errors.load());
    std::fflush(stdout);
    return errors.load() == 0 ? 0 : 12;
}

// ---- the parent ------------------------------------------------------------

QProcess *startChild(const ConnectionParams &p, const QString &mode,
                     const QList<QPair<QString, QString>> &extra, QObject *parent) {
    auto *child = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LOCKSCOPE_RSEM_CHILD"), mode);
    env.insert(QStringLiteral("LOCKSCOPE_RSEM_URL"), TestRedis::urlFor(p));
    for (const auto &[name, value] : extra)
        env.insert(name, value);
    child->setProcessEnvironment(env);
    child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child->start(QCoreApplication::applicationFilePath(), {});
    return child;
}

bool finish(QProcess *child, int timeoutMs, QString *output) {
    const bool ended = child->waitForFinished(timeoutMs);
    if (!ended)
        child->kill();
    *output += QString::fromUtf8(child->readAllStandardOutput());
    return ended && child->exitStatus() == QProcess::NormalExit && child->exitCode() == 0;
}

QString redisKey(const ConnectionParams &p, const QString &key) {
    return p.redisPrefix + key;
}

} // namespace

class TestRedisSemaphore final : public QObject {
    Q_OBJECT

    // 3 processes x 8 threads on one 3-permit semaphore; the probe's maximum
    // of holders inside at once.
    qint64 semaphoreMaxInside(const ConnectionParams &p, bool counting, int iterations) {
        QList<QProcess *> children;
        for (int i = 0; i < 3; ++i)
            children.append(startChild(
                p, counting ? QStringLiteral("semcount") : QStringLiteral("sem"),
                {{QStringLiteral("LOCKSCOPE_RSEM_ITERATIONS"), QString::number(iterations)}},
                this));
        QString output;
        bool allOk = true;
        for (QProcess *c : children)
            allOk = finish(c, 300'000, &output) && allOk;
        if (!allOk)
            qWarning("children: %s", qPrintable(output));
        if (!allOk && !counting)
            return -2;
        if (!counting && probeValue(p, "sections") != 3 * 8 * iterations)
            return -3;
        return probeValue(p, "inside:max");
    }

private Q_SLOTS:
    void neverMoreThanNInside() {
        LOCKSCOPE_FRESH_REDIS(p);
        const qint64 most = semaphoreMaxInside(p, false, 6);
        qInfo("redis slot admission: at most %lld of 24 threads inside a 3-permit semaphore",
              static_cast<long long>(most));
        QVERIFY2(most >= 0, "a child failed, or sections were lost");
        QVERIFY(most <= 3);
        QVERIFY(most >= 2); // they did run side by side
        QCOMPARE(probeValue(p, "inside"), qint64(0));
        // Every holder left: the holders set is gone, the kind stays one TTL.
        QCOMPARE(TestRedis::cli(p, {QStringLiteral("EXISTS"),
                                    QString::fromUtf8(RedisSharedScripts::holdersKey(p, kKey))}),
                 QStringLiteral("0"));
        const qint64 pttl =
            TestRedis::cli(p, {QStringLiteral("PTTL"), redisKey(p, kKey)}).toLongLong();
        QVERIFY2(pttl > 0 && pttl <= 30'000, qPrintable(QString::number(pttl)));
    }

    // The control: admission by counting live holders, then inserting.
    void countingControlOverAdmits() {
        LOCKSCOPE_FRESH_REDIS(p);
        const qint64 most = semaphoreMaxInside(p, true, 6);
        qInfo("redis counting control: at most %lld of 24 threads inside a 3-permit semaphore",
              static_cast<long long>(most));
        QVERIFY(most > 3);
    }

    void killedHolderFreesItsPermitAtTheTtl() {
        LOCKSCOPE_FRESH_REDIS(p);
        LeaseConfig config;
        config.retryInterval = 20ms;
        LeaseManager manager(p, config);
        auto mine = manager.acquireSemaphore(kKey, 2, 0ms);
        QVERIFY2(mine.ok(), failure(mine).constData());
        QProcess *child =
            startChild(p, QStringLiteral("hold"),
                       {{QStringLiteral("LOCKSCOPE_RSEM_PERMITS"), QStringLiteral("2")},
                        {QStringLiteral("LOCKSCOPE_RSEM_TTL_MS"), QStringLiteral("3000")}},
                       this);
        QVERIFY(child->waitForReadyRead(60'000));
        const QStringList held = QString::fromUtf8(child->readLine()).split(QLatin1Char(' '));
        QCOMPARE(held.value(0), QStringLiteral("held"));
        const double childExpires = held.value(1).toDouble();
        child->kill(); // SIGKILL: no release
        QVERIFY(child->waitForFinished(10'000));
        // Both permits are held (ours and the dead child's) until its TTL.
        auto none = manager.acquireSemaphore(kKey, 2, 0ms);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().kind, ErrorKind::Timeout);
        auto freed = manager.acquireSemaphore(kKey, 2, 30s);
        QVERIFY2(freed.ok(), failure(freed).constData());
        // By the server's clock: not before the dead holder's expiry, and soon after.
        QVERIFY2(freed->acquiredAt() >= childExpires - 0.001,
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(freed->acquiredAt(), 0, 'f', 3)
                                .arg(childExpires, 0, 'f', 3)));
        QVERIFY(freed->acquiredAt() - childExpires < 5.0);
        QCOMPARE(freed->info().slot, held.value(2).trimmed().toInt());
        QVERIFY(*freed->fence() > *mine->fence());
    }

    void readersAndWritersNeverOverlap_data() {
        QTest::addColumn<bool>("control");
        QTest::newRow("rw") << false;
        QTest::newRow("control") << true;
    }
    void readersAndWritersNeverOverlap() {
        QFETCH(bool, control);
        LOCKSCOPE_FRESH_REDIS(p);
        // Control: the "writers" take read shares, so they overlap the readers.
        const QString mode = control ? QStringLiteral("rwcontrol") : QStringLiteral("rw");
        QList<QProcess *> children;
        for (int i = 0; i < 3; ++i)
            children.append(
                startChild(p, mode,
                           {{QStringLiteral("LOCKSCOPE_RSEM_THREADS"), QStringLiteral("6")},
                            {QStringLiteral("LOCKSCOPE_RSEM_READERS"), QStringLiteral("4")},
                            {QStringLiteral("LOCKSCOPE_RSEM_ITERATIONS"), QStringLiteral("8")}},
                           this));
        QString output;
        bool allOk = true;
        for (QProcess *c : children)
            allOk = finish(c, 300'000, &output) && allOk;
        QVERIFY2(allOk, qPrintable(output));
        QCOMPARE(probeValue(p, "sections"), qint64(3 * 6 * 8));
        const qint64 violations = probeValue(p, "violations");
        qInfo("redis %s: %lld overlaps of a writer with another holder", qPrintable(mode),
              static_cast<long long>(violations));
        if (control)
            QVERIFY(violations > 0);
        else
            QCOMPARE(violations, qint64(0));
    }

    // 20 readers streaming (two processes) never let up; a writer still gets
    // in within a bounded time, because its waiting stops new readers. And the
    // other way: a reader gets in between a stream of writers.
    void nobodyStarves_data() {
        QTest::addColumn<bool>("writerWaits");
        QTest::newRow("writer") << true;
        QTest::newRow("reader") << false;
    }
    void nobodyStarves() {
        QFETCH(bool, writerWaits);
        LOCKSCOPE_FRESH_REDIS(p);
        const QString threads = writerWaits ? QStringLiteral("10") : QStringLiteral("2");
        const QString readers = writerWaits ? QStringLiteral("10") : QStringLiteral("0");
        QList<QProcess *> children;
        for (int i = 0; i < 2; ++i)
            children.append(
                startChild(p, QStringLiteral("rw"),
                           {{QStringLiteral("LOCKSCOPE_RSEM_THREADS"), threads},
                            {QStringLiteral("LOCKSCOPE_RSEM_READERS"), readers},
                            {QStringLiteral("LOCKSCOPE_RSEM_RUN_MS"), QStringLiteral("12000")}},
                           this));
        QTRY_VERIFY_WITH_TIMEOUT(probeValue(p, "sections") > 40, 60'000); // flowing
        LeaseConfig config;
        config.retryInterval = 20ms;
        LeaseManager manager(p, config);
        QElapsedTimer waited;
        waited.start();
        auto lease = writerWaits ? manager.acquireWrite(kKey, 60s) : manager.acquireRead(kKey, 60s);
        const qint64 ms = waited.elapsed();
        QVERIFY2(lease.ok(), failure(lease).constData());
        qInfo("redis: %s got in after %lld ms against a stream of %s",
              writerWaits ? "a writer" : "a reader", static_cast<long long>(ms),
              writerWaits ? "20 readers" : "4 writers");
        QVERIFY(ms < 10'000); // generous
        QVERIFY(lease->release().ok());
        QString output;
        for (QProcess *c : children)
            QVERIFY2(finish(c, 120'000, &output), qPrintable(output));
        QCOMPARE(probeValue(p, "violations"), qint64(0));
    }

    // A key has one kind, and a semaphore its number of permits; another
    // program's plain `SET key value NX PX ttl` fails on a semaphore or rw key.
    void kindsAndPermits() {
        LOCKSCOPE_FRESH_REDIS(p);
        LeaseManager manager(p);
        for (int bad : {0, -1, LockKinds::kMaxPermits + 1}) {
            auto refused = manager.acquireSemaphore(QStringLiteral("s"), bad, 0ms);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, ErrorKind::InvalidArgument);
        }
        QCOMPARE(TestRedis::cli(p, {QStringLiteral("EXISTS"), redisKey(p, QStringLiteral("s"))}),
                 QStringLiteral("0")); // nothing written
        auto permit = manager.acquireSemaphore(QStringLiteral("s"), 3, 0ms);
        QVERIFY2(permit.ok(), failure(permit).constData());
        QCOMPARE(permit->info().kind, LockKind::Semaphore);
        QCOMPARE(permit->info().slot, 0);
        auto otherN = manager.acquireSemaphore(QStringLiteral("s"), 4, 0ms);
        QVERIFY(!otherN.ok());
        QCOMPARE(otherN.error().kind, ErrorKind::WrongKind);
        QVERIFY2(otherN.error().message.contains(QLatin1String("semaphore with 3 permits")),
                 qPrintable(otherN.error().message));
        auto asLease = manager.tryLock(QStringLiteral("s"));
        QVERIFY(!asLease.ok());
        QCOMPARE(asLease.error().kind, ErrorKind::WrongKind);
        auto asLeaseWaiting = manager.lock(QStringLiteral("s"), 100ms);
        QVERIFY(!asLeaseWaiting.ok());
        QCOMPARE(asLeaseWaiting.error().kind, ErrorKind::WrongKind);
        auto asRw = manager.acquireRead(QStringLiteral("s"), 0ms);
        QVERIFY(!asRw.ok());
        QCOMPARE(asRw.error().kind, ErrorKind::WrongKind);
        // Another program's SET NX (the classic Redis lock) finds the key taken.
        QCOMPARE(TestRedis::cli(p, {QStringLiteral("SET"), redisKey(p, QStringLiteral("s")),
                                    QStringLiteral("x"), QStringLiteral("NX"), QStringLiteral("PX"),
                                    QStringLiteral("10000")}),
                 QString());
        auto lease = manager.tryLock(QStringLiteral("l"));
        QVERIFY2(lease.ok(), failure(lease).constData());
        auto leaseAsSemaphore = manager.acquireSemaphore(QStringLiteral("l"), 2, 0ms);
        QVERIFY(!leaseAsSemaphore.ok());
        QCOMPARE(leaseAsSemaphore.error().kind, ErrorKind::WrongKind);
        QVERIFY(leaseAsSemaphore.error().message.contains(QLatin1String("is a lease")));
        auto leaseAsWriter = manager.acquireWrite(QStringLiteral("l"), 100ms);
        QCOMPARE(leaseAsWriter.error().kind, ErrorKind::WrongKind);
        auto reader = manager.acquireRead(QStringLiteral("r"), 0ms);
        QVERIFY2(reader.ok(), failure(reader).constData());
        auto rwAsLease = manager.tryLock(QStringLiteral("r"));
        QVERIFY(!rwAsLease.ok());
        QCOMPARE(rwAsLease.error().kind, ErrorKind::WrongKind);
        QVERIFY(rwAsLease.error().message.contains(QLatin1String("reader-writer lease")));
        auto rwAsSemaphore = manager.acquireSemaphore(QStringLiteral("r"), 2, 0ms);
        QCOMPARE(rwAsSemaphore.error().kind, ErrorKind::WrongKind);
        QCOMPARE(TestRedis::cli(p, {QStringLiteral("SET"), redisKey(p, QStringLiteral("r")),
                                    QStringLiteral("x"), QStringLiteral("NX")}),
                 QString());
        // Another program's key of another type is no lock of ours.
        TestRedis::cli(
            p, {QStringLiteral("RPUSH"), redisKey(p, QStringLiteral("q")), QStringLiteral("a")});
        auto onList = manager.acquireSemaphore(QStringLiteral("q"), 2, 0ms);
        QCOMPARE(onList.error().kind, ErrorKind::WrongKind);
        QVERIFY2(onList.error().message.contains(QLatin1String("is a list")),
                 qPrintable(onList.error().message));
        QCOMPARE(TestRedis::cli(p, {QStringLiteral("LLEN"), redisKey(p, QStringLiteral("q"))}),
                 QStringLiteral("1"));
        // After every holder is gone the kind stays while the key lives (one TTL).
        QVERIFY(permit->release().value());
        QVERIFY(reader->release().value());
        QCOMPARE(manager.tryLock(QStringLiteral("s")).error().kind, ErrorKind::WrongKind);
    }

    // An idle semaphore disappears by itself one TTL after its last holder
    // left; then the key may be anything again.
    void idleKeyDisappears() {
        LOCKSCOPE_FRESH_REDIS(p);
        LeaseConfig config;
        config.ttl = 400ms;
        config.retryInterval = 20ms;
        LeaseManager manager(p, config);
        auto permit = manager.acquireSemaphore(QStringLiteral("s"), 2, 0ms);
        QVERIFY2(permit.ok(), failure(permit).constData());
        QVERIFY(permit->release().value());
        QTRY_COMPARE_WITH_TIMEOUT(
            TestRedis::cli(p, {QStringLiteral("EXISTS"), redisKey(p, QStringLiteral("s"))}),
            QStringLiteral("0"), 10'000);
        auto other = manager.acquireSemaphore(QStringLiteral("s"), 5, 0ms);
        QVERIFY2(other.ok(), failure(other).constData());
    }

    // Fences strictly increase per key across every kind the key has had,
    // from the plain lease's counter.
    void fencesStrictlyIncrease() {
        LOCKSCOPE_FRESH_REDIS(p);
        LeaseConfig config;
        config.ttl = 300ms;
        config.retryInterval = 20ms;
        LeaseManager manager(p, config);
        const QString key = QStringLiteral("f");
        qint64 last = 0;
        auto check = [&](Result<Lease> &l) {
            QVERIFY2(l.ok(), failure(l).constData());
            QVERIFY(l->fence().has_value());
            QVERIFY2(*l->fence() > last, qPrintable(QString::number(*l->fence())));
            last = *l->fence();
            QVERIFY(l->release().value());
        };
        auto lease = manager.tryLock(key);
        check(lease);
        auto permit = manager.acquireSemaphore(key, 2, 0ms);
        check(permit);
        auto second = manager.acquireSemaphore(key, 2, 0ms);
        check(second);
        QTRY_COMPARE_WITH_TIMEOUT(TestRedis::cli(p, {QStringLiteral("EXISTS"), redisKey(p, key)}),
                                  QStringLiteral("0"), 10'000);
        auto reader = manager.acquireRead(key, 0ms);
        check(reader);
        auto writer = manager.acquireWrite(key, 0ms);
        check(writer);
        QCOMPARE(TestRedis::cli(p, {QStringLiteral("GET"),
                                    QString::fromUtf8(RedisLeaseScripts::fenceKey(p, key))}),
                 QString::number(last));
    }

    // Release, renew and heartbeat act by the holder's token: a permit is a
    // Lease; a holder whose entry is gone (deleted by hand) hears it's lost.
    void handleRenewsAndHearsItsLoss() {
        LOCKSCOPE_FRESH_REDIS(p);
        LeaseConfig config;
        config.ttl = 3s;
        LeaseManager manager(p, config);
        for (LockKind kind : {LockKind::Semaphore, LockKind::Read, LockKind::Write}) {
            const QString key = kind == LockKind::Semaphore ? QStringLiteral("s")
                                : kind == LockKind::Read    ? QStringLiteral("r")
                                                            : QStringLiteral("w");
            auto held = kind == LockKind::Semaphore ? manager.acquireSemaphore(key, 2, 0ms)
                        : kind == LockKind::Read    ? manager.acquireRead(key, 0ms)
                                                    : manager.acquireWrite(key, 0ms);
            QVERIFY2(held.ok(), failure(held).constData());
            const double first = held->expiresAt();
            QTest::qWait(50);
            QVERIFY(held->renew(5s).ok());
            QVERIFY(held->expiresAt() > first);
            const QString holders = QString::fromUtf8(RedisSharedScripts::holdersKey(p, key));
            const double score =
                TestRedis::cli(p, {QStringLiteral("ZSCORE"), holders, held->token()}).toDouble();
            QVERIFY2(std::abs(score / 1000.0 - held->expiresAt()) < 1.0,
                     qPrintable(QStringLiteral("%1 vs %2").arg(score).arg(held->expiresAt())));
            std::atomic<bool> told{false};
            held->startHeartbeat([&told](const QString &, const QString &) { told = true; }, 100ms);
            // An operator removes the holder by hand: the heartbeat hears it.
            TestRedis::cli(p, {QStringLiteral("ZREM"), holders, held->token()});
            TestRedis::cli(p, {QStringLiteral("HDEL"), redisKey(p, key),
                               QStringLiteral("h:") + held->token()});
            QTRY_VERIFY_WITH_TIMEOUT(told.load(), 10000);
            QVERIFY(held->isLost());
            QCOMPARE(held->release().value(), false); // gone before its owner let go
        }
    }

    // A waiter in another manager (another process, as far as Redis knows)
    // is woken by the release's publish, not by its 30 s poll.
    void releaseWakesAWaiter() {
        LOCKSCOPE_FRESH_REDIS(p);
        LeaseManager holder(p);
        auto held = holder.acquireSemaphore(QStringLiteral("s"), 1, 0ms);
        QVERIFY2(held.ok(), failure(held).constData());
        LeaseConfig slow;
        slow.retryInterval = 30s;
        LeaseManager waiter(p, slow);
        std::optional<Result<Lease>> got;
        QElapsedTimer waited;
        std::thread t([&] { got.emplace(waiter.acquireSemaphore(QStringLiteral("s"), 1, 60s)); });
        // The waiter registered (the release publishes only then).
        const QString waiters =
            QString::fromUtf8(RedisLeaseScripts::waitersKey(p, QStringLiteral("s")));
        QTRY_COMPARE_WITH_TIMEOUT(TestRedis::cli(p, {QStringLiteral("ZCARD"), waiters}),
                                  QStringLiteral("1"), 20'000);
        waited.start();
        QVERIFY(held->release().value());
        t.join();
        QVERIFY2(got->ok(), failure(*got).constData());
        qInfo("woken %lld ms after the release", static_cast<long long>(waited.elapsed()));
        QVERIFY(waited.elapsed() < 20'000); // the poll would take 30 s
        QCOMPARE(TestRedis::cli(p, {QStringLiteral("ZCARD"), waiters}), QStringLiteral("0"));
    }

    // The manager's connection is cut (CLIENT KILL, as a server restart or an
    // idle timeout would): the next renewal, release and acquire are sent
    // again on a new connection instead of failing and leaving the permit
    // held until its TTL.
    void survivesACutConnection() {
        LOCKSCOPE_FRESH_REDIS(p);
        LeaseManager manager(p);
        auto cut = [&] { // this thread's lease connection only: the server is shared
            return TestRedis::cutThreadConnection(p, RedisLeaseStore::connectionPurpose());
        };
        auto permit = manager.acquireSemaphore(QStringLiteral("s"), 2, 0ms);
        QVERIFY2(permit.ok(), failure(permit).constData());
        QVERIFY(cut() >= 1);
        auto renewed = permit->renew(30s);
        QVERIFY2(renewed.ok(), renewed.ok() ? "" : qPrintable(renewed.error().message));
        QVERIFY(cut() >= 1);
        auto released = permit->release();
        QVERIFY2(released.ok(), released.ok() ? "" : qPrintable(released.error().message));
        QVERIFY(released.value());
        QVERIFY(cut() >= 1);
        auto reader = manager.acquireRead(QStringLiteral("r"), 0ms);
        QVERIFY2(reader.ok(), failure(reader).constData());
        QVERIFY(reader->release().value());
    }

    // The server applies a release and its reply is lost (the connection
    // closes between the work and its answer, as a proxy or a network may do):
    // the release is sent again on a new connection, finds nothing of this
    // holder's left, and that still means released -- the caller is told
    // true, as for a lease, and the place is free. Control: a second send
    // that finds nothing read as "nothing was held" makes release() false.
    void lostReleaseReplyStillReleases() {
        LOCKSCOPE_FRESH_REDIS(direct);
        test::ReplyCutter cutter(direct);
        QVERIFY(cutter.port() != 0);
        LeaseManager manager(cutter.params());
        // Once unharmed, so the server knows the release script and the cut
        // below loses the release's own answer, not a NOSCRIPT.
        auto warm = manager.acquireSemaphore(QStringLiteral("warm"), 2, 0ms);
        QVERIFY2(warm.ok(), failure(warm).constData());
        QVERIFY(warm->release().value());
        const QString members = QStringLiteral("ZCARD");
        int cuts = 0;
        for (const QString &kind :
             {QStringLiteral("slot"), QStringLiteral("read"), QStringLiteral("write")}) {
            const QString key = QStringLiteral("lost-reply-") + kind;
            auto held = kind == QLatin1String("slot")   ? manager.acquireSemaphore(key, 2, 0ms)
                        : kind == QLatin1String("read") ? manager.acquireRead(key, 0ms)
                                                        : manager.acquireWrite(key, 0ms);
            QVERIFY2(held.ok(), failure(held).constData());
            cutter.cutNextReply();
            auto released = held->release();
            QVERIFY2(released.ok(), released.ok() ? "" : qPrintable(released.error().message));
            QCOMPARE(cutter.cuts(), ++cuts); // the reply was lost indeed
            QVERIFY2(released.value(), qPrintable(kind));
            // Nothing of it is left on the server: the place is free.
            QCOMPARE(TestRedis::cli(
                         direct,
                         {members, QString::fromUtf8(RedisSharedScripts::holdersKey(direct, key))}),
                     QStringLiteral("0"));
        }
    }

    // A waiting writer holds back readers that come after it; the reader that
    // gives up waiting leaves no place behind.
    void waitingWriterStopsNewReaders() {
        LOCKSCOPE_FRESH_REDIS(p);
        LeaseConfig config;
        config.retryInterval = 20ms;
        LeaseManager a(p, config);
        LeaseManager b(p, config);
        LeaseManager c(p, config);
        auto reader = a.acquireRead(QStringLiteral("r"), 0ms);
        QVERIFY2(reader.ok(), failure(reader).constData());
        auto writerTry = b.acquireWrite(QStringLiteral("r"), 0ms); // leaves its place
        QVERIFY(!writerTry.ok());
        std::optional<Result<Lease>> writer;
        std::thread t([&] { writer.emplace(b.acquireWrite(QStringLiteral("r"), 60s)); });
        QTest::qWait(200);
        auto late = c.acquireRead(QStringLiteral("r"), 0ms);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().kind, ErrorKind::Timeout);
        QVERIFY(reader->release().value());
        t.join();
        QVERIFY2(writer->ok(), failure(*writer).constData());
        QCOMPARE((*writer)->info().kind, LockKind::Write);
        QVERIFY((*writer)->release().value());
        // Only the key's kind record stays; no holder or waiter.
        QCOMPARE(TestRedis::cli(p, {QStringLiteral("HKEYS"), redisKey(p, QStringLiteral("r"))}),
                 QStringLiteral("kind"));
    }
};

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsSet("LOCKSCOPE_RSEM_CHILD")) {
        QCoreApplication app(argc, argv);
        return childMain();
    }
    QCoreApplication app(argc, argv);
    TestRedisSemaphore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_redissemaphore.moc"
