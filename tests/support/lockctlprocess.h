#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace lockscope::test {

// Runs the real lockctl executable (built beside the tests).
struct LockctlResult {
    int exitCode = -1;
    QString out;
    QString err;
};

class LockctlProcess final {
public:
    static QString path();
    // Runs to completion (bounded by timeoutMs) and returns the exit code and output.
    static LockctlResult run(const QString &dbUrl, const QStringList &args, int timeoutMs = 30000);
    // Starts in the background; the caller owns and must wait for the process.
    static QProcess *start(const QString &dbUrl, const QStringList &args);
};

} // namespace lockscope::test
