#include "commands.h"
#include "serverlocksoutput.h"

#include "base/duration.h"

#include <optional>

namespace lockctl {

using namespace lockscope;

namespace {

// The monitoring-plugin convention (Nagios, Icinga, Zabbix, Sensu): one line,
// "SERVICE STATE - text | perfdata", and the state as the exit code. These are
// check's own exit codes, not lockctl's.
enum PluginState : int { Ok = 0, Warning = 1, Critical = 2, Unknown = 3 };

const char *stateName(int state) {
    switch (state) {
    case Ok:
        return "OK";
    case Warning:
        return "WARNING";
    case Critical:
        return "CRITICAL";
    default:
        return "UNKNOWN";
    }
}

int unknown(Context &ctx, const QString &message) {
    ctx.out << "LOCKS UNKNOWN - " << message << Qt::endl;
    return Unknown;
}

struct Thresholds {
    std::optional<double> warnWait, critWait; // seconds
    std::optional<int> warnBlocked, critBlocked;
};

// Reads the four options; on bad input the sentence, and false.
bool readThresholds(const QCommandLineParser &p, Thresholds *t, QString *error) {
    for (const auto &[name, slot] : {std::pair{QStringLiteral("warn-wait"), &t->warnWait},
                                     std::pair{QStringLiteral("crit-wait"), &t->critWait}}) {
        if (!p.isSet(name))
            continue;
        const auto d = Duration::parse(p.value(name), QStringLiteral("--") + name);
        if (!d.ok()) {
            *error = d.error().message;
            return false;
        }
        *slot = static_cast<double>(d->count()) / 1000.0;
    }
    for (const auto &[name, slot] : {std::pair{QStringLiteral("warn-blocked"), &t->warnBlocked},
                                     std::pair{QStringLiteral("crit-blocked"), &t->critBlocked}}) {
        if (!p.isSet(name))
            continue;
        bool ok = false;
        const int n = p.value(name).toInt(&ok);
        if (!ok || n < 0) {
            *error = QStringLiteral("--%1 takes a number of sessions, a whole number of 0 or "
                                    "more, not '%2'")
                         .arg(name, p.value(name));
            return false;
        }
        *slot = n;
    }
    if (t->warnWait && t->critWait && *t->critWait < *t->warnWait) {
        *error = QStringLiteral("--crit-wait must be at least --warn-wait");
        return false;
    }
    if (t->warnBlocked && t->critBlocked && *t->critBlocked < *t->warnBlocked) {
        *error = QStringLiteral("--crit-blocked must be at least --warn-blocked");
        return false;
    }
    return true;
}

QString threshold(const std::optional<double> &v) {
    return v ? QString::number(*v, 'f', 3) : QString();
}

QString threshold(const std::optional<int> &v) {
    return v ? QString::number(*v) : QString();
}

} // namespace

int runCheck(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(QStringLiteral(
        "A monitoring plugin: one status line with performance data; exit 0 OK, 1 WARNING, "
        "2 CRITICAL, 3 UNKNOWN (also for bad options and an unreachable server). A threshold "
        "is crossed when the value is greater than it."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption warnWait(QStringLiteral("warn-wait"),
                                      QStringLiteral("WARNING when a lock wait is longer than D."),
                                      QStringLiteral("D"));
    const QCommandLineOption critWait(QStringLiteral("crit-wait"),
                                      QStringLiteral("CRITICAL when a lock wait is longer than D."),
                                      QStringLiteral("D"));
    const QCommandLineOption warnBlocked(
        QStringLiteral("warn-blocked"),
        QStringLiteral("WARNING when one session blocks more than N others (directly or not)."),
        QStringLiteral("N"));
    const QCommandLineOption critBlocked(
        QStringLiteral("crit-blocked"),
        QStringLiteral("CRITICAL when one session blocks more than N others."),
        QStringLiteral("N"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("Only sessions connected to database NAME count (their blockers count "
                       "wherever they are)."),
        QStringLiteral("NAME"));
    parser.addOptions({help, warnWait, critWait, warnBlocked, critBlocked, database});
    if (!parser.parse(QStringList{QStringLiteral("lockctl check")} + args))
        return unknown(ctx, parser.errorText() + QStringLiteral(" (see `lockctl check --help`)"));
    if (parser.isSet(help)) {
        ctx.out << "Usage: lockctl [--db URL] check [--warn-wait D] [--crit-wait D] "
                   "[--warn-blocked N] [--crit-blocked N] [--database NAME]\n"
                << parser.helpText().section(QLatin1Char('\n'), 1) << Qt::flush;
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty())
        return unknown(ctx,
                       QStringLiteral("check takes no arguments (see `lockctl check --help`)"));
    Thresholds t;
    QString error;
    if (!readThresholds(parser, &t, &error))
        return unknown(ctx, error);
    int code = ExitOk;
    if (parser.isSet(database) && parser.value(database).isEmpty())
        return unknown(ctx, QStringLiteral("--database needs a database name"));
    auto snap = ServerLocksOutput::take(ctx, &error, &code);
    if (!snap)
        return unknown(ctx, error);
    if (parser.isSet(database))
        snap = ServerLocksOutput::onlyDatabase(*snap, parser.value(database));

    const QList<BlockerNode> roots = BlockingTree::build(*snap);
    double longestWait = 0;
    int longestPid = 0;
    int waitingSessions = 0;
    for (const ServerSession &s : snap->sessions) {
        waitingSessions += s.waitingCount > 0 || !s.blockedBy.isEmpty() ? 1 : 0;
        if (s.waitingCount > 0 && s.longestWait > longestWait) {
            longestWait = s.longestWait;
            longestPid = s.pid;
        }
    }
    int maxBlocked = 0;
    int maxBlocker = 0;
    for (const BlockerNode &root : roots) { // a root blocks at least what any node below it does
        if (root.blockedTotal > maxBlocked) {
            maxBlocked = root.blockedTotal;
            maxBlocker = root.pid;
        }
    }
    int state = Ok;
    const auto raise = [&](int to) {
        state = std::max(state, to);
    };
    if (t.critWait && longestWait > *t.critWait)
        raise(Critical);
    else if (t.warnWait && longestWait > *t.warnWait)
        raise(Warning);
    if (t.critBlocked && maxBlocked > *t.critBlocked)
        raise(Critical);
    else if (t.warnBlocked && maxBlocked > *t.warnBlocked)
        raise(Warning);

    ctx.out << "LOCKS " << stateName(state) << " - " << waitingSessions << " session"
            << (waitingSessions == 1 ? "" : "s") << " waiting";
    if (longestPid > 0)
        ctx.out << ", longest wait " << QString::number(longestWait, 'f', 1) << "s (pid "
                << longestPid << ")";
    if (maxBlocker > 0 || maxBlocked > 0) {
        const ServerSession *s = snap->session(maxBlocker);
        ctx.out << ", pid " << maxBlocker << " blocks " << maxBlocked << " session"
                << (maxBlocked == 1 ? "" : "s");
        if (s && s->idleInTransaction())
            ctx.out << " (idle in transaction)";
    }
    if (!snap->hasWaitStart && longestPid > 0)
        ctx.out << " (waits measured from statement start: server older than PostgreSQL 14)";
    // Performance data: 'label'=value[UOM];warn;crit;min;max, always with a '.'.
    ctx.out << " | waiting_sessions=" << waitingSessions << ";;;0"
            << " longest_wait=" << QString::number(longestWait, 'f', 3) << "s;"
            << threshold(t.warnWait) << ';' << threshold(t.critWait) << ";0"
            << " max_blocked=" << maxBlocked << ';' << threshold(t.warnBlocked) << ';'
            << threshold(t.critBlocked) << ";0"
            << " locks=" << snap->locks.size() << ";;;0" << Qt::endl;
    return state;
}

} // namespace lockctl
