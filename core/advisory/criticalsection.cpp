#include "advisory/criticalsection.h"

#include "base/duration.h"
#include "db/connectionpool.h"
#include "db/database.h"
#include "db/localsettings.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

Status exec(QSqlDatabase db, const ConnectionParams &params, const QString &sql,
            const QVariantList &values, const QString &what) {
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return Database::exec(q, params, what);
}

} // namespace

Status CriticalSection::run(ConnectionPool &locks, ConnectionPool &work, const AdvisoryKey &key,
                            std::chrono::milliseconds timeout,
                            const std::function<Status(QSqlDatabase)> &body,
                            const CancelToken *cancel) {
    if (&locks == &work) {
        return Error{
            ErrorKind::InvalidArgument,
            QCoreApplication::translate("lockscope::CriticalSection",
                                        "A critical section needs two pools: its lock is held on a "
                                        "connection from one while its work runs on a connection "
                                        "from the other. With one shared pool every connection can "
                                        "end up holding a lock and waiting for work -- a deadlock. "
                                        "Make a second ConnectionPool for the locks.")};
    }
    const ConnectionParams &params = locks.params();
    if (!params.isPostgres())
        return Error{
            ErrorKind::Unsupported,
            QCoreApplication::translate("lockscope::CriticalSection",
                                        "Advisory locks exist only on PostgreSQL; on SQLite use a "
                                        "lease (LeaseManager) around the work.")};
    auto lockConnection = locks.acquire(timeout, cancel);
    if (!lockConnection.ok())
        return lockConnection.error();
    const QString what =
        QCoreApplication::translate("lockscope::CriticalSection", "take the advisory lock %1")
            .arg(key.display());
    // lock_timeout bounds the server-side wait, for the wait only: the pool's
    // connection is the service's and keeps its own setting (LocalSettings; the
    // session-level lock outlives the rollback that ends the setting).
    const Status locked = lockConnection->run([&](QSqlDatabase db) -> Status {
        return LocalSettings::run(
            db, params, what,
            {{QStringLiteral("lock_timeout"),
              QStringLiteral("%1ms").arg(std::max<qint64>(timeout.count(), 1))}},
            [&](const QSqlDatabase &conn) {
                return exec(conn, params,
                            QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key.sqlArguments()),
                            key.bindValues(), what);
            });
    });
    if (!locked.ok()) {
        if (locked.error().kind == ErrorKind::Busy || locked.error().kind == ErrorKind::Timeout)
            return Error{
                ErrorKind::Timeout,
                QCoreApplication::translate("lockscope::CriticalSection",
                                            "Gave up waiting for the advisory lock %1 after %2: "
                                            "another session holds it.")
                    .arg(key.display(), Duration::format(timeout))};
        return locked;
    }
    Status result;
    {
        auto workConnection = work.acquire(timeout, cancel);
        result = workConnection.ok() ? workConnection->run(body) : Status(workConnection.error());
    } // the work connection goes back before the lock is released
    const Status unlocked = lockConnection->run([&](QSqlDatabase db) {
        return exec(db, params,
                    QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key.sqlArguments()),
                    key.bindValues(),
                    QCoreApplication::translate("lockscope::CriticalSection",
                                                "release the advisory lock %1")
                        .arg(key.display()));
    });
    if (!result.ok())
        return result;
    return unlocked;
}

} // namespace lockscope
