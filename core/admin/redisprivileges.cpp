#include "admin/redisprivileges.h"

#include "admin/redisauditlog.h"
#include "lease/redisleasescripts.h"
#include "redis/redisconnection.h"

#include <QCoreApplication>

namespace lockscope {

Result<Privileges> RedisPrivileges::check(RedisConnection &connection) {
    const ConnectionParams &params = connection.params();
    Privileges p;
    p.databaseUser = params.user.isEmpty() ? QStringLiteral("default") : params.user;
    p.backendReason = QCoreApplication::translate("lockscope::RedisPrivileges",
                                                  "Redis has no sessions to cancel or terminate.");
    const QByteArray unknownScript(40, '0');
    auto replies = connection.pipeline(
        {{"EVALSHA", unknownScript, "1",
          RedisLeaseScripts::leaseKey(params, QStringLiteral("lockscope-permission-probe"))},
         {"XADD", RedisAuditLog::streamKey(params), "MAXLEN", "~",
          QByteArray::number(RedisAuditLog::kMaxEntries), "*"}});
    if (!replies.ok())
        return replies.error();
    auto denied = [](const RedisReply &r) {
        return r.isError() && r.str.startsWith("NOPERM");
    };
    QStringList missing;
    if (denied(replies->at(0)))
        missing << QCoreApplication::translate("lockscope::RedisPrivileges",
                                               "EVALSHA (the compare-and-delete release script)");
    if (denied(replies->at(1)))
        missing << QCoreApplication::translate("lockscope::RedisPrivileges",
                                               "XADD on the audit stream %1")
                       .arg(QString::fromUtf8(RedisAuditLog::streamKey(params)));
    p.canReleaseLeases = missing.isEmpty();
    if (!missing.isEmpty())
        p.leaseReason =
            QCoreApplication::translate("lockscope::RedisPrivileges",
                                        "Read-only: the Redis user '%1' may not run %2. Grant it "
                                        "in the server's ACL (ACL SETUSER), or connect as "
                                        "another user.")
                .arg(p.databaseUser, missing.join(QStringLiteral(" or ")));
    return p;
}

} // namespace lockscope
