#include "commands.h"

#include "admin/adminactions.h"
#include "admin/redisauditlog.h"
#include "base/duration.h"
#include "base/epochtime.h"
#include "base/globpattern.h"
#include "base/visibletext.h"
#include "lease/redisinspector.h"
#include "lease/redisscope.h"
#include "redis/redisconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace lockctl {

using namespace lockscope;

namespace {

QJsonObject toJson(const RedisLockRow &row, double now) {
    const bool lease = row.state() != RedisLockRow::State::OtherType;
    const bool expires = row.pttlMs >= 0;
    const double remaining = static_cast<double>(row.pttlMs) / 1000.0;
    QJsonObject o;
    o.insert(QStringLiteral("lock_key"), row.key);
    o.insert(QStringLiteral("type"), row.type);
    o.insert(QStringLiteral("owner_token"), lease ? QJsonValue(row.token) : QJsonValue());
    o.insert(QStringLiteral("owner"), row.owner.isEmpty() ? QJsonValue() : row.owner);
    o.insert(QStringLiteral("acquired_at"), QJsonValue()); // Redis does not keep it
    o.insert(QStringLiteral("expires_at"),
             expires ? QJsonValue(std::round((now + remaining) * 1000.0) / 1000.0) : QJsonValue());
    o.insert(QStringLiteral("remaining_s"),
             expires ? QJsonValue(std::round(remaining * 1000.0) / 1000.0) : QJsonValue());
    o.insert(QStringLiteral("fence"), row.fence ? QJsonValue(*row.fence) : QJsonValue());
    o.insert(QStringLiteral("state"), row.stateName());
    if (lease)
        o.insert(QStringLiteral("kind"), QStringLiteral("lease")); // as on SQL
    if (!row.hashHolder.isEmpty()) {
        o.insert(QStringLiteral("holder"), row.hashHolder);
        o.insert(QStringLiteral("hold_count"),
                 row.hashCount ? QJsonValue(*row.hashCount) : QJsonValue());
    }
    return o;
}

} // namespace

int failRedis(Context &ctx, const Error &error) {
    const int code = ctx.fail(error);
    return error.kind == ErrorKind::PermissionDenied ? int(ExitDenied) : code;
}

