#include "commands.h"

#include "db/migrator.h"

namespace lockctl {

using namespace lockscope;

int runMigrate(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Apply pending schema migrations."));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Only show applied and pending migrations."));
    parser.addOption(status);
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("migrate"), args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("migrate takes no arguments"));
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;

    if (parser.isSet(status)) {
        auto st = Migrator::status(*params);
        if (!st.ok())
            return ctx.fail(st.error());
        for (const Migration &m : std::as_const(st->applied))
            ctx.out << "applied  " << m.name << '\n';
        for (const Migration &m : std::as_const(st->pending))
            ctx.out << "pending  " << m.name << '\n';
        ctx.out << Qt::flush;
        return ExitOk;
    }

    auto applied = Migrator::migrate(*params);
    if (!applied.ok())
        return ctx.fail(applied.error());
    if (applied->isEmpty()) {
        ctx.out << "Schema of " << params->displayUrl() << " is up to date." << Qt::endl;
        return ExitOk;
    }
    for (const Migration &m : std::as_const(applied.value()))
        ctx.out << "applied " << m.name << '\n';
    ctx.out << "Schema of " << params->displayUrl() << " is up to date (" << applied->size()
            << " migration" << (applied->size() == 1 ? "" : "s") << " applied now)." << Qt::endl;
    return ExitOk;
}

} // namespace lockctl
