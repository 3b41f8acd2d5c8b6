#include "load/loadrunner.h"

#include "advisory/advisorylock.h"
#include "base/canceltoken.h"
#include "lease/leasemanager.h"
#include "load/keychooser.h"
#include "load/loadinside.h"
#include "load/loadworktable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <atomic>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace lockscope {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Everything the workers report, under one mutex (a few thousand updates a
// second at most).
struct Aggregate {
    std::mutex mutex;
    LatencyHistogram total;
    LatencyHistogram interval;
    LatencyHistogram readWait; // Rw mode, by role
    LatencyHistogram writeWait;
    QList<LoadKeyStats> perKey;
    QList<LoadWorkerStats> workers;
    qint64 acquisitions = 0;
    qint64 timeouts = 0;
    qint64 takeovers = 0;
    qint64 errors = 0;
    QString firstError;

    void acquired(int key, qint64 waitNs, bool tookOver,
                  LoadInside::Role role = LoadInside::Role::Holder) {
        std::lock_guard lock(mutex);
        if (role == LoadInside::Role::Reader)
            readWait.recordNs(waitNs);
        else if (role == LoadInside::Role::Writer)
            writeWait.recordNs(waitNs);
        total.recordNs(waitNs);
        interval.recordNs(waitNs);
        ++acquisitions;
        takeovers += tookOver ? 1 : 0;
        LoadKeyStats &k = perKey[key];
        ++k.acquisitions;
        const double ms = static_cast<double>(waitNs) / 1e6;
        k.waitTotalMs += ms;
        k.waitMaxMs = std::max(k.waitMaxMs, ms);
    }
    void completed(int key) {
        std::lock_guard lock(mutex);
        ++perKey[key].completed;
    }
    void timedOut(int key) {
        std::lock_guard lock(mutex);
        ++timeouts;
        ++perKey[key].timeouts;
    }
    void workerDone(const LoadWorkerStats &worker) {
        std::lock_guard lock(mutex);
        workers.append(worker);
    }
    void failed(const Error &error) {
        std::lock_guard lock(mutex);
        ++errors;
        if (firstError.isEmpty())
            firstError = error.message;
    }
};

// One worker's lock, whatever the mode.
class WorkerLock final {
public:
    WorkerLock(const ConnectionParams &params, const LoadConfig &config, LeaseManager *manager,
               bool reader = false)
        : m_config(config)
        , m_manager(manager)
        , m_reader(reader) {
        if (config.mode == LoadMode::Advisory) {
            AdvisoryLockOptions options;
            options.scope = config.advisoryScope;
            m_advisory = std::make_unique<AdvisoryLock>(params, AdvisoryKey::fromInt64(0), options);
        }
    }

    // Ok, or Timeout / Cancelled / another error.
    Status acquire(int keyIndex, const QString &key, const CancelToken *stop, bool *tookOver) {
        *tookOver = false;
        switch (m_config.mode) {
        case LoadMode::None:
            return {};
        case LoadMode::Lease: {
            auto lease = m_manager->lock(key, m_config.maxWait, stop);
            if (!lease.ok())
                return lease.error();
            *tookOver = lease->tookOver();
            m_lease = std::move(lease.value());
            return {};
        }
        case LoadMode::Semaphore:
        case LoadMode::Rw: {
            if (m_config.noLock)
                return {}; // the rw control: no lock at all
            auto lease =
                m_config.mode == LoadMode::Semaphore
                    ? m_manager->acquireSemaphore(key, m_config.permits, m_config.maxWait, stop)
                : m_reader ? m_manager->acquireRead(key, m_config.maxWait, stop)
                           : m_manager->acquireWrite(key, m_config.maxWait, stop);
            if (!lease.ok())
                return lease.error();
            m_lease = std::move(lease.value());
            return {};
        }
        case LoadMode::Advisory:
            // A readable pair in the Advisory tab: (0x4c53 "LS", key index).
            m_advisory->setKey(AdvisoryKey::fromPair(0x4c53, keyIndex));
            return m_advisory->lock(m_config.maxWait, stop);
        }
        return {};
    }

