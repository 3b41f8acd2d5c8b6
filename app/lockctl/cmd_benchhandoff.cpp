#include "commands.h"

#include "bench/handoffbenchmark.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include <memory>
#include <vector>

namespace lockctl {

using namespace lockscope;

namespace {

QJsonObject toJson(const LatencySummary &s) {
    auto r = [](double v) {
        return std::round(v * 1000.0) / 1000.0;
    };
    return QJsonObject{{QStringLiteral("count"), s.count},
                       {QStringLiteral("p50"), r(s.p50Ms)},
                       {QStringLiteral("p90"), r(s.p90Ms)},
                       {QStringLiteral("p99"), r(s.p99Ms)},
                       {QStringLiteral("max"), r(s.maxMs)}};
}

struct Options {
    HandoffConfig config;
    int processes = 0;
    int holderId = -1;
    bool json = false;
};

int parse(Context &ctx, const QStringList &args, const QString &name, Options *o) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Hand-off latency: release committed -> the next holder returns from lock(). Two "
        "threads of one process, or --processes P separate lockctl processes."));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QStringLiteral("Acquisitions per holder (default 200)."),
                                    QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption hold(
        QStringLiteral("hold"),
        QStringLiteral("Hold time per acquisition (default 2ms; with --processes "
                       "two retry intervals)."),
        QStringLiteral("DURATION"));
    const QCommandLineOption processes(QStringLiteral("processes"),
                                       QStringLiteral("Separate holder processes (default: two "
                                                      "threads of this process)."),
                                       QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption noNotify(QStringLiteral("no-notify"),
                                      QStringLiteral("Wake database waiters by polling only."));
    const QCommandLineOption retry(QStringLiteral("retry"),
                                   QStringLiteral("Retry (polling) interval (default 50ms)."),
                                   QStringLiteral("DURATION"));
    const QCommandLineOption pause(QStringLiteral("pause"),
                                   QStringLiteral("Processes: pause after each release (default "
                                                  "hold + 1.5 x retry; 0 = steady stream)."),
                                   QStringLiteral("DURATION"));
    const QCommandLineOption id(QStringLiteral("id"), QStringLiteral("Holder id (internal)."),
                                QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({rounds, hold, processes, noNotify, retry, pause, id, json});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, name, args, &code))
        return code;
    bool ok = false;
    o->config.rounds = parser.value(rounds).toInt(&ok);
    if (!ok || o->config.rounds < 1 || o->config.rounds > 1'000'000)
        return ctx.usage(QStringLiteral("--rounds must be a whole number from 1 to 1000000"));
    o->processes = parser.value(processes).toInt(&ok);
    if (!ok || o->processes < 0 || o->processes > 64)
        return ctx.usage(QStringLiteral("--processes must be a whole number from 0 to 64"));
    code = -1;
    if (const auto d = durationOption(ctx, parser, QStringLiteral("retry"), &code))
        o->config.retryInterval = std::max(*d, std::chrono::milliseconds(1));
    if (code >= 0)
        return code;
    // Processes hold for two retry intervals by default, so that a waiter is
    // always waiting when a release commits -- with or without notifications.
    if (o->processes > 0)
        o->config.hold = o->config.retryInterval * 2;
    if (const auto d = durationOption(ctx, parser, QStringLiteral("hold"), &code))
        o->config.hold = *d;
    if (code >= 0)
        return code;
    if (const auto d = durationOption(ctx, parser, QStringLiteral("pause"), &code))
        o->config.pause = *d;
    if (code >= 0)
        return code;
    o->config.releaseNotifications = !parser.isSet(noNotify);
    o->holderId = parser.isSet(id) ? parser.value(id).toInt() : -1;
    o->json = parser.isSet(json);
    return -1;
}

