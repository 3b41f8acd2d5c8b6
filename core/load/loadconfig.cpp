#include "load/loadconfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>

namespace lockscope {

QString LoadConfig::keyName(int index) const {
    return QStringLiteral("load/%1/k%2").arg(runId).arg(index);
}

QString LoadConfig::modeName(LoadMode mode) {
    switch (mode) {
    case LoadMode::Lease:
        return QStringLiteral("lease");
    case LoadMode::Advisory:
        return QStringLiteral("advisory");
    case LoadMode::None:
        return QStringLiteral("none");
    case LoadMode::Semaphore:
        return QStringLiteral("semaphore");
    case LoadMode::Rw:
        return QStringLiteral("rw");
    }
    return QString();
}

Result<LoadMode> LoadConfig::parseMode(const QString &name) {
    for (LoadMode m :
         {LoadMode::Lease, LoadMode::Advisory, LoadMode::None, LoadMode::Semaphore, LoadMode::Rw}) {
        if (modeName(m) == name)
            return m;
    }
    return Error{ErrorKind::InvalidArgument,
                 QCoreApplication::translate(
                     "lockscope::LoadConfig",
                     "--mode must be lease, advisory, none, semaphore or rw, not '%1'.")
                     .arg(name)};
}

QString LoadConfig::newRunId() {
    return QStringLiteral("%1-%2")
        .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("HHmmss")))
        .arg(QRandomGenerator::global()->generate() & 0xffff, 4, 16, QLatin1Char('0'));
}

Status LoadConfig::validate(bool isPostgres, bool isRedis) const {
    auto bad = [](const QString &m) {
        return Error{ErrorKind::InvalidArgument, m};
    };
    if (threads < 1 || threads > 256)
        return bad(QCoreApplication::translate("lockscope::LoadConfig",
                                               "--threads must be from 1 to 256, not %1.")
                       .arg(threads));
    if (processes < 0 || processes > 32)
        return bad(QCoreApplication::translate("lockscope::LoadConfig",
                                               "--processes must be from 0 to 32, not %1.")
                       .arg(processes));
    if (keys < 1 || keys > 100'000)
        return bad(QCoreApplication::translate("lockscope::LoadConfig",
                                               "--keys must be from 1 to 100000, not %1.")
                       .arg(keys));
    if (skew < 0 || skew > 10)
        return bad(QCoreApplication::translate("lockscope::LoadConfig",
                                               "--skew must be from 0 (uniform) to 10, not %1.")
                       .arg(skew));
    if (holdMin > holdMax)
        return bad(QCoreApplication::translate("lockscope::LoadConfig",
                                               "--hold-range must be LOW:HIGH with LOW <= HIGH."));
    if (ttl.count() < 1)
        return bad(QCoreApplication::translate("lockscope::LoadConfig",
                                               "--ttl must be longer than zero."));
    if (!duration && !count)
        return bad(QCoreApplication::translate(
            "lockscope::LoadConfig", "Give --duration or --count, so the run stops by itself."));
    if (count && *count < 1)
        return bad(
            QCoreApplication::translate("lockscope::LoadConfig", "--count must be at least 1."));
    if (mode == LoadMode::Semaphore && (permits < 1 || permits > 1000))
        return bad(QCoreApplication::translate("lockscope::LoadConfig",
                                               "--permits must be from 1 to 1000, not %1.")
                       .arg(permits));
    if (mode == LoadMode::Rw && (readers < 0 || readers > threads))
        return bad(
            QCoreApplication::translate("lockscope::LoadConfig",
                                        "--readers and --writers must add up to the threads (%1 "
                                        "readers of %2 threads).")
                .arg(readers)
                .arg(threads));
    if (admitByCounting && mode != LoadMode::Semaphore)
        return bad(QCoreApplication::translate(
            "lockscope::LoadConfig", "--admit-by-counting is the control of --mode semaphore."));
    if (noLock && mode != LoadMode::Rw)
        return bad(QCoreApplication::translate("lockscope::LoadConfig",
                                               "--no-lock is the control of --mode rw."));
    if (mode == LoadMode::Advisory && !isPostgres)
        return bad(
            QCoreApplication::translate("lockscope::LoadConfig",
                                        "--mode advisory needs PostgreSQL; this is a %1. "
                                        "Use --mode lease.")
                .arg(isRedis ? QCoreApplication::translate("lockscope::LoadConfig", "Redis server")
                             : QCoreApplication::translate("lockscope::LoadConfig",
                                                           "SQLite database")));
    return {};
}

} // namespace lockscope
