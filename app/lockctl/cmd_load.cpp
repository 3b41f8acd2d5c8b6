#include "commands.h"

#include "base/duration.h"
#include "load/loadchildren.h"
#include "load/loadrunner.h"
#include "signalwaiter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <unistd.h>

namespace lockctl {

using namespace lockscope;
using std::chrono::milliseconds;

namespace {

struct LoadOptions {
    LoadConfig config;
    bool json = false;
    bool child = false;
};

int parseLoad(Context &ctx, const QStringList &args, LoadOptions *o) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generate contention: threads (and child processes) fight over keys, each doing a "
        "read-pause-write critical section on a work table; lost updates are counted as "
        "violations. Exit 0 when a locking mode had none."));
    auto opt = [&](const char *name, const char *help, const char *value = nullptr,
                   const char *def = nullptr) {
        QCommandLineOption option(QString::fromLatin1(name), QString::fromLatin1(help),
                                  value ? QString::fromLatin1(value) : QString(),
                                  def ? QString::fromLatin1(def) : QString());
        parser.addOption(option);
        return option;
    };
    const auto mode =
        opt("mode",
            "lease, advisory (PostgreSQL), none (the control), semaphore (with --permits) or rw "
            "(with --readers and --writers).",
            "MODE", "lease");
    const auto permits = opt("permits", "semaphore: permits per key (default 3).", "N", "3");
    const auto readers = opt("readers", "rw: reader threads per process.", "R");
    const auto writers = opt("writers", "rw: writer threads per process.", "W");
    const auto counting =
        opt("admit-by-counting", "semaphore, THE CONTROL: admit by counting the holders, then "
                                 "inserting (over-admits; the run reports it, exit 0).");
    const auto noLock =
        opt("no-lock", "rw, THE CONTROL: readers and writers enter without any lock (writers "
                       "overlap; the run reports it, exit 0).");
    const auto scope = opt("scope", "Advisory scope: session or xact.", "SCOPE", "session");
    const auto threads = opt("threads", "Worker threads per process (default 4).", "T", "4");
    const auto processes =
        opt("processes", "Child processes besides this one (default 0).", "P", "0");
    const auto keys = opt("keys", "Keys to contend for (default 3).", "K", "3");
    const auto skew = opt("skew", "Zipf skew (0 = uniform, default).", "S", "0");
    const auto hold = opt("hold", "Hold time per critical section (default 2ms).", "DURATION");
    const auto holdRange = opt("hold-range", "Random hold time in LOW:HIGH.", "D1:D2");
    const auto ttl = opt("ttl", "Lease TTL (default 30s).", "DURATION");
    const auto wait = opt("wait", "Max wait per acquisition (default 10s).", "DURATION");
    const auto duration = opt("duration", "Run this long (default 10s).", "DURATION");
    const auto count =
        opt("count", "Stop after N acquisitions in all (instead of --duration).", "N");
    const auto json = opt("json", "Print one JSON object.");
    const auto child = opt("child", "Internal: run as a child of another lockctl load.");
    const auto runId = opt("run-id", "Internal: the run to join.", "ID");
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("load"), args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("load takes no arguments"));
    LoadConfig &c = o->config;
    auto m = LoadConfig::parseMode(parser.value(mode));
    if (!m.ok())
        return ctx.fail(m.error());
    c.mode = m.value();
    if (parser.value(scope) == QLatin1String("xact"))
        c.advisoryScope = AdvisoryScope::Transaction;
    else if (parser.value(scope) != QLatin1String("session"))
        return ctx.usage(QStringLiteral("--scope must be session or xact"));
    auto integer = [&](const QCommandLineOption &option, int *out) {
        bool ok = false;
        *out = parser.value(option).toInt(&ok);
        return ok;
    };
    if (!integer(threads, &c.threads) || !integer(processes, &c.processes) ||
        !integer(keys, &c.keys))
        return ctx.usage(QStringLiteral("--threads, --processes and --keys take whole numbers"));
    if (!integer(permits, &c.permits))
        return ctx.usage(QStringLiteral("--permits takes a whole number from 1 to 1000"));
    if (parser.isSet(counting) && c.mode != LoadMode::Semaphore)
        return ctx.usage(QStringLiteral("--admit-by-counting is the control of --mode semaphore"));
    c.admitByCounting = parser.isSet(counting);
    if (parser.isSet(noLock) && c.mode != LoadMode::Rw)
        return ctx.usage(QStringLiteral("--no-lock is the control of --mode rw"));
    c.noLock = parser.isSet(noLock);
    if ((parser.isSet(readers) || parser.isSet(writers)) && c.mode != LoadMode::Rw)
        return ctx.usage(QStringLiteral("--readers and --writers go with --mode rw"));
    if (c.mode == LoadMode::Rw) {
        int r = 0;
        int w = 0;
        if (!parser.isSet(readers) || !parser.isSet(writers) || !integer(readers, &r) ||
            !integer(writers, &w) || r < 0 || w < 0 || r + w < 1)
            return ctx.usage(QStringLiteral("--mode rw needs --readers R and --writers W (whole "
                                            "numbers, at least one thread)"));
        if (parser.isSet(threads) && c.threads != r + w)
            return ctx.usage(
                QStringLiteral("--threads must be --readers + --writers in --mode rw"));
        c.threads = r + w;
        c.readers = r;
    }
    bool ok = false;
    c.skew = parser.value(skew).toDouble(&ok);
    if (!ok)
        return ctx.usage(QStringLiteral("--skew takes a number such as 0.99"));
    code = -1;
    if (parser.isSet(hold) && parser.isSet(holdRange))
        return ctx.usage(QStringLiteral("give --hold or --hold-range, not both"));
    if (const auto d = durationOption(ctx, parser, QStringLiteral("hold"), &code))
        c.holdMin = c.holdMax = *d;
    if (code >= 0)
        return code;
    if (parser.isSet(holdRange)) {
        const QStringList parts = parser.value(holdRange).split(QLatin1Char(':'));
        auto low = Duration::parse(parts.value(0), QStringLiteral("--hold-range"));
        auto high = Duration::parse(parts.value(1), QStringLiteral("--hold-range"));
        if (parts.size() != 2 || !low.ok() || !high.ok())
            return ctx.usage(QStringLiteral("--hold-range must be LOW:HIGH, such as 1ms:20ms"));
        c.holdMin = low.value();
        c.holdMax = high.value();
    }
    if (const auto d = durationOption(ctx, parser, QStringLiteral("ttl"), &code))
        c.ttl = *d;
    if (code >= 0)
        return code;
    if (const auto d = durationOption(ctx, parser, QStringLiteral("wait"), &code))
        c.maxWait = *d;
    if (code >= 0)
        return code;
    if (parser.isSet(duration) && parser.isSet(count))
        return ctx.usage(QStringLiteral("give --duration or --count, not both"));
    if (const auto d = durationOption(ctx, parser, QStringLiteral("duration"), &code))
        c.duration = *d;
    if (code >= 0)
        return code;
    if (parser.isSet(count)) {
        const qint64 n = parser.value(count).toLongLong(&ok);
        if (!ok || n < 1)
            return ctx.usage(QStringLiteral("--count takes a whole number of at least 1"));
        c.count = n;
        c.duration.reset();
    }
    o->json = parser.isSet(json);
    o->child = parser.isSet(child);
    c.runId = parser.isSet(runId) ? parser.value(runId) : LoadConfig::newRunId();
    return -1;
}

