#include "commands.h"

#include "bench/cyclebenchmark.h"
#include "db/database.h"
#include "lease/leasesql.h"
#include "signalwaiter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace lockctl {

using namespace lockscope;

namespace {

double rounded(double v) {
    return std::round(v * 1000.0) / 1000.0;
}

int runCycle(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Acquire + release cycles on distinct keys per client, as fast as the database allows."));
    const QCommandLineOption clients(QStringLiteral("clients"),
                                     QStringLiteral("Concurrent clients (threads; default 1)."),
                                     QStringLiteral("C"), QStringLiteral("1"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("How long to run (default 10s)."),
                                      QStringLiteral("DURATION"));
    const QCommandLineOption noGate(QStringLiteral("no-gate"),
                                    QStringLiteral("Switch the in-process gate off."));
    const QCommandLineOption hot(QStringLiteral("hot"),
                                 QStringLiteral("All clients wait for one key (lock(), not "
                                                "tryLock()): same-process contention."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({clients, duration, noGate, hot, json});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("bench cycle"), args, &code))
        return code;
    bool ok = false;
    CycleBenchmarkConfig config;
    config.clients = parser.value(clients).toInt(&ok);
    if (!ok || config.clients < 1 || config.clients > 256)
        return ctx.usage(QStringLiteral("--clients must be a whole number from 1 to 256, not '%1'")
                             .arg(parser.value(clients)));
    code = -1;
    if (const auto d = durationOption(ctx, parser, QStringLiteral("duration"), &code))
        config.duration = *d;
    if (code >= 0)
        return code;
    config.inProcessGate = !parser.isSet(noGate);
    config.hotKey = parser.isSet(hot);
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;

    SignalWaiter signals;
    auto result = CycleBenchmark::run(*params, config, &signals.token());
    if (!result.ok())
        return ctx.fail(result.error());
    const CycleBenchmarkResult &r = result.value();
    if (parser.isSet(json)) {
        QJsonObject latency{{QStringLiteral("p50"), rounded(r.p50Ms)},
                            {QStringLiteral("p90"), rounded(r.p90Ms)},
                            {QStringLiteral("p99"), rounded(r.p99Ms)},
                            {QStringLiteral("max"), rounded(r.maxMs)}};
        QJsonObject o{{QStringLiteral("clients"), r.clients},
                      {QStringLiteral("cycles"), r.cycles},
                      {QStringLiteral("errors"), r.errors},
                      {QStringLiteral("seconds"), rounded(r.seconds)},
                      {QStringLiteral("cycles_per_s"), std::round(r.cyclesPerSecond * 10) / 10},
                      {QStringLiteral("statements"), static_cast<qint64>(r.statements)},
                      {QStringLiteral("statements_per_cycle"), rounded(r.statementsPerCycle)},
                      {QStringLiteral("hot_key"), config.hotKey},
                      {QStringLiteral("gate"), config.inProcessGate},
                      {QStringLiteral("latency_ms"), latency}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        ctx.out << r.clients << " client" << (r.clients == 1 ? "" : "s") << ": " << r.cycles
                << " cycles in " << QString::number(r.seconds, 'f', 2)
                << " s = " << QString::number(r.cyclesPerSecond, 'f', 1)
                << " cycles/s; latency p50 " << QString::number(r.p50Ms, 'f', 3) << " ms, p99 "
                << QString::number(r.p99Ms, 'f', 3) << " ms, max "
                << QString::number(r.maxMs, 'f', 3) << " ms; " << r.errors << " errors" << Qt::endl;
    }
    return r.errors == 0 ? ExitOk : ExitError;
}

} // namespace

int runBench(Context &ctx, const QStringList &args) {
    const QString sub = args.value(0);
    if (sub == QLatin1String("cycle"))
        return runCycle(ctx, args.mid(1));
    if (sub == QLatin1String("handoff"))
        return runBenchHandoff(ctx, args.mid(1));
    if (sub == QLatin1String("handoff-holder"))
        return runBenchHandoffHolder(ctx, args.mid(1));
    if (sub == QLatin1String("pgbench-script")) {
        // The statements the lease manager sends to this database: with fencing
        // (migration 0004) the acquire also bumps the key's fence; with the
        // release waiters (0007) the release notifies only registered waiters.
        LeaseSql::Schema schema;
        if (!ctx.dbUrl.isEmpty()) {
            const auto params = ctx.params();
            if (!params)
                return ExitUsage;
            ScopedConnection conn(*params, QStringLiteral("bench"));
            if (!conn.ok())
                return ctx.fail(conn.error());
            const auto found = LeaseSql::lookUpSchema(conn.db(), *params);
            if (!found.ok())
                return ctx.fail(found.error());
            schema = found.value();
        }
        ctx.out << CycleBenchmark::pgbenchScript(schema) << Qt::flush;
        return ExitOk;
    }
    return ctx.usage(sub.isEmpty()
                         ? QStringLiteral("bench needs a benchmark: cycle, handoff, pgbench-script")
                         : QStringLiteral("unknown benchmark '%1' (try cycle)").arg(sub));
}

} // namespace lockctl
