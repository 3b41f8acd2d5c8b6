#include "load/loadsummary.h"

#include <QJsonArray>

#include <cmath>

namespace lockscope {

namespace {

double r3(double v) {
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

void LoadSummary::merge(const LoadSummary &other) {
    acquisitions += other.acquisitions;
    timeouts += other.timeouts;
    takeovers += other.takeovers;
    errors += other.errors;
    statements += other.statements;
    seconds = std::max(seconds, other.seconds);
    if (firstError.isEmpty())
        firstError = other.firstError;
    latency.merge(other.latency);
    readWait.merge(other.readWait);
    writeWait.merge(other.writeWait);
    for (const LoadKeyStats &theirs : other.perKey) {
        auto it = std::find_if(perKey.begin(), perKey.end(),
                               [&](const LoadKeyStats &k) { return k.key == theirs.key; });
        if (it == perKey.end()) {
            perKey.append(theirs);
            continue;
        }
        it->acquisitions += theirs.acquisitions;
        it->completed += theirs.completed;
        it->timeouts += theirs.timeouts;
        it->waitTotalMs += theirs.waitTotalMs;
        it->waitMaxMs = std::max(it->waitMaxMs, theirs.waitMaxMs);
    }
    workers.append(other.workers);
}

QJsonObject LoadSummary::toJson(bool withHistogram) const {
    QJsonArray keys;
    for (const LoadKeyStats &k : perKey) {
        keys.append(QJsonObject{
            {QStringLiteral("key"), k.key},
            {QStringLiteral("acquisitions"), k.acquisitions},
            {QStringLiteral("completed"), k.completed},
            {QStringLiteral("timeouts"), k.timeouts},
            {QStringLiteral("counter"), k.counter},
            {QStringLiteral("violations"), k.violations},
            {QStringLiteral("wait_mean_ms"),
             r3(k.acquisitions ? k.waitTotalMs / static_cast<double>(k.acquisitions) : 0)},
            {QStringLiteral("wait_total_ms"), r3(k.waitTotalMs)},
            {QStringLiteral("wait_max_ms"), r3(k.waitMaxMs)}});
    }
    QJsonArray workerArray;
    for (const LoadWorkerStats &w : workers) {
        workerArray.append(QJsonObject{{QStringLiteral("pid"), w.pid},
                                       {QStringLiteral("thread"), w.thread},
                                       {QStringLiteral("acquisitions"), w.acquisitions},
                                       {QStringLiteral("last_acquired_at"), r3(w.lastAcquiredAt)},
                                       {QStringLiteral("longest_gap_s"), r3(w.longestGapS)}});
    }
    QJsonObject o{{QStringLiteral("mode"), LoadConfig::modeName(mode)},
                  {QStringLiteral("run_id"), runId},
                  {QStringLiteral("threads"), threads},
                  {QStringLiteral("processes"), processes},
                  {QStringLiteral("seconds"), r3(seconds)},
                  {QStringLiteral("acquisitions"), acquisitions},
                  {QStringLiteral("timeouts"), timeouts},
                  {QStringLiteral("takeovers"), takeovers},
                  {QStringLiteral("errors"), errors},
                  {QStringLiteral("violations"), violations},
                  {QStringLiteral("throughput_per_s"), std::round(throughputPerS() * 10) / 10},
                  {QStringLiteral("statements"), static_cast<qint64>(statements)},
                  {QStringLiteral("statements_per_acquisition"), r3(statementsPerAcquisition())},
                  {QStringLiteral("leftover_leases"), leftoverLeases},
                  {QStringLiteral("latency_ms"),
                   QJsonObject{{QStringLiteral("p50"), r3(latency.percentileMs(0.50))},
                               {QStringLiteral("p90"), r3(latency.percentileMs(0.90))},
                               {QStringLiteral("p99"), r3(latency.percentileMs(0.99))},
                               {QStringLiteral("max"), r3(latency.maxMs())}}},
                  {QStringLiteral("per_key"), keys},
                  {QStringLiteral("workers"), workerArray}};
    if (!firstError.isEmpty())
        o.insert(QStringLiteral("first_error"), firstError);
    if (mode == LoadMode::Semaphore) {
        o.insert(QStringLiteral("permits"), permits);
        o.insert(QStringLiteral("max_inside"), maxInside);
    }
    if (mode == LoadMode::Rw) {
        o.insert(QStringLiteral("overlaps"), overlaps);
        auto waits = [](const LatencyHistogram &h) {
            return QJsonObject{{QStringLiteral("count"), static_cast<qint64>(h.count())},
                               {QStringLiteral("p50"), r3(h.percentileMs(0.50))},
                               {QStringLiteral("p90"), r3(h.percentileMs(0.90))},
                               {QStringLiteral("p99"), r3(h.percentileMs(0.99))},
                               {QStringLiteral("max"), r3(h.maxMs())}};
        };
        o.insert(QStringLiteral("read_wait_ms"), waits(readWait));
        o.insert(QStringLiteral("write_wait_ms"), waits(writeWait));
    }
    if (withHistogram) {
        o.insert(QStringLiteral("histogram"), latency.toJson());
        o.insert(QStringLiteral("read_histogram"), readWait.toJson());
        o.insert(QStringLiteral("write_histogram"), writeWait.toJson());
    }
    return o;
}

LoadSummary LoadSummary::fromJson(const QJsonObject &o) {
    LoadSummary s;
    s.mode = LoadConfig::parseMode(o.value(QStringLiteral("mode")).toString()).ok()
                 ? *LoadConfig::parseMode(o.value(QStringLiteral("mode")).toString())
                 : LoadMode::Lease;
    s.runId = o.value(QStringLiteral("run_id")).toString();
    s.threads = o.value(QStringLiteral("threads")).toInt();
    s.processes = o.value(QStringLiteral("processes")).toInt();
    s.seconds = o.value(QStringLiteral("seconds")).toDouble();
    s.acquisitions = o.value(QStringLiteral("acquisitions")).toInteger();
    s.timeouts = o.value(QStringLiteral("timeouts")).toInteger();
    s.takeovers = o.value(QStringLiteral("takeovers")).toInteger();
    s.errors = o.value(QStringLiteral("errors")).toInteger();
    s.violations = o.value(QStringLiteral("violations")).toInteger();
    s.statements = static_cast<quint64>(o.value(QStringLiteral("statements")).toInteger());
    s.firstError = o.value(QStringLiteral("first_error")).toString();
    s.latency = LatencyHistogram::fromJson(o.value(QStringLiteral("histogram")).toObject());
    s.readWait = LatencyHistogram::fromJson(o.value(QStringLiteral("read_histogram")).toObject());
    s.writeWait = LatencyHistogram::fromJson(o.value(QStringLiteral("write_histogram")).toObject());
    for (const auto &v : o.value(QStringLiteral("per_key")).toArray()) {
        const QJsonObject k = v.toObject();
        LoadKeyStats stats;
        stats.key = k.value(QStringLiteral("key")).toString();
        stats.acquisitions = k.value(QStringLiteral("acquisitions")).toInteger();
        stats.completed = k.value(QStringLiteral("completed")).toInteger();
        stats.timeouts = k.value(QStringLiteral("timeouts")).toInteger();
        stats.waitTotalMs = k.value(QStringLiteral("wait_total_ms")).toDouble();
        stats.waitMaxMs = k.value(QStringLiteral("wait_max_ms")).toDouble();
        s.perKey.append(stats);
    }
    for (const auto &v : o.value(QStringLiteral("workers")).toArray()) {
        const QJsonObject w = v.toObject();
        LoadWorkerStats stats;
        stats.pid = w.value(QStringLiteral("pid")).toInteger();
        stats.thread = w.value(QStringLiteral("thread")).toInt();
        stats.acquisitions = w.value(QStringLiteral("acquisitions")).toInteger();
        stats.lastAcquiredAt = w.value(QStringLiteral("last_acquired_at")).toDouble();
        stats.longestGapS = w.value(QStringLiteral("longest_gap_s")).toDouble();
        s.workers.append(stats);
    }
    return s;
}

} // namespace lockscope
