#include "commands.h"

#include "admin/adminactions.h"
#include "admin/holderrelease.h"
#include "admin/redisauditlog.h"
#include "base/visibletext.h"
#include "lease/sharedlockstore.h"

namespace lockctl {

using namespace lockscope;

int runRelease(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Release a lease: only if it still carries --token T, or unconditionally with --force. "
        "Exit 4 when the lease is no longer held with that token."));
    parser.addPositionalArgument(
        QStringLiteral("KEY"),
        QStringLiteral("The key to release, as `lockctl list` shows it (any length). A key that "
                       "begins with '-' goes after `--`, which ends the options: release --force "
                       "-- -my-key"));
    const QCommandLineOption token(
        QStringLiteral("token"), QStringLiteral("Release only if the lease has this owner token."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Release whoever holds it (recorded in the audit "
                                                  "log)."));
    parser.addOptions({token, force});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("release"), args, &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return ctx.usage(QStringLiteral("release takes exactly one KEY"));
    if (parser.isSet(token) == parser.isSet(force))
        return ctx.usage(
            QStringLiteral("release needs exactly one of --token TOKEN (owner-guarded) "
                           "or --force (unconditional)"));
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;

    const QString key = positional.first();
    const std::optional<QString> expected =
        parser.isSet(token) ? std::optional<QString>(parser.value(token)) : std::nullopt;
    // A semaphore or reader-writer key has several holders: one of them is
    // released, by its token (owner-guarded), never "whoever holds it".
    auto kind = SharedLockStore::kindOf(*params, key);
    if (!kind.ok())
        return params->isRedis() ? failRedis(ctx, kind.error()) : ctx.fail(kind.error());
    if (params->isRedis() && !kind.value())
        return runRedisRelease(ctx, *params, key, expected);
    if (kind.value() && !expected)
        return ctx.usage(
            QStringLiteral("'%1' is a %2 with several holders; release one of them with --token "
                           "TOKEN (see `lockctl list`)")
                .arg(VisibleText::forTerminal(key), kind.value()->kind == QLatin1String("rw")
                                                        ? QStringLiteral("reader-writer lease")
                                                        : QStringLiteral("semaphore")));
    auto result =
        kind.value()
            ? HolderRelease::release(*params, key, *expected, QStringLiteral("lockctl"))
            : AdminActions::forceRelease(*params, key, expected, QStringLiteral("lockctl"));
    if (!result.ok())
        return params->isRedis() ? failRedis(ctx, result.error()) : ctx.fail(result.error());
    if (!result->audited && params->isRedis())
        ctx.err << "lockctl: warning: the action was not recorded in the audit stream "
                << QString::fromUtf8(RedisAuditLog::streamKey(*params))
                << ": grant this Redis user XADD on it (ACL SETUSER)." << Qt::endl;
    else if (!result->audited)
        ctx.err << "lockctl: warning: the action was not recorded in the audit log: run "
                   "`lockctl migrate` if the database has none, or grant this role INSERT on "
                   "lockscope_audit (without it only refusals are recorded)."
                << Qt::endl;
    // The token was written by whoever holds the lease: shown, never obeyed.
    const QString shownKey = VisibleText::forTerminal(key);
    const QString shownToken = VisibleText::forTerminal(result->previousToken);
    switch (result->outcome) {
    case ReleaseOutcome::Released:
        if (expected)
            ctx.out << "released '" << shownKey << "' (token " << shownToken << ")" << Qt::endl;
        else
            ctx.out << "FORCED: released '" << shownKey
                    << "' without checking its owner (it had token " << shownToken << ")"
                    << Qt::endl;
        return ExitOk;
    case ReleaseOutcome::Changed:
        ctx.err << "lockctl: not released: '" << shownKey << "' is now held with another token ("
                << shownToken << "); it changed since you looked." << Qt::endl;
        return ExitChanged;
    case ReleaseOutcome::Absent:
        if (kind.value())
            ctx.err << "lockctl: not released: the token holds nothing under '" << shownKey
                    << "' (released, or expired and taken); see `lockctl list`." << Qt::endl;
        else
            ctx.err << "lockctl: not released: there is no lease '" << shownKey << "'." << Qt::endl;
        return ExitChanged;
    }
    return ExitError;
}

} // namespace lockctl
