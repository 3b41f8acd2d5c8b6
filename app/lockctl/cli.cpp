#include "cli.h"

#include "base/duration.h"
#include "base/epochtime.h"

namespace lockctl {

using namespace lockscope;

int exitCodeFor(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::InvalidArgument:
    case ErrorKind::InvalidKey:
        return ExitUsage;
    case ErrorKind::Timeout:
    case ErrorKind::NotAcquired:
        return ExitTimeout;
    case ErrorKind::LeaseChanged:
        return ExitChanged;
    case ErrorKind::WrongKind:
        return ExitKind;
    case ErrorKind::InvalidExpiry: // it will not change by waiting: an error, not a timeout
        return ExitError;
    default:
        return ExitError;
    }
}

std::optional<ConnectionParams> Context::params() {
    auto resolved = ConnectionParams::resolve(dbUrl);
    if (!resolved.ok()) {
        fail(resolved.error());
        return std::nullopt;
    }
    if (resolved->applicationName.isEmpty()) // the URL's application_name wins
        resolved->applicationName = QStringLiteral("lockctl");
    return resolved.value();
}

int Context::fail(const Error &error) {
    err << "lockctl: " << error.message << Qt::endl;
    return exitCodeFor(error.kind);
}

int Context::usage(const QString &message) {
    err << "lockctl: " << message << " (see `lockctl --help`)" << Qt::endl;
    return ExitUsage;
}

bool parseArgs(Context &ctx, QCommandLineParser &parser, const QString &command,
               const QStringList &args, int *exitCode) {
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList argv = args;
    argv.prepend(QStringLiteral("lockctl ") + command);
    if (!parser.parse(argv)) {
        *exitCode = ctx.usage(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        ctx.out << "Usage: lockctl [--db URL] " << command << ' '
                << parser.helpText().section(QLatin1Char('\n'), 0, 0).section(QLatin1Char(' '), 3)
                << '\n'
                << parser.helpText().section(QLatin1Char('\n'), 1) << Qt::flush;
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

std::optional<std::chrono::milliseconds> durationOption(Context &ctx, const QCommandLineParser &p,
                                                        const QString &name, int *exitCode) {
    if (!p.isSet(name))
        return std::nullopt;
    auto parsed = Duration::parse(p.value(name), QStringLiteral("--") + name);
    if (!parsed.ok()) {
        *exitCode = ctx.fail(parsed.error());
        return std::nullopt;
    }
    return parsed.value();
}

QString formatEpoch(double epochSeconds) {
    return EpochTime::format(epochSeconds);
}

} // namespace lockctl