void printText(Context &ctx, const LoadSummary &s) {
    ctx.out << "mode " << LoadConfig::modeName(s.mode) << ", " << s.processes << " process"
            << (s.processes == 1 ? "" : "es") << " x " << s.threads << " threads, "
            << QString::number(s.seconds, 'f', 1) << " s\n"
            << "  acquisitions " << s.acquisitions << " ("
            << QString::number(s.throughputPerS(), 'f', 1) << "/s), timeouts " << s.timeouts
            << ", takeovers " << s.takeovers << ", errors " << s.errors << "\n"
            << "  acquire latency p50 " << s.latency.percentileMs(0.5) << " ms, p90 "
            << s.latency.percentileMs(0.9) << " ms, p99 " << s.latency.percentileMs(0.99)
            << " ms, max " << s.latency.maxMs() << " ms\n"
            << "  statements per acquisition "
            << QString::number(s.statementsPerAcquisition(), 'f', 2) << ", leases left behind "
            << s.leftoverLeases << "\n"
            << "  VIOLATIONS (lost updates) " << s.violations << "\n";
    if (s.mode == LoadMode::Semaphore)
        ctx.out << "  most holders inside at once " << s.maxInside << " of " << s.permits
                << " permits\n";
    if (s.mode == LoadMode::Rw)
        ctx.out << "  overlaps of a writer with another holder " << s.overlaps << "\n"
                << "  reader wait p50 " << s.readWait.percentileMs(0.5) << " ms, p99 "
                << s.readWait.percentileMs(0.99) << " ms, max " << s.readWait.maxMs() << " ms\n"
                << "  writer wait p50 " << s.writeWait.percentileMs(0.5) << " ms, p99 "
                << s.writeWait.percentileMs(0.99) << " ms, max " << s.writeWait.maxMs() << " ms\n";
    for (const LoadKeyStats &k : s.perKey)
        ctx.out << "    " << k.key << ": " << k.acquisitions << " acquired, " << k.completed
                << " sections, counter " << k.counter << ", violations " << k.violations
                << ", wait mean "
                << QString::number(k.acquisitions ? k.waitTotalMs / k.acquisitions : 0, 'f', 2)
                << " ms\n";
    if (!s.firstError.isEmpty())
        ctx.out << "  first error: " << s.firstError << "\n";
    ctx.out << Qt::flush;
}

} // namespace

