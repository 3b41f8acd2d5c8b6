#include "commands.h"

#include "base/duration.h"
#include "base/epochtime.h"
#include "base/globpattern.h"
#include "base/visibletext.h"
#include "db/database.h"
#include "lease/leasequeries.h"
#include "lease/ownersessions.h"
#include "lease/sharedlockqueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace lockctl {

using namespace lockscope;

namespace {

QJsonObject sessionJson(const OwnerSession &s) {
    auto text = [](const QString &value) {
        return value.isEmpty() ? QJsonValue() : value;
    };
    QJsonObject o;
    o.insert(QStringLiteral("pid"), s.pid);
    o.insert(QStringLiteral("application_name"), s.application);
    o.insert(QStringLiteral("state"), text(s.state));
    o.insert(QStringLiteral("client_addr"), text(s.clientAddr));
    o.insert(QStringLiteral("user"), text(s.user));
    o.insert(QStringLiteral("backend_start"),
             s.backendStart > 0 ? QJsonValue(s.backendStart) : QJsonValue());
    return o;
}

QString sessionText(const OwnerStatus &status) {
    if (!status.connected)
        return QStringLiteral("?");
    if (!*status.connected)
        return QStringLiteral("gone");
    return QStringLiteral("pid %1").arg(status.session->pid);
}

} // namespace

QJsonObject sharedKeyJson(const SharedKeyRow &key, double dbNow) {
    QJsonObject o;
    o.insert(QStringLiteral("lock_key"), key.key);
    o.insert(QStringLiteral("kind"), key.kind);
    if (key.kind == QLatin1String("semaphore")) {
        o.insert(QStringLiteral("permits"), key.permits);
        o.insert(QStringLiteral("held"), key.heldAt(dbNow));
    } else {
        o.insert(QStringLiteral("readers"), key.countAt(QStringLiteral("read"), dbNow));
        o.insert(QStringLiteral("writer"), key.countAt(QStringLiteral("write"), dbNow) > 0);
        o.insert(QStringLiteral("waiting_writers"),
                 key.countAt(QStringLiteral("write-wait"), dbNow));
        o.insert(QStringLiteral("waiting_readers"),
                 key.countAt(QStringLiteral("read-wait"), dbNow));
    }
    o.insert(QStringLiteral("summary"), key.summaryAt(dbNow));
    QJsonArray holders;
    for (const SharedHolderRow &h : key.holders) {
        QJsonObject j;
        if (h.role == QLatin1String("slot"))
            j.insert(QStringLiteral("slot"), h.slot);
        else
            j.insert(QStringLiteral("mode"), h.role);
        j.insert(QStringLiteral("owner_token"), h.token);
        j.insert(QStringLiteral("owner"), h.owner.isEmpty() ? QJsonValue() : h.owner);
        j.insert(QStringLiteral("acquired_at"), h.acquiredAt);
        j.insert(QStringLiteral("expires_at"), h.expiresAt);
        j.insert(QStringLiteral("remaining_s"),
                 std::round((h.expiresAt - dbNow) * 1000.0) / 1000.0);
        j.insert(QStringLiteral("fence"), h.fence ? QJsonValue(*h.fence) : QJsonValue());
        j.insert(QStringLiteral("state"),
                 h.isLiveAt(dbNow)
                     ? (h.isWaiter() ? QStringLiteral("waiting") : QStringLiteral("held"))
                     : QStringLiteral("expired"));
        holders.append(j);
    }
    o.insert(QStringLiteral("holders"), holders);
    return o;
}

void printSharedKeys(Context &ctx, const QList<SharedKeyRow> &keys, double dbNow) {
    if (keys.isEmpty())
        return;
    ctx.out << '\n' << "Semaphores and reader-writer leases:" << '\n';
    for (const SharedKeyRow &key : keys) {
        ctx.out << VisibleText::forTerminal(key.key) << "  "
                << (key.kind == QLatin1String("rw") ? QStringLiteral("rw") : key.kind) << "  "
                << key.summaryAt(dbNow) << '\n';
        for (const SharedHolderRow &h : key.holders) {
            const QString what =
                h.role == QLatin1String("slot") ? QStringLiteral("permit %1").arg(h.slot) : h.role;
            const QString state = !h.isLiveAt(dbNow) ? QStringLiteral("expired")
                                  : h.isWaiter()     ? QStringLiteral("waiting")
                                                     : QStringLiteral("held");
            ctx.out << "    " << what.leftJustified(11) << "  " << state.leftJustified(7) << "  "
                    << Duration::formatRemaining(h.expiresAt - dbNow).rightJustified(9) << "  "
                    << VisibleText::forTerminal(h.owner.isEmpty() ? h.token : h.owner) << "  token "
                    << VisibleText::forTerminal(h.token)
                    << (h.fence ? QStringLiteral("  fence %1").arg(*h.fence) : QString()) << '\n';
        }
    }
    ctx.out << Qt::flush;
}

