#include "base/version.h"
#include "commands.h"
#include "db/drivernoise.h"

#include <QCoreApplication>

#include <cstring>

#include <functional>
#include <map>
#include <string_view>

using namespace lockctl;

namespace {

struct Command {
    const char *summary;
    std::function<int(Context &, const QStringList &)> run;
};

const std::map<QString, Command> &commands() {
    static const std::map<QString, Command> table{
        {QStringLiteral("migrate"), {"apply pending schema migrations", runMigrate}},
        {QStringLiteral("list"), {"list leases with remaining time", runList}},
        {QStringLiteral("acquire"), {"acquire and hold a lease", runAcquire}},
        {QStringLiteral("release"), {"release a lease (--token T or --force)", runRelease}},
        {QStringLiteral("sweep"), {"delete expired leases", runSweep}},
        {QStringLiteral("audit"), {"who swept, released or signalled what, and when", runAudit}},
        {QStringLiteral("advisory"), {"PostgreSQL advisory locks held and awaited", runAdvisory}},
        {QStringLiteral("advisory-lock"), {"take and hold an advisory lock", runAdvisoryLock}},
        {QStringLiteral("locks"), {"every lock on the PostgreSQL server, all types", runLocks}},
        {QStringLiteral("blocking"), {"who blocks whom: root blockers first", runBlocking}},
        {QStringLiteral("check"), {"monitoring plugin: exit 0 OK .. 3 UNKNOWN", runCheck}},
        {QStringLiteral("cancel-backend"), {"cancel a backend's statement", runCancelBackend}},
        {QStringLiteral("terminate-backend"), {"end a backend's session", runTerminateBackend}},
        {QStringLiteral("load"), {"generate contention and count violations", runLoad}},
        {QStringLiteral("bench"), {"benchmarks: cycle, handoff, pgbench-script", runBench}},
    };
    return table;
}

void printHelp(QTextStream &out) {
    out << "Usage: lockctl [--db URL] COMMAND [OPTIONS]\n\n"
           "Inspect and manage the aggregate_locks lease table and PostgreSQL advisory locks.\n\n"
           "Commands:\n";
    for (const auto &[name, command] : commands())
        out << "  " << name.leftJustified(19) << command.summary << '\n';
    out << "\nDatabase URL (--db, else $LOCKSCOPE_DB, else the embedded SQLite file):\n"
           "  postgres://user@host:port/database?sslmode=require   (also postgresql://)\n"
           "  sqlite:///absolute/path.db   sqlite:relative.db\n"
           "  redis://user@host:port/db?prefix=locks:   rediss://…?sslrootcert=/path/ca.crt\n"
           "    (Redis: list, acquire and release)\n"
           "Passwords come from PGPASSWORD or ~/.pgpass (Redis: REDISCLI_AUTH); a password in\n"
           "the URL works but is never printed.\n\n"
           "Durations take a unit: 250ms, 3s, 1.5s, 2m; a bare number means seconds.\n\n"
           "Exit codes: 0 ok, 1 error, 2 usage or bad input, 3 timeout or not acquired,\n"
           "4 lease changed (not held with that token), 5 (Redis) the ACL user lacks a\n"
           "permission, 6 the key is another kind (lease, semaphore, reader-writer) or\n"
           "a semaphore with other permits.\n"
           "`lockctl check` follows the monitoring-plugin convention instead: 0 OK,\n"
           "1 WARNING, 2 CRITICAL, 3 UNKNOWN (bad options and an unreachable server too).\n"
           "Run `lockctl COMMAND --help` for a command's options.\n\n"
           "A KEY that begins with '-' goes after `--`, which ends the options:\n"
           "  lockctl release --force -- -my-key\n"
        << Qt::flush;
}

// A password typed into a URL on the command line would show in `ps` for as long
// as the process runs: once Qt has copied the arguments, overwrite the password
// in the process's own argument memory (what /proc/PID/cmdline shows). The URL
// keeps its shape; libpq already has the password from the copy. The offsets are
// found in the raw bytes, never in a decoded copy: an argument that is not valid
// UTF-8 decodes to a different length, and the overwrite would land elsewhere
// (and could run past the end of the argument).
// Matches ^(--db=)?(postgres(ql)?|rediss?)://[^:/@]*:([^@]*)@ and blanks the last group.
void hidePasswordInArgument(char *arg) {
    std::string_view text(arg);
    if (text.starts_with("--db="))
        text.remove_prefix(5);
    bool scheme = false;
    for (const std::string_view prefix :
         {"postgresql://", "postgres://", "rediss://", "redis://"}) {
        if (text.starts_with(prefix)) {
            text.remove_prefix(prefix.size());
            scheme = true;
            break;
        }
    }
    if (!scheme)
        return;
    const std::size_t userEnd = text.find_first_of(":/@");
    if (userEnd == std::string_view::npos || text[userEnd] != ':')
        return;
    const std::size_t at = text.find('@', userEnd + 1);
    if (at == std::string_view::npos)
        return;
    char *password = arg + (text.data() - arg) + userEnd + 1;
    memset(password, 'x', at - userEnd - 1);
}

void hidePasswordsInArgv(int argc, char **argv) {
    for (int i = 1; i < argc; ++i)
        hidePasswordInArgument(argv[i]);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    lockscope::DriverNoise::install();
    // arguments() reads argv again: take them before the password is blanked.
    const QStringList arguments = QCoreApplication::arguments();
    hidePasswordsInArgv(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lockctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOCKSCOPE_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    Context ctx{QString(), out, err};

    // Global options may stand before or after the command: pull out --db first,
    // up to a `--`, after which everything is an argument (a key such as "--db").
    QStringList args = arguments.mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("--db")) {
            if (i + 1 >= args.size())
                return ctx.usage(QStringLiteral("--db needs a URL"));
            ctx.dbUrl = args.at(i + 1);
            args.remove(i, 2);
            --i;
        } else if (a.startsWith(QLatin1String("--db="))) {
            ctx.dbUrl = a.mid(5);
            args.remove(i);
            --i;
        }
    }
    if (args.isEmpty() || args.first() == QLatin1String("--help") ||
        args.first() == QLatin1String("-h") || args.first() == QLatin1String("help")) {
        printHelp(out);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "lockctl " << LOCKSCOPE_VERSION << Qt::endl;
        return ExitOk;
    }
    const QString name = args.takeFirst();
    const auto it = commands().find(name);
    if (it == commands().end())
        return ctx.usage(QStringLiteral("unknown command '%1'").arg(name));
    return it->second.run(ctx, args);
}
