#pragma once

#include "db/connectionparams.h"
#include "db/privileges.h"

#include <QString>

namespace lockscope::ui {

// What the GUI knows about the database it is connected to.
struct Session {
    ConnectionParams params;
    QString profileName;
    Privileges privileges;
    bool profileReadOnly = false; // chosen per profile, whatever the role may do
    bool startedReadOnly = false; // lockscope --read-only: every connection is read-only

    bool canReleaseLeases() const { return !profileReadOnly && privileges.canReleaseLeases; }
    bool canSignalBackends() const { return !profileReadOnly && privileges.canSignalBackends; }
    // The load generator and the demo write leases and their own tables.
    bool canRunLoad() const { return !profileReadOnly; }
    // LockScope's own SQLite file (the default when no database is named), where a
    // demo load may run without asking.
    bool isEmbedded() const;
    QString leaseReason() const;
    QString backendReason() const;
};

} // namespace lockscope::ui
