#include "support/lockctlprocess.h"

namespace lockscope::test {

QString LockctlProcess::path() {
    return QStringLiteral(LOCKSCOPE_LOCKCTL_PATH);
}

LockctlResult LockctlProcess::run(const QString &dbUrl, const QStringList &args, int timeoutMs) {
    QProcess p;
    QStringList argv;
    if (!dbUrl.isEmpty())
        argv << QStringLiteral("--db") << dbUrl;
    argv << args;
    p.start(path(), argv);
    p.closeWriteChannel();
    LockctlResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("lockctl did not finish within %1 ms").arg(timeoutMs);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QProcess *LockctlProcess::start(const QString &dbUrl, const QStringList &args) {
    auto *p = new QProcess;
    QStringList argv;
    if (!dbUrl.isEmpty())
        argv << QStringLiteral("--db") << dbUrl;
    argv << args;
    p->start(path(), argv);
    p->closeWriteChannel();
    return p;
}

} // namespace lockscope::test
