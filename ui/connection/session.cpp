#include "connection/session.h"

#include <QObject>

namespace lockscope::ui {

bool Session::isEmbedded() const {
    return params.isSqlite() && (profileName == QLatin1String("embedded") ||
                                 params.sqlitePath == ConnectionParams::embeddedDefaultPath());
}

QString Session::leaseReason() const {
    if (startedReadOnly)
        return QObject::tr("Read-only: LockScope was started with --read-only.");
    if (profileReadOnly)
        return QObject::tr("Read-only: the profile '%1' is set to read-only.").arg(profileName);
    return privileges.leaseReason;
}

QString Session::backendReason() const {
    if (startedReadOnly)
        return QObject::tr("Read-only: LockScope was started with --read-only.");
    if (profileReadOnly)
        return QObject::tr("Read-only: the profile '%1' is set to read-only.").arg(profileName);
    return privileges.backendReason;
}

} // namespace lockscope::ui