int runLoad(Context &ctx, const QStringList &args) {
    LoadOptions o;
    if (const int code = parseLoad(ctx, args, &o); code >= 0)
        return code;
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;
    LoadConfig &config = o.config;
    if (auto valid = config.validate(params->isPostgres(), params->isRedis()); !valid.ok())
        return ctx.fail(valid.error());
    SignalWaiter signals;

    if (o.child) {
        auto summary = LoadRunner::run(*params, config, &signals.token());
        if (!summary.ok())
            return ctx.fail(summary.error());
        ctx.out << QJsonDocument(summary->toJson(true)).toJson(QJsonDocument::Compact) << Qt::endl;
        return ExitOk;
    }

    if (auto prepared = LoadRunner::prepare(*params, config, &signals.token()); !prepared.ok())
        return ctx.fail(prepared.error());

    // Children first, so that every process runs at the same time. A --count is
    // shared out between the processes.
    const int processes = config.processes;
    const qint64 share = config.count ? std::max<qint64>(1, *config.count / (processes + 1)) : 0;
    LoadChildren children(QCoreApplication::applicationFilePath(), *params, config);
    children.start(share);
    LoadConfig own = config;
    if (own.count)
        own.count = *config.count - share * processes;
    const bool progress = isatty(STDERR_FILENO) && !o.json;
    auto summary = LoadRunner::run(*params, own, &signals.token(), [&](const LoadSample &s) {
        if (progress)
            ctx.err
                << QStringLiteral("\r[%1 s] %2 acquired, %3/s, p50 %4 ms, p99 %5 ms, %6 "
                                  "timeouts%7   ")
                       .arg(s.elapsedS, 0, 'f', 1)
                       .arg(s.acquisitions)
                       .arg(s.throughputPerS, 0, 'f', 0)
                       .arg(s.p50Ms, 0, 'f', 2)
                       .arg(s.p99Ms, 0, 'f', 2)
                       .arg(s.timeouts)
                       .arg(processes
                                ? QStringLiteral(" (this process; %1 more running)").arg(processes)
                                : QString())
                << Qt::flush;
    });
    if (progress)
        ctx.err << '\n' << Qt::flush;
    // A stop (SIGINT/SIGTERM) reaches the children as SIGTERM; one that does not
    // end within a second is killed.
    if (signals.token().isCancelled())
        children.stop();
    QString childError;
    LoadSummary merged = summary.ok() ? summary.value() : LoadSummary();
    const int failedChildren = children.collect(merged, &childError);
    if (summary.ok())
        summary = merged;
    if (!summary.ok())
        return ctx.fail(summary.error());
    summary->processes = processes + 1 - failedChildren;
    if (auto finished = LoadRunner::finish(*params, summary.value(), &signals.token());
        !finished.ok())
        return ctx.fail(finished.error());
    if (o.json)
        ctx.out << QJsonDocument(summary->toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
    else
        printText(ctx, summary.value());
    if (failedChildren > 0) {
        ctx.err << "lockctl: " << failedChildren << " child process"
                << (failedChildren == 1 ? "" : "es") << " failed: " << childError << Qt::endl;
        return ExitError;
    }
    if (summary->leftoverLeases > 0) {
        ctx.err << "lockctl: " << summary->leftoverLeases
                << " lease(s) of this run were left behind." << Qt::endl;
        return ExitError;
    }
    if (config.mode != LoadMode::None && !config.admitByCounting && !config.noLock &&
        summary->violations != 0) {
        ctx.err << "lockctl: " << summary->violations
                << " violations (lost updates) under a lock: mutual exclusion failed." << Qt::endl;
        return ExitError;
    }
    if (signals.token().isCancelled())
        return 128 + signals.signalNumber();
    return ExitOk;
}

} // namespace lockctl