int runProcesses(Context &ctx, const ConnectionParams &params, const Options &o) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!params.password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), params.password); // never argv
    std::vector<std::unique_ptr<QProcess>> children;
    for (int i = 0; i < o.processes; ++i) {
        auto child = std::make_unique<QProcess>();
        child->setProcessEnvironment(env);
        auto ms = [](std::chrono::milliseconds d) {
            return QStringLiteral("%1ms").arg(d.count());
        };
        QStringList argv{QStringLiteral("--db"),     params.displayUrl(),
                         QStringLiteral("bench"),    QStringLiteral("handoff-holder"),
                         QStringLiteral("--id"),     QString::number(i),
                         QStringLiteral("--rounds"), QString::number(o.config.rounds),
                         QStringLiteral("--hold"),   ms(o.config.hold),
                         QStringLiteral("--retry"),  ms(o.config.retryInterval)};
        if (o.config.pause)
            argv << QStringLiteral("--pause") << ms(*o.config.pause);
        if (!o.config.releaseNotifications)
            argv << QStringLiteral("--no-notify");
        child->start(QCoreApplication::applicationFilePath(), argv);
        children.push_back(std::move(child));
    }
    QList<HolderEvent> events;
    QList<double> waits;
    for (auto &child : children) {
        child->waitForFinished(-1);
        if (child->exitStatus() != QProcess::NormalExit || child->exitCode() != 0) {
            ctx.err << "lockctl: a holder process failed: "
                    << QString::fromUtf8(child->readAllStandardError()).trimmed() << Qt::endl;
            return ExitError;
        }
        const QJsonObject o2 = QJsonDocument::fromJson(child->readAllStandardOutput()).object();
        for (const auto &v : o2.value(QStringLiteral("events")).toArray()) {
            const QJsonArray e = v.toArray();
            events.append(HolderEvent{
                static_cast<qint64>(e.at(0).toDouble()), static_cast<qint64>(e.at(1).toDouble()),
                static_cast<qint64>(e.at(2).toDouble()), o2.value(QStringLiteral("id")).toInt()});
            waits << (e.at(1).toDouble() - e.at(0).toDouble()) / 1000.0;
        }
    }
    const LatencySummary handoff = HandoffBenchmark::crossProcessHandoffs(events);
    const LatencySummary wait = LatencySummary::of(waits);
    if (o.json) {
        QJsonObject out{
            {QStringLiteral("mode"), QStringLiteral("processes")},
            {QStringLiteral("processes"), o.processes},
            {QStringLiteral("notifications"), o.config.releaseNotifications},
            {QStringLiteral("retry_ms"), static_cast<qint64>(o.config.retryInterval.count())},
            {QStringLiteral("acquisitions"), events.size()},
            {QStringLiteral("handoff_ms"), toJson(handoff)},
            {QStringLiteral("wait_ms"), toJson(wait)}};
        ctx.out << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        ctx.out << o.processes << " processes, notifications "
                << (o.config.releaseNotifications ? "on" : "off") << ": " << handoff.count
                << " cross-process hand-offs, p50 " << handoff.p50Ms << " ms, p99 " << handoff.p99Ms
                << " ms, max " << handoff.maxMs << " ms; wait p50 " << wait.p50Ms << " ms, max "
                << wait.maxMs << " ms" << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runBenchHandoff(Context &ctx, const QStringList &args) {
    Options o;
    if (const int code = parse(ctx, args, QStringLiteral("bench handoff"), &o); code >= 0)
        return code;
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;
    if (o.processes > 0)
        return runProcesses(ctx, *params, o);
    auto result = HandoffBenchmark::runThreads(*params, o.config);
    if (!result.ok())
        return ctx.fail(result.error());
    const HandoffResult &r = result.value();
    if (o.json) {
        QJsonObject out{{QStringLiteral("mode"), QStringLiteral("threads")},
                        {QStringLiteral("gate"), o.config.inProcessGate},
                        {QStringLiteral("acquisitions"), r.acquisitions},
                        {QStringLiteral("statements"), static_cast<qint64>(r.statements)},
                        {QStringLiteral("handoff_ms"), toJson(r.handoff)},
                        {QStringLiteral("round_trip_ms"), toJson(r.roundTrip)}};
        ctx.out << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        ctx.out << "2 threads: " << r.handoff.count << " hand-offs, p50 " << r.handoff.p50Ms
                << " ms, p99 " << r.handoff.p99Ms << " ms; acquire round trip p50 "
                << r.roundTrip.p50Ms << " ms" << Qt::endl;
    }
    return ExitOk;
}

int runBenchHandoffHolder(Context &ctx, const QStringList &args) {
    Options o;
    if (const int code = parse(ctx, args, QStringLiteral("bench handoff-holder"), &o); code >= 0)
        return code;
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;
    auto events = HandoffBenchmark::runHolder(*params, o.config, o.holderId, nullptr);
    if (!events.ok())
        return ctx.fail(events.error());
    QJsonArray list;
    for (const HolderEvent &e : std::as_const(events.value()))
        list.append(QJsonArray{static_cast<double>(e.askedUs), static_cast<double>(e.acquiredUs),
                               static_cast<double>(e.releasedUs)});
    ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("id"), o.holderId},
                                         {QStringLiteral("events"), list}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
    return ExitOk;
}

} // namespace lockctl