    void release() {
        if (m_config.noLock)
            return;
        if (m_config.mode == LoadMode::Lease || m_config.mode == LoadMode::Semaphore ||
            m_config.mode == LoadMode::Rw)
            (void)m_lease.release();
        else if (m_config.mode == LoadMode::Advisory)
            (void)m_advisory->unlock();
    }

    quint64 advisoryStatements() const { return m_advisory ? m_advisory->statementCount() : 0; }

private:
    const LoadConfig &m_config;
    LeaseManager *m_manager;
    bool m_reader = false;
    Lease m_lease;
    std::unique_ptr<AdvisoryLock> m_advisory;
};

// Waits between attempts while the database fails: 100 ms, doubling to 2 s,
// each jittered over [0.5, 1.5] so that workers do not retry in step.
class Backoff final {
public:
    milliseconds next(std::mt19937_64 &rng) {
        const auto base = m_next;
        m_next = std::min(m_next * 2, milliseconds(2000));
        const double factor = std::uniform_real_distribution<double>(0.5, 1.5)(rng);
        return milliseconds(static_cast<qint64>(static_cast<double>(base.count()) * factor));
    }
    void reset() { m_next = milliseconds(100); }

private:
    milliseconds m_next{100};
};

milliseconds holdFor(const LoadConfig &config, std::mt19937_64 &rng) {
    if (config.holdMax <= config.holdMin)
        return config.holdMin;
    return milliseconds(
        std::uniform_int_distribution<qint64>(config.holdMin.count(), config.holdMax.count())(rng));
}

} // namespace

namespace {

// Runs `step` again while it fails because the server cannot be reached,
// backing off, until it succeeds, fails otherwise, `patience` runs out or
// `cancel` is cancelled.
Status untilReachable(const std::function<Status()> &step, const CancelToken *cancel,
                      milliseconds patience) {
    const auto until = Clock::now() + patience;
    std::mt19937_64 rng(QRandomGenerator::global()->generate64());
    Backoff backoff;
    for (;;) {
        Status s = step();
        if (s.ok() || s.error().kind != ErrorKind::Connection || Clock::now() >= until)
            return s;
        const auto wait = std::min(backoff.next(rng),
                                   std::chrono::duration_cast<milliseconds>(until - Clock::now()));
        if (cancel ? cancel->sleepFor(wait) : (std::this_thread::sleep_for(wait), false))
            return s;
    }
}

} // namespace

Status LoadRunner::prepare(const ConnectionParams &params, const LoadConfig &config,
                           const CancelToken *cancel, milliseconds patience) {
    QStringList keys;
    for (int i = 0; i < config.keys; ++i)
        keys << config.keyName(i);
    if (config.mode == LoadMode::Semaphore || config.mode == LoadMode::Rw)
        return untilReachable([&] { return LoadInside::prepare(params, config.runId, keys); },
                              cancel, patience);
    return untilReachable([&] { return LoadWorkTable::prepare(params, config.runId, keys); },
                          cancel, patience);
}

