#pragma once

#include "base/error.h"
#include "db/connectionparams.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <chrono>
#include <optional>

namespace lockctl {

// Exit codes, documented in the README and in `lockctl --help`.
enum Exit : int {
    ExitOk = 0,
    ExitError = 1,
    ExitUsage = 2,
    ExitTimeout = 3, // the wait ran out / not acquired
    ExitChanged = 4, // the lease is no longer held with that token
    ExitDenied = 5,  // Redis: the ACL user lacks a permission the command needs
    ExitKind = 6,    // the key is another kind (lease, semaphore, rw) or has other permits
};

// What every command gets: the database to use and the streams to write to.
struct Context {
    QString dbUrl; // from --db, may be empty (then LOCKSCOPE_DB or the default)
    QTextStream &out;
    QTextStream &err;

    // Resolves the database; on failure prints the error and returns nullopt.
    std::optional<lockscope::ConnectionParams> params();
    // Prints "lockctl: <message>" on stderr and returns the exit code for it.
    int fail(const lockscope::Error &error);
    int usage(const QString &message);
};

int exitCodeFor(lockscope::ErrorKind kind);

// Parses a subcommand's arguments; on a usage error prints it and returns false.
bool parseArgs(Context &ctx, QCommandLineParser &parser, const QString &command,
               const QStringList &args, int *exitCode);

// Parses a duration option (250ms, 3s, 2m; bare number = seconds).
std::optional<std::chrono::milliseconds> durationOption(Context &ctx, const QCommandLineParser &p,
                                                        const QString &name, int *exitCode);

QString formatEpoch(double epochSeconds);

} // namespace lockctl
