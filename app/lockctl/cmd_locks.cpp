#include "commands.h"
#include "serverlocksoutput.h"

#include "base/visibletext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lockctl {

using namespace lockscope;

namespace {

// A lock without a database of its own (a transaction id, a virtual xid)
// belongs to its session's database.
bool inDatabase(const ServerLock &lock, const ServerLockSnapshot &snap, const QString &name) {
    if (!lock.database.isEmpty())
        return lock.database == name;
    const ServerSession *s = snap.session(lock.pid);
    return s && s->database == name;
}

void printTable(Context &ctx, const QList<ServerLock> &locks, const ServerLockSnapshot &snap) {
    ctx.out << QStringLiteral("PID").leftJustified(8)
            << QStringLiteral("LOCKTYPE").leftJustified(14)
            << QStringLiteral("MODE").leftJustified(25) << QStringLiteral("STATE").leftJustified(8)
            << QStringLiteral("WAIT").rightJustified(8) << "  "
            << QStringLiteral("BLOCKED BY").leftJustified(12) << "TARGET\n";
    int waiting = 0;
    int estimated = 0;
    QSet<int> sessions;
    for (const ServerLock &lock : locks) {
        sessions.insert(lock.pid);
        QStringList blockers;
        for (int pid : lock.blockedBy)
            blockers << QString::number(pid);
        if (!lock.granted) {
            ++waiting;
            estimated += lock.waitEstimated ? 1 : 0;
        }
        QString wait;
        if (!lock.granted)
            wait = ServerLocksOutput::shortDuration(lock.waitSeconds) +
                   (lock.waitEstimated ? QStringLiteral("*") : QString());
        ctx.out
            << QString::number(lock.pid).leftJustified(8) << lock.locktype.leftJustified(14)
            << lock.mode.leftJustified(25)
            << (lock.granted ? QStringLiteral("held") : QStringLiteral("WAITING")).leftJustified(8)
            << wait.rightJustified(8) << "  " << blockers.join(QLatin1Char(',')).leftJustified(12)
            << VisibleText::forTerminal(lock.target()) << '\n'; // names are anyone's
    }
    ctx.out << locks.size() << " lock" << (locks.size() == 1 ? "" : "s") << " of "
            << sessions.size() << " session" << (sessions.size() == 1 ? "" : "s") << ": "
            << locks.size() - waiting << " held, " << waiting << " waiting." << Qt::endl;
    if (estimated > 0)
        ctx.out << "* PostgreSQL " << snap.serverVersion / 10000
                << " does not record when a wait began (pg_locks.waitstart is 14+): the wait "
                   "shown is the time since the waiting statement started."
                << Qt::endl;
}

} // namespace

int runLocks(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Every lock on the PostgreSQL server (all of pg_locks: tables, rows, transactions, "
        "objects, advisory keys), held and awaited, with who blocks whom."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON array."));
    const QCommandLineOption waiting(QStringLiteral("waiting"),
                                     QStringLiteral("Only the locks being waited for."));
    const QCommandLineOption minWait(
        QStringLiteral("min-wait"),
        QStringLiteral("Only the locks waited for at least D (implies --waiting)."),
        QStringLiteral("D"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("Only the locks in database NAME (a transaction's own locks go with its "
                       "session's database)."),
        QStringLiteral("NAME"));
    parser.addOptions({json, waiting, minWait, database});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("locks"), args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("locks takes no arguments"));
    const auto minimum = durationOption(ctx, parser, QStringLiteral("min-wait"), &code);
    if (code != ExitOk)
        return code;
    if (parser.isSet(database) && parser.value(database).isEmpty())
        return ctx.usage(QStringLiteral("--database needs a database name"));
    QString error;
    const auto snap = ServerLocksOutput::take(ctx, &error, &code);
    if (!snap) {
        ctx.err << "lockctl: " << error << Qt::endl;
        return code;
    }
    QList<ServerLock> shown;
    const double minSeconds = minimum ? static_cast<double>(minimum->count()) / 1000.0 : 0.0;
    for (const ServerLock &lock : snap->locks) {
        if ((parser.isSet(waiting) || minimum) && lock.granted)
            continue;
        if (minimum && lock.waitSeconds < minSeconds)
            continue;
        if (parser.isSet(database) && !inDatabase(lock, *snap, parser.value(database)))
            continue;
        shown.append(lock);
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const ServerLock &lock : std::as_const(shown))
            array.append(ServerLocksOutput::lockJson(lock, *snap));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (shown.isEmpty()) {
        ctx.out << (parser.isSet(waiting) || minimum ? "No lock is being waited for."
                                                     : "No locks are held or awaited.")
                << Qt::endl;
        return ExitOk;
    }
    printTable(ctx, shown, *snap);
    return ExitOk;
}

} // namespace lockctl