Result<LoadSummary> LoadRunner::run(const ConnectionParams &params, const LoadConfig &config,
                                    const CancelToken *cancel, const SampleCallback &onSample,
                                    milliseconds sampleInterval) {
    if (auto valid = config.validate(params.isPostgres(), params.isRedis()); !valid.ok())
        return valid.error();
    LeaseConfig leaseConfig;
    leaseConfig.ttl = config.ttl;
    leaseConfig.semaphoreByCounting = config.admitByCounting;
    LeaseManager manager(params, leaseConfig); // one per process, as the library intends
    const KeyChooser chooser(config.keys, config.skew);

    Aggregate aggregate;
    for (int i = 0; i < config.keys; ++i) {
        LoadKeyStats k;
        k.key = config.keyName(i);
        aggregate.perKey.append(k);
    }
    CancelToken stop; // the run's own stop: the end of the duration, the count, or `cancel`
    const int forward = cancel ? cancel->addListener([&stop] { stop.cancel(); }) : 0;
    if (cancel && cancel->isCancelled())
        stop.cancel();
    std::atomic<qint64> started{0};
    std::atomic<quint64> advisoryStatements{0};

    auto worker = [&](int index) {
        std::mt19937_64 rng(QRandomGenerator::global()->generate64() ^ static_cast<quint64>(index));
        const bool shared = config.mode == LoadMode::Semaphore || config.mode == LoadMode::Rw;
        const LoadInside::Role role =
            config.mode == LoadMode::Rw
                ? (index < config.readers ? LoadInside::Role::Reader : LoadInside::Role::Writer)
                : LoadInside::Role::Holder;
        WorkerLock lock(params, config, &manager, role == LoadInside::Role::Reader);
        Backoff backoff;
        LoadWorkerStats me;
        me.pid = QCoreApplication::applicationPid();
        me.thread = index;
        auto previous = Clock::now();
        while (!stop.isCancelled()) {
            if (config.count && started.fetch_add(1) >= *config.count)
                break;
            const int k = chooser.choose(rng);
            const QString key = config.keyName(k);
            const auto asked = Clock::now();
            bool tookOver = false;
            const Status got = lock.acquire(k, key, &stop, &tookOver);
            if (!got.ok()) {
                if (got.error().kind == ErrorKind::Cancelled)
                    break;
                if (got.error().kind == ErrorKind::Timeout) {
                    aggregate.timedOut(k);
                    continue;
                }
                aggregate.failed(got.error());
                // A failing database (down, restarting) is not hammered: back
                // off, doubling up to 2 s with jitter, for as long as the run
                // lasts; the first success resets it.
                stop.sleepFor(backoff.next(rng));
                continue;
            }
            backoff.reset();
            const auto now = Clock::now();
            aggregate.acquired(
                k, std::chrono::duration_cast<std::chrono::nanoseconds>(now - asked).count(),
                tookOver, role);
            ++me.acquisitions;
            me.lastAcquiredAt = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
            me.longestGapS =
                std::max(me.longestGapS, std::chrono::duration<double>(now - previous).count());
            previous = now;
            if (shared) {
                // Semaphores and reader-writer leases: count in, pause, count out
                // (one atomic UPDATE each): the probe keeps the most inside at once.
                Status in = LoadInside::enter(params, config.runId, key, role);
                const bool cut = in.ok() && stop.sleepFor(holdFor(config, rng));
                Status out = in.ok() ? LoadInside::leave(params, config.runId, key, role) : in;
                if (!out.ok())
                    aggregate.failed(out.error());
                else if (!cut)
                    aggregate.completed(k);
                lock.release();
                continue;
            }
            // The critical section: read, pause, write -- on the work connection.
            qint64 value = 0;
            Status work = LoadWorkTable::readValue(params, config.runId, key, &value);
            const bool interrupted = work.ok() && stop.sleepFor(holdFor(config, rng));
            if (work.ok() && !interrupted)
                work = LoadWorkTable::writeValue(params, config.runId, key, value + 1);
            if (!work.ok())
                aggregate.failed(work.error());
            else if (!interrupted)
                aggregate.completed(k);
            lock.release();
        }
        advisoryStatements += lock.advisoryStatements();
        // A worker that stalled until the end: its gap runs to the end of the run.
        me.longestGapS = std::max(me.longestGapS,
                                  std::chrono::duration<double>(Clock::now() - previous).count());
        aggregate.workerDone(me);
    };

    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int i = 0; i < config.threads; ++i)
        threads.emplace_back(worker, i);

    const Clock::time_point deadline =
        config.duration ? Clock::now() + *config.duration : Clock::time_point::max();
    qint64 lastAcquisitions = 0;
    qint64 lastNs = 0;
    for (;;) {
        const auto until = std::min(Clock::now() + sampleInterval, deadline);
        stop.sleepFor(std::chrono::duration_cast<milliseconds>(until - Clock::now()));
        LoadSample sample;
        {
            std::lock_guard lock(aggregate.mutex);
            const qint64 nowNs = wall.nsecsElapsed();
            sample.elapsedS = static_cast<double>(nowNs) / 1e9;
            sample.acquisitions = aggregate.acquisitions;
            sample.timeouts = aggregate.timeouts;
            const double dt = static_cast<double>(nowNs - lastNs) / 1e9;
            sample.throughputPerS = dt > 0 ? (aggregate.acquisitions - lastAcquisitions) / dt : 0;
            sample.p50Ms = aggregate.interval.percentileMs(0.50);
            sample.p90Ms = aggregate.interval.percentileMs(0.90);
            sample.p99Ms = aggregate.interval.percentileMs(0.99);
            sample.maxMs = aggregate.interval.maxMs();
            aggregate.interval.clear();
            if (aggregate.perKey.size() <= 1000)
                sample.perKey = aggregate.perKey;
            lastAcquisitions = aggregate.acquisitions;
            lastNs = nowNs;
        }
        if (onSample)
            onSample(sample);
        const bool countReached = config.count && started.load() >= *config.count;
        if (stop.isCancelled() || Clock::now() >= deadline || countReached)
            break;
    }
    stop.cancel();
    for (auto &t : threads)
        t.join();
    if (cancel)
        cancel->removeListener(forward);

    LoadSummary summary;
    summary.mode = config.mode;
    summary.runId = config.runId;
    summary.threads = config.threads;
    summary.processes = 1;
    summary.seconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    summary.acquisitions = aggregate.acquisitions;
    summary.timeouts = aggregate.timeouts;
    summary.takeovers = aggregate.takeovers;
    summary.errors = aggregate.errors;
    summary.firstError = aggregate.firstError;
    summary.latency = aggregate.total;
    summary.readWait = aggregate.readWait;
    summary.writeWait = aggregate.writeWait;
    summary.permits = config.mode == LoadMode::Semaphore ? config.permits : 0;
    summary.perKey = aggregate.perKey;
    summary.workers = aggregate.workers;
    summary.statements = config.mode == LoadMode::Advisory || config.mode == LoadMode::None
                             ? advisoryStatements.load()
                             : manager.statementCount();
    return summary;
}

