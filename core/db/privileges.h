#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>
#include <QString>

namespace lockscope {

// What the connected role may do, so the GUI can disable what it may not (with
// the reason as the tooltip) instead of failing on click.
struct Privileges {
    bool canReleaseLeases = false;  // DELETE on aggregate_locks
    bool canSignalBackends = false; // superuser or a member of pg_signal_backend
    QString databaseUser;
    QString leaseReason;   // why canReleaseLeases is false
    QString backendReason; // why canSignalBackends is false

    bool readOnly() const { return !canReleaseLeases && !canSignalBackends; }
};

namespace PrivilegeCheck {
Result<Privileges> check(QSqlDatabase db, const ConnectionParams &params);
}

} // namespace lockscope
