#include "commands.h"

#include "admin/auditlog.h"
#include "admin/redisauditlog.h"
#include "base/globpattern.h"
#include "base/visibletext.h"
#include "db/database.h"
#include "lease/leasequeries.h"
#include "redis/redisconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace lockctl {

using namespace lockscope;

namespace {

// Any role that may write the log chose these texts: control characters are
// shown as escapes, never sent to the terminal (--json keeps them exact).
QString shown(const QString &text) {
    return VisibleText::forTerminal(text);
}

QJsonValue orNull(const QString &text) {
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

int runAudit(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show the audit log: who swept, force-released, cancelled or terminated "
                       "what, from where, and with what outcome (refused actions included). "
                       "Oldest first, the latest at the bottom."));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("The latest N entries (default 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption action(QStringLiteral("action"),
                                    QStringLiteral("Only this action: %1.")
                                        .arg(AuditLog::knownActions().join(QStringLiteral(", "))),
                                    QStringLiteral("NAME"));
    const QCommandLineOption target(QStringLiteral("target"),
                                    QStringLiteral("Only targets (keys, pids) matching the glob "
                                                   "(* ? [..])."),
                                    QStringLiteral("GLOB"));
    const QCommandLineOption since(QStringLiteral("since"),
                                   QStringLiteral("Only the last D (by the database clock), "
                                                  "for example 2h."),
                                   QStringLiteral("D"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON array."));
    parser.addOptions({limit, action, target, since, json});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("audit"), args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("audit takes no arguments"));
    bool ok = false;
    const int count = parser.value(limit).toInt(&ok);
    if (!ok || count < 1 || count > 100'000)
        return ctx.usage(QStringLiteral("--limit must be a whole number from 1 to 100000, not '%1'")
                             .arg(parser.value(limit)));
    AuditFilter filter;
    if (parser.isSet(action)) {
        filter.action = parser.value(action);
        if (!AuditLog::knownActions().contains(filter.action))
            return ctx.usage(
                QStringLiteral("--action must be one of %1, not '%2'")
                    .arg(AuditLog::knownActions().join(QStringLiteral(", ")), filter.action));
    }
    if (parser.isSet(target)) {
        auto compiled = GlobPattern::compile(parser.value(target), QStringLiteral("--target"));
        if (!compiled.ok())
            return ctx.fail(compiled.error());
        filter.target = compiled.value();
    }
    code = -1;
    const auto sinceValue = durationOption(ctx, parser, QStringLiteral("since"), &code);
    if (code >= 0)
        return code;
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;

    Result<QList<AuditEntry>> entries = QList<AuditEntry>();
    if (params->isRedis()) {
        RedisConnection redis(*params);
        if (sinceValue) {
            auto now = redis.serverTime();
            if (!now.ok())
                return failRedis(ctx, now.error());
            filter.since = now.value() - static_cast<double>(sinceValue->count()) / 1000.0;
        }
        entries = RedisAuditLog::recent(redis, count, filter);
        if (!entries.ok())
            return failRedis(ctx, entries.error());
    } else {
        ScopedConnection conn(*params, QStringLiteral("audit"));
        if (!conn.ok())
            return ctx.fail(conn.error());
        if (sinceValue) {
            auto now = LeaseQueries::databaseNow(conn.db(), *params);
            if (!now.ok())
                return ctx.fail(now.error());
            filter.since = now.value() - static_cast<double>(sinceValue->count()) / 1000.0;
        }
        entries = AuditLog::recent(conn.db(), *params, count, filter);
        if (!entries.ok())
            return ctx.fail(entries.error());
    }
    QList<AuditEntry> list = entries.value();
    std::reverse(list.begin(), list.end());

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const AuditEntry &e : std::as_const(list)) {
            array.append(QJsonObject{{QStringLiteral("id"), e.id},
                                     {QStringLiteral("at"), e.at},
                                     {QStringLiteral("db_user"), orNull(e.dbUser)},
                                     {QStringLiteral("os_user"), orNull(e.osUser)},
                                     {QStringLiteral("os_host"), e.osHost},
                                     {QStringLiteral("tool"), e.tool},
                                     {QStringLiteral("action"), e.action},
                                     {QStringLiteral("target"), e.target},
                                     {QStringLiteral("previous_token"), orNull(e.previousToken)},
                                     {QStringLiteral("outcome"), e.outcome},
                                     {QStringLiteral("detail"), orNull(e.detail)}});
        }
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (list.isEmpty()) {
        if (parser.isSet(action) || parser.isSet(target) || parser.isSet(since))
            ctx.out << "No admin actions match." << Qt::endl;
        else
            ctx.out << "No admin actions recorded in " << params->displayUrl() << '.' << Qt::endl;
        return ExitOk;
    }
    QStringList who;
    int whoWidth = 3;
    int actionWidth = 6;
    int targetWidth = 6;
    for (const AuditEntry &e : std::as_const(list)) {
        // A refusal the database recorded itself knows the client's host, not its OS user.
        QString w = e.osUser.isEmpty() ? e.osHost : e.osUser + QLatin1Char('@') + e.osHost;
        if (!e.dbUser.isEmpty())
            w = e.dbUser + QStringLiteral(" (") + w + QLatin1Char(')');
        w = shown(w);
        who << w;
        whoWidth = std::min(40, std::max<int>(whoWidth, static_cast<int>(w.size())));
        actionWidth = std::max<int>(actionWidth, static_cast<int>(shown(e.action).size()));
        targetWidth =
            std::min(40, std::max<int>(targetWidth, static_cast<int>(shown(e.target).size())));
    }
    ctx.out << QStringLiteral("AT").leftJustified(23) << "  "
            << QStringLiteral("WHO").leftJustified(whoWidth) << "  "
            << QStringLiteral("TOOL").leftJustified(9) << "  "
            << QStringLiteral("ACTION").leftJustified(actionWidth) << "  "
            << QStringLiteral("TARGET").leftJustified(targetWidth) << "  OUTCOME\n";
    for (qsizetype i = 0; i < list.size(); ++i) {
        const AuditEntry &e = list.at(i);
        ctx.out << formatEpoch(e.at).leftJustified(23) << "  " << who.at(i).leftJustified(whoWidth)
                << "  " << shown(e.tool).leftJustified(9) << "  "
                << shown(e.action).leftJustified(actionWidth) << "  "
                << shown(e.target).leftJustified(targetWidth) << "  " << shown(e.outcome) << '\n';
        if (!e.detail.isEmpty())
            ctx.out << "    " << shown(e.detail) << '\n';
    }
    ctx.out << list.size() << " entr" << (list.size() == 1 ? "y" : "ies") << '.' << Qt::endl;
    return ExitOk;
}

} // namespace lockctl