Status LoadRunner::finish(const ConnectionParams &params, LoadSummary &summary,
                          const CancelToken *cancel, milliseconds patience) {
    if (summary.mode == LoadMode::Semaphore || summary.mode == LoadMode::Rw) {
        // No counters: the probe says how many were inside at once, and whether
        // a writer ever shared the section.
        QHash<QString, LoadInside::Figures> figures;
        if (auto read = untilReachable(
                [&]() -> Status {
                    auto f = LoadInside::figures(params, summary.runId);
                    if (!f.ok())
                        return f.error();
                    figures = f.value();
                    return {};
                },
                cancel, patience);
            !read.ok())
            return read;
        summary.maxInside = 0;
        summary.overlaps = 0;
        summary.violations = 0;
        for (LoadKeyStats &k : summary.perKey) {
            const LoadInside::Figures f = figures.value(k.key);
            summary.maxInside = std::max(summary.maxInside, f.maxInside);
            summary.overlaps += f.overlaps;
            k.counter = f.maxInside;
            k.violations = summary.mode == LoadMode::Semaphore
                               ? std::max<qint64>(0, f.maxInside - summary.permits)
                               : f.overlaps;
            summary.violations += k.violations;
        }
        if (summary.mode != LoadMode::Rw)
            summary.overlaps = -1;
        if (summary.mode != LoadMode::Semaphore)
            summary.maxInside = -1;
        summary.leftoverLeases = 0;
        return untilReachable([&] { return LoadInside::drop(params, summary.runId); }, cancel,
                              patience);
    }
    QHash<QString, qint64> values;
    if (auto read = untilReachable(
            [&]() -> Status {
                auto counters = LoadWorkTable::counters(params, summary.runId);
                if (!counters.ok())
                    return counters.error();
                values = counters.value();
                return {};
            },
            cancel, patience);
        !read.ok())
        return read;
    const auto *counters = &values;
    summary.violations = 0;
    for (LoadKeyStats &k : summary.perKey) {
        k.counter = counters->value(k.key, 0);
        k.violations = k.completed - k.counter;
        summary.violations += k.violations;
    }
    auto leftover = LoadWorkTable::leftoverLeases(params, summary.runId);
    if (!leftover.ok())
        return leftover.error();
    summary.leftoverLeases = leftover.value();
    return untilReachable([&] { return LoadWorkTable::drop(params, summary.runId); }, cancel,
                          patience);
}

} // namespace lockscope
