#include "commands.h"

#include "admin/backendactions.h"
#include "advisory/advisoryinspector.h"
#include "base/visibletext.h"
#include "db/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lockctl {

using namespace lockscope;

namespace {

QJsonObject toJson(const AdvisoryLockRow &row) {
    QJsonArray blockedBy;
    for (int pid : row.blockedBy)
        blockedBy.append(pid);
    QJsonObject o{{QStringLiteral("pid"), row.pid},
                  {QStringLiteral("granted"), row.granted},
                  {QStringLiteral("mode"), row.mode},
                  {QStringLiteral("blocked_by"), blockedBy},
                  {QStringLiteral("application_name"), row.application},
                  {QStringLiteral("wait_s"), std::round(row.waitSeconds * 1000.0) / 1000.0},
                  {QStringLiteral("database"), row.database},
                  {QStringLiteral("user"), row.user},
                  {QStringLiteral("client_addr"),
                   row.clientAddress.isEmpty() ? QJsonValue() : QJsonValue(row.clientAddress)},
                  {QStringLiteral("state"), row.state},
                  {QStringLiteral("query"), row.query},
                  {QStringLiteral("xact_age_s"),
                   row.transactionAge < 0
                       ? QJsonValue()
                       : QJsonValue(std::round(row.transactionAge * 1000) / 1000)}};
    if (row.isPair)
        o.insert(QStringLiteral("key_pair"), QJsonArray{row.keyFirst, row.keySecond});
    else
        o.insert(QStringLiteral("key"), row.key); // a JSON number (exact up to 2^53)
    o.insert(QStringLiteral("key_text"), row.keyDisplay());
    return o;
}

} // namespace

int runAdvisory(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Every PostgreSQL advisory lock held or awaited on the server, with who "
                       "blocks whom."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON array."));
    const QCommandLineOption thisDatabase(
        QStringLiteral("this-database"),
        QStringLiteral("Only the locks taken in the URL's database (advisory keys are per "
                       "database; by default every database on the server is shown)."));
    parser.addOptions({json, thisDatabase});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("advisory"), args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("advisory takes no arguments"));
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;
    if (!params->isPostgres()) {
        ctx.err << "lockctl: advisory locks exist only on PostgreSQL; " << params->displayUrl()
                << " is a SQLite database. Use `lockctl list` for its leases." << Qt::endl;
        return ExitError;
    }
    ScopedConnection conn(*params, QStringLiteral("advisory"));
    if (!conn.ok())
        return ctx.fail(conn.error());
    auto snap = AdvisoryInspector::snapshot(conn.db(), *params);
    if (!snap.ok())
        return ctx.fail(snap.error());
    if (parser.isSet(thisDatabase)) {
        snap->rows.erase(std::remove_if(snap->rows.begin(), snap->rows.end(),
                                        [&](const AdvisoryLockRow &row) {
                                            return row.database != params->database;
                                        }),
                         snap->rows.end());
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const AdvisoryLockRow &row : std::as_const(snap->rows))
            array.append(toJson(row));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (snap->rows.isEmpty()) {
        ctx.out << "No advisory locks are held or awaited." << Qt::endl;
        return ExitOk;
    }
    ctx.out << QStringLiteral("PID").leftJustified(8) << QStringLiteral("KEY").leftJustified(24)
            << QStringLiteral("DATABASE").leftJustified(16)
            << QStringLiteral("MODE").leftJustified(15) << QStringLiteral("STATE").leftJustified(10)
            << QStringLiteral("WAIT").rightJustified(9) << "  "
            << QStringLiteral("BLOCKED BY").leftJustified(14) << "APPLICATION\n";
    int waiting = 0;
    for (const AdvisoryLockRow &row : std::as_const(snap->rows)) {
        QStringList blockers;
        for (int pid : row.blockedBy)
            blockers << QString::number(pid);
        waiting += row.granted ? 0 : 1;
        ctx.out
            << QString::number(row.pid).leftJustified(8) << row.keyDisplay().leftJustified(24)
            << VisibleText::forTerminal(row.database).leftJustified(15) << ' '
            << row.mode.leftJustified(15)
            << (row.granted ? QStringLiteral("held") : QStringLiteral("WAITING")).leftJustified(10)
            << (row.granted ? QString() : QStringLiteral("%1s").arg(row.waitSeconds, 0, 'f', 1))
                   .rightJustified(9)
            << "  " << blockers.join(QLatin1Char(',')).leftJustified(14)
            << VisibleText::forTerminal(row.application) << '\n'; // any client sets it
    }
    ctx.out << snap->rows.size() << " advisory lock" << (snap->rows.size() == 1 ? "" : "s") << ": "
            << snap->rows.size() - waiting << " held, " << waiting << " waiting." << Qt::endl;
    return ExitOk;
}

int runSignalBackend(Context &ctx, const QStringList &args, bool terminate) {
    const QString name =
        terminate ? QStringLiteral("terminate-backend") : QStringLiteral("cancel-backend");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        terminate ? QStringLiteral("End a PostgreSQL backend's session (audited).")
                  : QStringLiteral("Cancel a PostgreSQL backend's current statement (audited)."));
    parser.addPositionalArgument(QStringLiteral("PID"), QStringLiteral("The backend's pid."));
    int code = ExitOk;
    if (!parseArgs(ctx, parser, name, args, &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    bool ok = false;
    const int pid = positional.value(0).toInt(&ok);
    if (positional.size() != 1 || !ok || pid <= 0)
        return ctx.usage(QStringLiteral("%1 takes one PID, a positive whole number").arg(name));
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;
    auto sent = terminate
                    ? BackendActions::terminateBackend(*params, pid, QStringLiteral("lockctl"))
                    : BackendActions::cancelBackend(*params, pid, QStringLiteral("lockctl"));
    if (!sent.ok())
        return ctx.fail(sent.error());
    if (!sent.value()) {
        ctx.err << "lockctl: no backend with pid " << pid << " (it may have ended already)."
                << Qt::endl;
        return ExitChanged;
    }
    ctx.out << (terminate ? "terminated" : "cancelled the statement of") << " backend " << pid
            << Qt::endl;
    return ExitOk;
}

int runCancelBackend(Context &ctx, const QStringList &args) {
    return runSignalBackend(ctx, args, false);
}

int runTerminateBackend(Context &ctx, const QStringList &args) {
    return runSignalBackend(ctx, args, true);
}

} // namespace lockctl
