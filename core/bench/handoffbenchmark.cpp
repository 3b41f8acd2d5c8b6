#include "bench/handoffbenchmark.h"

#include "lease/leasemanager.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace lockscope {

namespace {

double at(const QList<double> &sorted, double p) {
    const auto index = static_cast<qsizetype>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted.at(std::min(index, sorted.size() - 1));
}

LeaseConfig leaseConfig(const HandoffConfig &config) {
    LeaseConfig lc;
    lc.inProcessGate = config.inProcessGate;
    lc.releaseNotifications = config.releaseNotifications;
    lc.retryInterval = config.retryInterval;
    return lc;
}

} // namespace

LatencySummary LatencySummary::of(QList<double> samplesMs) {
    LatencySummary s;
    s.count = static_cast<int>(samplesMs.size());
    if (samplesMs.isEmpty())
        return s;
    std::sort(samplesMs.begin(), samplesMs.end());
    s.p50Ms = at(samplesMs, 0.50);
    s.p90Ms = at(samplesMs, 0.90);
    s.p99Ms = at(samplesMs, 0.99);
    s.maxMs = samplesMs.last();
    return s;
}

qint64 HandoffBenchmark::wallClockUs() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Result<HandoffResult> HandoffBenchmark::runThreads(const ConnectionParams &params,
                                                   const HandoffConfig &config) {
    if (config.rounds < 1)
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate("lockscope::HandoffBenchmark",
                                                 "--rounds must be at least 1.")};
    LeaseManager manager(params, leaseConfig(config));
    {
        auto probe = manager.tryLock(config.key);
        if (!probe.ok() && probe.error().kind != ErrorKind::NotAcquired)
            return probe.error();
    }
    // Round i: acquired[i] is when its holder returned from lock(), released[i]
    // when its release() returned (the row is deleted and the gate handed on).
    const int rounds = config.rounds + 1;
    std::vector<qint64> acquired(static_cast<size_t>(rounds), 0);
    std::vector<qint64> released(static_cast<size_t>(rounds), 0);
    std::vector<int> holderOf(static_cast<size_t>(rounds), -1);
    std::atomic<int> next{0};
    std::atomic<qint64> errors{0};
    std::mutex samplesMutex;
    QList<double> roundTrips;
    QElapsedTimer clock;
    clock.start();

    auto worker = [&](int me) {
        for (;;) {
            const qint64 asked = clock.nsecsElapsed();
            auto lease = manager.lock(config.key, std::chrono::seconds(30));
            const qint64 now = clock.nsecsElapsed();
            if (!lease.ok()) {
                ++errors;
                return;
            }
            const int round = next.fetch_add(1);
            if (round >= rounds)
                return; // the lease is released by its destructor
            acquired[static_cast<size_t>(round)] = now;
            holderOf[static_cast<size_t>(round)] = me;
            if (round == 0) {
                std::lock_guard lock(samplesMutex);
                roundTrips << static_cast<double>(now - asked) / 1e6;
            }
            std::this_thread::sleep_for(config.hold);
            (void)lease->release();
            released[static_cast<size_t>(round)] = clock.nsecsElapsed();
            // Let the other thread, already queued in the gate, take its turn.
            std::this_thread::sleep_for(config.hold);
        }
    };
    std::thread a(worker, 0);
    std::thread b(worker, 1);
    a.join();
    b.join();
    if (errors.load() > 0)
        return Error{ErrorKind::Database,
                     QCoreApplication::translate("lockscope::HandoffBenchmark",
                                                 "%1 lock() calls failed during the run.")
                         .arg(errors.load())};

    HandoffResult result;
    QList<double> handoffs;
    for (int i = 1; i < rounds; ++i) {
        if (holderOf[static_cast<size_t>(i)] == holderOf[static_cast<size_t>(i - 1)])
            continue; // not a hand-off
        // The next holder may return before the releaser has read its clock;
        // then the key was idle for no measurable time.
        const qint64 gap = acquired[static_cast<size_t>(i)] - released[static_cast<size_t>(i - 1)];
        handoffs << static_cast<double>(std::max<qint64>(0, gap)) / 1e6;
    }
    // The acquire round trip with nobody else around, for comparison.
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer t;
        t.start();
        auto lease = manager.tryLock(config.key + QStringLiteral("/rt"));
        roundTrips << static_cast<double>(t.nsecsElapsed()) / 1e6;
    }
    result.handoff = LatencySummary::of(handoffs);
    result.roundTrip = LatencySummary::of(roundTrips);
    result.statements = manager.statementCount();
    result.acquisitions = rounds;
    return result;
}

Result<QList<HolderEvent>> HandoffBenchmark::runHolder(const ConnectionParams &params,
                                                       const HandoffConfig &config, int holderId,
                                                       QList<double> *roundTripsMs) {
    LeaseManager manager(params, leaseConfig(config));
    const std::chrono::milliseconds pause = config.pause.value_or(config.retryInterval * 8 / 5);
    QList<HolderEvent> events;
    for (int i = 0; i < config.rounds; ++i) {
        const qint64 asked = wallClockUs();
        auto lease = manager.lock(config.key, std::chrono::seconds(60));
        if (!lease.ok())
            return lease.error();
        HolderEvent e;
        e.holder = holderId;
        e.askedUs = asked;
        e.acquiredUs = wallClockUs();
        if (roundTripsMs)
            roundTripsMs->append(static_cast<double>(e.acquiredUs - asked) / 1000.0);
        std::this_thread::sleep_for(config.hold);
        auto released = lease->release();
        e.releasedUs = wallClockUs();
        if (!released.ok())
            return released.error();
        events.append(e);
        std::this_thread::sleep_for(pause);
    }
    return events;
}

LatencySummary HandoffBenchmark::crossProcessHandoffs(QList<HolderEvent> events) {
    std::sort(events.begin(), events.end(), [](const HolderEvent &a, const HolderEvent &b) {
        return a.acquiredUs < b.acquiredUs;
    });
    QList<double> gaps;
    for (qsizetype i = 1; i < events.size(); ++i) {
        const HolderEvent &before = events.at(i - 1);
        const HolderEvent &now = events.at(i);
        if (now.holder == before.holder || now.askedUs > before.releasedUs)
            continue; // not a hand-off: the same holder, or nobody was waiting
        gaps << static_cast<double>(std::max<qint64>(0, now.acquiredUs - before.releasedUs)) /
                    1000.0;
    }
    return LatencySummary::of(gaps);
}

} // namespace lockscope