int runRedisList(Context &ctx, const ConnectionParams &params, const RedisListOptions &options) {
    RedisConnection connection(params);
    auto snap = RedisInspector::snapshot(connection, options.glob);
    if (!snap.ok())
        return failRedis(ctx, snap.error());
    // Without a prefix or a match only LockScope's own locks are read: say so
    // (on stderr, so that --json stays one document), as the GUI does.
    if (const RedisScope scope = RedisScope::of(params, options.glob);
        scope.kind == RedisScope::Kind::LockScopeOnly)
        ctx.err << "lockctl: " << scope.describe(params) << Qt::endl;
    QList<RedisLockRow> rows;
    for (const RedisLockRow &row : std::as_const(snap->rows)) {
        if (options.held && row.state() == RedisLockRow::State::OtherType)
            continue;
        rows.append(row);
    }
    // Semaphore and reader-writer keys (the glob picked them already); --held
    // keeps their live holders and waiters.
    QList<SharedKeyRow> sharedKeys;
    for (SharedKeyRow key : std::as_const(snap->shared)) {
        if (options.held) {
            key.holders.removeIf(
                [&](const SharedHolderRow &h) { return !h.isLiveAt(snap->serverNow); });
            if (key.holders.isEmpty())
                continue;
        }
        sharedKeys.append(key);
    }
    if (options.json) {
        QJsonArray array;
        for (const RedisLockRow &row : std::as_const(rows))
            array.append(toJson(row, snap->serverNow));
        for (const SharedKeyRow &key : std::as_const(sharedKeys))
            array.append(sharedKeyJson(key, snap->serverNow));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (rows.isEmpty()) {
        if (!options.glob.isEmpty() || options.held)
            ctx.out << "No locks match." << Qt::endl;
        else
            ctx.out << "No locks in " << params.displayUrl() << '.' << Qt::endl;
        printSharedKeys(ctx, sharedKeys, snap->serverNow);
        return ExitOk;
    }
    struct Line {
        QString key, state, remaining, owner, expires;
    };
    QList<Line> lines;
    int held = 0, noExpiry = 0, other = 0;
    for (const RedisLockRow &row : std::as_const(rows)) {
        Line line;
        line.key = VisibleText::forTerminal(row.key);
        line.state = row.stateName();
        switch (row.state()) {
        case RedisLockRow::State::Held:
            ++held;
            line.owner = VisibleText::forTerminal(row.owner.isEmpty() ? row.token : row.owner);
            line.remaining = Duration::formatRemaining(static_cast<double>(row.pttlMs) / 1000.0);
            line.expires =
                EpochTime::format(snap->serverNow + static_cast<double>(row.pttlMs) / 1000.0);
            break;
        case RedisLockRow::State::NoExpiry:
            ++noExpiry;
            line.owner = VisibleText::forTerminal(row.owner.isEmpty() ? row.token : row.owner);
            line.remaining = QStringLiteral("never");
            line.expires = QStringLiteral("no TTL");
            break;
        case RedisLockRow::State::OtherType:
            ++other;
            line.owner =
                row.hashHolder.isEmpty()
                    ? QStringLiteral("—")
                    : VisibleText::forTerminal(row.hashHolder) +
                          (row.hashCount ? QStringLiteral(" ×%1").arg(*row.hashCount) : QString());
            line.remaining =
                row.pttlMs >= 0
                    ? Duration::formatRemaining(static_cast<double>(row.pttlMs) / 1000.0)
                    : QStringLiteral("never");
            line.expires =
                row.pttlMs >= 0
                    ? EpochTime::format(snap->serverNow + static_cast<double>(row.pttlMs) / 1000.0)
                    : QStringLiteral("no TTL");
            break;
        }
        lines.append(line);
    }
    int keyWidth = 3, ownerWidth = 5, remainingWidth = 9, stateWidth = 9;
    for (const Line &line : std::as_const(lines)) {
        keyWidth = std::min(48, std::max<int>(keyWidth, static_cast<int>(line.key.size())));
        ownerWidth = std::min(40, std::max<int>(ownerWidth, static_cast<int>(line.owner.size())));
        remainingWidth = std::max<int>(remainingWidth, static_cast<int>(line.remaining.size()));
        stateWidth = std::max<int>(stateWidth, static_cast<int>(line.state.size()));
    }
    ctx.out << QStringLiteral("KEY").leftJustified(keyWidth) << "  "
            << QStringLiteral("STATE").leftJustified(stateWidth) << "  "
            << QStringLiteral("REMAINING").rightJustified(remainingWidth) << "  "
            << QStringLiteral("OWNER").leftJustified(ownerWidth) << "  EXPIRES AT\n";
    for (const Line &line : std::as_const(lines)) {
        ctx.out << line.key.leftJustified(keyWidth) << "  " << line.state.leftJustified(stateWidth)
                << "  " << line.remaining.rightJustified(remainingWidth) << "  "
                << line.owner.leftJustified(ownerWidth) << "  " << line.expires << '\n';
    }
    ctx.out << rows.size() << " lock" << (rows.size() == 1 ? "" : "s") << ": " << held << " held, "
            << noExpiry << " without expiry, " << other << " of other types." << Qt::endl;
    if (noExpiry > 0)
        ctx.out << "no-expiry: a key without TTL never frees itself (its holder may have died). "
                   "Release it with `lockctl release --force -- KEY` once you are sure."
                << Qt::endl;
    printSharedKeys(ctx, sharedKeys, snap->serverNow);
    return ExitOk;
}

int runRedisRelease(Context &ctx, const ConnectionParams &params, const QString &key,
                    const std::optional<QString> &expectedToken) {
    auto result = AdminActions::forceRelease(params, key, expectedToken, QStringLiteral("lockctl"));
    if (!result.ok())
        return failRedis(ctx, result.error());
    if (!result->audited)
        ctx.err << "lockctl: warning: the action was not recorded in the audit stream "
                << QString::fromUtf8(RedisAuditLog::streamKey(params))
                << ": grant this Redis user XADD on it (ACL SETUSER)." << Qt::endl;
    const QString shownKey = VisibleText::forTerminal(key);
    const QString shownToken = VisibleText::forTerminal(result->previousToken);
    switch (result->outcome) {
    case ReleaseOutcome::Released:
        if (expectedToken)
            ctx.out << "released '" << shownKey << "' (token " << shownToken << ")" << Qt::endl;
        else
            ctx.out << "FORCED: released '" << shownKey << "' (it had token " << shownToken
                    << ", unchanged since it was read)" << Qt::endl;
        return ExitOk;
    case ReleaseOutcome::Changed:
        ctx.err << "lockctl: not released: '" << shownKey << "' is now held with another token ("
                << shownToken << "); it changed since you looked." << Qt::endl;
        return ExitChanged;
    case ReleaseOutcome::Absent:
        ctx.err << "lockctl: not released: there is no lease '" << shownKey
                << "' (it expired or was released)." << Qt::endl;
        return ExitChanged;
    }
    return ExitError;
}

} // namespace lockctl
