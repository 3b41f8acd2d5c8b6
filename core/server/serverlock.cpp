#include "server/serverlock.h"

#include "advisory/advisorykey.h"

#include <QCoreApplication>
#include <algorithm>

namespace lockscope {

QString ServerLock::keyDisplay() const {
    if (!isAdvisory)
        return QString();
    return keyIsPair ? AdvisoryKey::fromPair(keyFirst, keySecond).display()
                     : AdvisoryKey::fromInt64(key).display();
}

QString ServerLock::target() const {
    const QString owner =
        ownerPid > 0
            ? QCoreApplication::translate("lockscope::ServerLock", " of pid %1").arg(ownerPid)
            : QString();
    if (locktype == QLatin1String("relation"))
        return relationKind.isEmpty() ? relation
                                      : QStringLiteral("%1 (%2)").arg(relation, relationKind);
    if (locktype == QLatin1String("tuple"))
        return QStringLiteral("%1 (%2,%3)")
            .arg(relation)
            .arg(page.value_or(0))
            .arg(tuple.value_or(0));
    if (locktype == QLatin1String("page"))
        return QCoreApplication::translate("lockscope::ServerLock", "%1 page %2")
            .arg(relation)
            .arg(page.value_or(0));
    if (locktype == QLatin1String("extend"))
        return QCoreApplication::translate("lockscope::ServerLock", "%1 (extension)").arg(relation);
    if (locktype == QLatin1String("transactionid"))
        return QCoreApplication::translate("lockscope::ServerLock", "transaction %1%2")
            .arg(transactionId, owner);
    if (locktype == QLatin1String("spectoken"))
        return QCoreApplication::translate("lockscope::ServerLock",
                                           "speculative insertion of transaction %1%2")
            .arg(transactionId, owner);
    if (locktype == QLatin1String("virtualxid"))
        return QCoreApplication::translate("lockscope::ServerLock", "virtual transaction %1%2")
            .arg(virtualXid, owner);
    if (locktype == QLatin1String("advisory"))
        return QCoreApplication::translate("lockscope::ServerLock", "advisory %1")
            .arg(keyDisplay());
    if (locktype == QLatin1String("object"))
        return object.isEmpty()
                   ? QCoreApplication::translate("lockscope::ServerLock", "object (gone)")
                   : object;
    if (locktype == QLatin1String("frozenid"))
        return QCoreApplication::translate("lockscope::ServerLock", "frozen id of database %1")
            .arg(database);
    if (!relation.isEmpty())
        return relation;
    return locktype;
}

const ServerSession *ServerLockSnapshot::session(int pid) const {
    const auto it = std::lower_bound(sessions.cbegin(), sessions.cend(), pid,
                                     [](const ServerSession &s, int p) { return s.pid < p; });
    return it != sessions.cend() && it->pid == pid ? &*it : nullptr;
}

} // namespace lockscope