int runList(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List leases, with remaining time by the database clock."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON array."));
    const QCommandLineOption expired(QStringLiteral("expired"),
                                     QStringLiteral("Only leases that have expired."));
    const QCommandLineOption held(QStringLiteral("held"),
                                  QStringLiteral("Only leases still held."));
    const QCommandLineOption match(QStringLiteral("match"),
                                   QStringLiteral("Only keys matching the glob (* ? [..]). On "
                                                  "Redis, what SCAN MATCH reads (instead of the "
                                                  "URL's match=)."),
                                   QStringLiteral("GLOB"));
    const QCommandLineOption ownerRule(
        QStringLiteral("owner-rule"),
        QStringLiteral("For leases written by other programs: a regular expression over the "
                       "token whose first group is the application_name of the owner's "
                       "sessions (PostgreSQL), so owner_connected can be told."),
        QStringLiteral("REGEX"));
    parser.addOptions({json, expired, held, match, ownerRule});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("list"), args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("list takes no arguments; filter with --match GLOB"));
    if (parser.isSet(expired) && parser.isSet(held))
        return ctx.usage(QStringLiteral("--expired and --held exclude each other"));
    QRegularExpression glob;
    if (parser.isSet(match)) {
        auto compiled = GlobPattern::compile(parser.value(match), QStringLiteral("--match"));
        if (!compiled.ok())
            return ctx.fail(compiled.error());
        glob = compiled.value();
    }
    auto rule = OwnerRule::compile(parser.value(ownerRule), QStringLiteral("--owner-rule"));
    if (!rule.ok())
        return ctx.fail(rule.error());
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;
    if (params->isRedis()) {
        if (parser.isSet(expired))
            return ctx.usage(QStringLiteral("--expired does not apply to Redis, where an expired "
                                            "key is gone"));
        return runRedisList(ctx, *params,
                            {parser.isSet(json), parser.isSet(held), parser.value(match)});
    }

    ScopedConnection conn(*params, QStringLiteral("list"));
    if (!conn.ok())
        return ctx.fail(conn.error());
    auto snap = LeaseQueries::snapshot(conn.db(), *params);
    if (!snap.ok())
        return ctx.fail(snap.error());
    // A role that may read the leases but not their fences still gets the
    // leases ("fence": null in JSON); one line on stderr says which grant
    // would show the fences.
    if (!snap->unreadable.isEmpty())
        ctx.err << "lockctl: warning: " << snap->unreadable << Qt::endl;
    // Whether each owner is still connected (PostgreSQL; SQLite has no sessions).
    if (const Status owners = OwnerSessions::annotate(conn.db(), *params, rule.value(), snap->rows);
        !owners.ok())
        ctx.err << "lockctl: warning: " << owners.error().message << Qt::endl;

    auto shared = SharedLockQueries::snapshot(conn.db(), *params);
    if (!shared.ok())
        return ctx.fail(shared.error());
    // A role that may read the leases but not the tables of semaphores and
    // reader-writer leases still gets the leases (exit 0, valid JSON): one
    // line on stderr says what is left out and which grant would show it.
    if (!shared->unreadable.isEmpty())
        ctx.err << "lockctl: warning: " << shared->unreadable << Qt::endl;
    // Semaphore and reader-writer keys: the glob picks keys, --held/--expired
    // pick their holders and waiters (a waiter's place is live or lapsed).
    QList<SharedKeyRow> sharedKeys;
    for (SharedKeyRow key : std::as_const(shared->keys)) {
        if (parser.isSet(match) && !glob.match(key.key).hasMatch())
            continue;
        if (parser.isSet(held) || parser.isSet(expired)) {
            const bool wantLive = parser.isSet(held);
            key.holders.removeIf(
                [&](const SharedHolderRow &h) { return h.isLiveAt(shared->dbNow) != wantLive; });
            if (key.holders.isEmpty())
                continue;
        }
        sharedKeys.append(key);
    }

    QList<LeaseRow> rows;
    for (const LeaseRow &row : std::as_const(snap->rows)) {
        // A lease with an invalid expiry is neither held nor expired.
        if (parser.isSet(expired) && !row.isExpiredAt(snap->dbNow))
            continue;
        if (parser.isSet(held) && !row.isHeldAt(snap->dbNow))
            continue;
        if (parser.isSet(match) && !glob.match(row.key).hasMatch())
            continue;
        rows.append(row);
    }

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const LeaseRow &row : std::as_const(rows)) {
            const bool valid = row.hasValidExpiry();
            const double remaining = row.remainingAt(snap->dbNow);
            QJsonObject o;
            o.insert(QStringLiteral("lock_key"), row.key);
            o.insert(QStringLiteral("owner_token"), row.token);
            o.insert(QStringLiteral("owner"), row.owner.isEmpty() ? QJsonValue() : row.owner);
            o.insert(QStringLiteral("acquired_at"),
                     std::isfinite(row.acquiredAt) ? QJsonValue(row.acquiredAt) : QJsonValue());
            // An expiry that is not a finite number: null, and what was stored as text.
            o.insert(QStringLiteral("expires_at"),
                     valid ? QJsonValue(row.expiresAt) : QJsonValue());
            o.insert(QStringLiteral("expires_at_text"),
                     valid ? QJsonValue() : QJsonValue(row.invalidExpiry()));
            o.insert(QStringLiteral("remaining_s"),
                     valid ? QJsonValue(std::round(remaining * 1000.0) / 1000.0) : QJsonValue());
            o.insert(QStringLiteral("fence"), row.fence ? QJsonValue(*row.fence) : QJsonValue());
            o.insert(QStringLiteral("state"), !valid          ? QStringLiteral("invalid")
                                              : remaining > 0 ? QStringLiteral("held")
                                                              : QStringLiteral("expired"));
            const OwnerStatus &owner = row.ownerStatus;
            o.insert(QStringLiteral("owner_connected"),
                     owner.connected ? QJsonValue(*owner.connected) : QJsonValue());
            o.insert(QStringLiteral("session"),
                     owner.session ? QJsonValue(sessionJson(*owner.session)) : QJsonValue());
            o.insert(QStringLiteral("kind"), QStringLiteral("lease"));
            array.append(o);
        }
        for (const SharedKeyRow &key : std::as_const(sharedKeys))
            array.append(sharedKeyJson(key, shared->dbNow));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }

    if (rows.isEmpty()) {
        if (parser.isSet(match) || parser.isSet(held) || parser.isSet(expired))
            ctx.out << "No leases match." << Qt::endl;
        else
            ctx.out << "No leases in " << params->displayUrl() << '.' << Qt::endl;
        printSharedKeys(ctx, sharedKeys, shared->dbNow);
        return ExitOk;
    }
    // Keys and tokens come from any program that writes the table: control
    // characters are shown as escapes, never sent to the terminal.
    struct Line {
        QString key, state, remaining, owner, session, expires;
    };
    QList<Line> lines;
    int heldCount = 0;
    int invalidCount = 0;
    for (const LeaseRow &row : std::as_const(rows)) {
        Line line;
        line.key = VisibleText::forTerminal(row.key);
        line.owner = VisibleText::forTerminal(row.owner.isEmpty() ? row.token : row.owner);
        line.session = sessionText(row.ownerStatus);
        if (!row.hasValidExpiry()) {
            ++invalidCount;
            line.state = QStringLiteral("invalid");
            line.remaining = QStringLiteral("—");
            line.expires =
                QStringLiteral("invalid (%1)").arg(VisibleText::forTerminal(row.invalidExpiry()));
        } else {
            const double remaining = row.remainingAt(snap->dbNow);
            heldCount += remaining > 0 ? 1 : 0;
            line.state = remaining > 0 ? QStringLiteral("held") : QStringLiteral("expired");
            line.remaining = Duration::formatRemaining(remaining);
            line.expires = EpochTime::format(row.expiresAt);
        }
        lines.append(line);
    }
    int keyWidth = 3;
    int ownerWidth = 5;
    int remainingWidth = 9;
    for (const Line &line : std::as_const(lines)) {
        keyWidth = std::min(48, std::max<int>(keyWidth, static_cast<int>(line.key.size())));
        ownerWidth = std::min(40, std::max<int>(ownerWidth, static_cast<int>(line.owner.size())));
        remainingWidth = std::max<int>(remainingWidth, static_cast<int>(line.remaining.size()));
    }
    ctx.out << QStringLiteral("KEY").leftJustified(keyWidth) << "  "
            << QStringLiteral("STATE").leftJustified(7) << "  "
            << QStringLiteral("REMAINING").rightJustified(remainingWidth) << "  "
            << QStringLiteral("OWNER").leftJustified(ownerWidth) << "  ";
    // The owner's session: PostgreSQL only (SQLite has no sessions).
    const bool sessions = params->isPostgres();
    if (sessions)
        ctx.out << QStringLiteral("SESSION").leftJustified(11) << "  ";
    ctx.out << "EXPIRES AT\n";
    for (const Line &line : std::as_const(lines)) {
        ctx.out << line.key.leftJustified(keyWidth) << "  " << line.state.leftJustified(7) << "  "
                << line.remaining.rightJustified(remainingWidth) << "  "
                << line.owner.leftJustified(ownerWidth) << "  ";
        if (sessions)
            ctx.out << line.session.leftJustified(11) << "  ";
        ctx.out << line.expires << '\n';
    }
    const qsizetype expiredCount = rows.size() - heldCount - invalidCount;
    ctx.out << rows.size() << " lease" << (rows.size() == 1 ? "" : "s") << ": " << heldCount
            << " held, " << expiredCount << " expired";
    if (invalidCount > 0)
        ctx.out << ", " << invalidCount << " invalid";
    ctx.out << '.' << Qt::endl;
    if (invalidCount > 0)
        ctx.out << "Invalid: another program wrote an expiry that is not a finite number; no "
                   "sweep removes such a lease and no acquire takes it over. Remove it with "
                   "`lockctl release --force -- KEY`."
                << Qt::endl;
    printSharedKeys(ctx, sharedKeys, shared->dbNow);
    return ExitOk;
}

} // namespace lockctl
