#include "commands.h"

#include "base/duration.h"
#include "base/globpattern.h"
#include "db/database.h"
#include "lease/leasequeries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lockctl {

using namespace lockscope;

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
                                   QStringLiteral("Only keys matching the glob (* ? [..])."),
                                   QStringLiteral("GLOB"));
    parser.addOptions({json, expired, held, match});
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
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;

    ScopedConnection conn(*params, QStringLiteral("list"));
    if (!conn.ok())
        return ctx.fail(conn.error());
    auto snap = LeaseQueries::snapshot(conn.db(), *params);
    if (!snap.ok())
        return ctx.fail(snap.error());

    QList<LeaseRow> rows;
    for (const LeaseRow &row : std::as_const(snap->rows)) {
        const bool isHeld = row.isHeldAt(snap->dbNow);
        if (parser.isSet(expired) && isHeld)
            continue;
        if (parser.isSet(held) && !isHeld)
            continue;
        if (parser.isSet(match) && !glob.match(row.key).hasMatch())
            continue;
        rows.append(row);
    }

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const LeaseRow &row : std::as_const(rows)) {
            const double remaining = row.remainingAt(snap->dbNow);
            QJsonObject o;
            o.insert(QStringLiteral("lock_key"), row.key);
            o.insert(QStringLiteral("owner_token"), row.token);
            o.insert(QStringLiteral("owner"), row.owner.isEmpty() ? QJsonValue() : row.owner);
            o.insert(QStringLiteral("acquired_at"), row.acquiredAt);
            o.insert(QStringLiteral("expires_at"), row.expiresAt);
            o.insert(QStringLiteral("remaining_s"), std::round(remaining * 1000.0) / 1000.0);
            o.insert(QStringLiteral("fence"), row.fence ? QJsonValue(*row.fence) : QJsonValue());
            o.insert(QStringLiteral("state"),
                     remaining > 0 ? QStringLiteral("held") : QStringLiteral("expired"));
            array.append(o);
        }
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }

    if (rows.isEmpty()) {
        if (parser.isSet(match) || parser.isSet(held) || parser.isSet(expired))
            ctx.out << "No leases match." << Qt::endl;
        else
            ctx.out << "No leases in " << params->displayUrl() << '.' << Qt::endl;
        return ExitOk;
    }
    int keyWidth = 3;
    int ownerWidth = 5;
    int remainingWidth = 9;
    for (const LeaseRow &row : std::as_const(rows)) {
        keyWidth = std::min(48, std::max<int>(keyWidth, static_cast<int>(row.key.size())));
        const QString owner = row.owner.isEmpty() ? row.token : row.owner;
        ownerWidth = std::min(40, std::max<int>(ownerWidth, static_cast<int>(owner.size())));
        remainingWidth = std::max<int>(
            remainingWidth,
            static_cast<int>(Duration::formatRemaining(row.remainingAt(snap->dbNow)).size()));
    }
    ctx.out << QStringLiteral("KEY").leftJustified(keyWidth) << "  "
            << QStringLiteral("STATE").leftJustified(7) << "  "
            << QStringLiteral("REMAINING").rightJustified(remainingWidth) << "  "
            << QStringLiteral("OWNER").leftJustified(ownerWidth) << "  EXPIRES AT\n";
    int heldCount = 0;
    for (const LeaseRow &row : std::as_const(rows)) {
        const double remaining = row.remainingAt(snap->dbNow);
        heldCount += remaining > 0 ? 1 : 0;
        QString key = row.key;
        key.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        const QString owner = row.owner.isEmpty() ? row.token : row.owner;
        ctx.out
            << key.leftJustified(keyWidth) << "  "
            << (remaining > 0 ? QStringLiteral("held") : QStringLiteral("expired")).leftJustified(7)
            << "  " << Duration::formatRemaining(remaining).rightJustified(remainingWidth) << "  "
            << owner.leftJustified(ownerWidth) << "  " << formatEpoch(row.expiresAt) << '\n';
    }
    ctx.out << rows.size() << " lease" << (rows.size() == 1 ? "" : "s") << ": " << heldCount
            << " held, " << rows.size() - heldCount << " expired." << Qt::endl;
    return ExitOk;
}

} // namespace lockctl
