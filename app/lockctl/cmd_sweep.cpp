#include "commands.h"

#include "admin/adminactions.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace lockctl {

using namespace lockscope;

int runSweep(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Delete expired leases in batches and print how many were removed; drop the "
                       "kind of every semaphore or reader-writer key with no live holder or "
                       "waiter."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Only count what would be removed."));
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   QStringLiteral("Rows per statement (default 1000)."),
                                   QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({dryRun, batch, json});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("sweep"), args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("sweep takes no arguments"));
    bool ok = false;
    const int batchSize = parser.value(batch).toInt(&ok);
    if (!ok || batchSize < 1 || batchSize > 1'000'000)
        return ctx.usage(
            QStringLiteral("--batch must be a whole number from 1 to 1000000, not '%1'")
                .arg(parser.value(batch)));
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;

    auto result =
        AdminActions::sweep(*params, batchSize, parser.isSet(dryRun), QStringLiteral("lockctl"));
    if (!result.ok())
        return ctx.fail(result.error());
    if (parser.isSet(json)) {
        QJsonObject o;
        o.insert(parser.isSet(dryRun) ? QStringLiteral("would_remove") : QStringLiteral("removed"),
                 result->count);
        o.insert(QStringLiteral("batches"), result->batches);
        if (!parser.isSet(dryRun))
            o.insert(QStringLiteral("skipped"), result->skipped);
        o.insert(QStringLiteral("longest_statement_ms"),
                 std::round(result->longestStatementMs * 1000.0) / 1000.0);
        o.insert(parser.isSet(dryRun) ? QStringLiteral("idle_kinds_would_drop")
                                      : QStringLiteral("idle_kinds_dropped"),
                 result->idleKinds);
        o.insert(QStringLiteral("dry_run"), parser.isSet(dryRun));
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        return ExitOk;
    }
    if (parser.isSet(dryRun))
        ctx.out << result->count << " expired lease" << (result->count == 1 ? "" : "s")
                << " would be removed (dry run; nothing changed)." << Qt::endl;
    else
        ctx.out << "removed " << result->count << " expired lease"
                << (result->count == 1 ? "" : "s") << " in " << result->batches << " batch"
                << (result->batches == 1 ? "" : "es") << '.' << Qt::endl;
    if (!parser.isSet(dryRun) && result->skipped > 0)
        ctx.out << "skipped " << result->skipped << " expired lease"
                << (result->skipped == 1 ? "" : "s")
                << " still expired: locked by another transaction (a writer is changing "
                << (result->skipped == 1 ? "it" : "them")
                << "), or expired during the sweep; run sweep again later." << Qt::endl;
    if (result->idleKinds > 0)
        ctx.out << (parser.isSet(dryRun) ? "would drop" : "dropped") << " the kind of "
                << result->idleKinds << " idle semaphore or reader-writer key"
                << (result->idleKinds == 1 ? "" : "s")
                << " (no live holder or waiter): usable as any kind again." << Qt::endl;
    return ExitOk;
}

} // namespace lockctl
