#pragma once

#include "connection/session.h"

#include <QString>

#include <optional>

namespace lockscope::ui {

struct ConnectOutcome {
    std::optional<Session> session;
    QString error;
};

// Runs on a worker thread: opens a connection, checks the schema (the lease table
// must exist; migrations must not be from a newer LockScope) and what the role
// may do. `migrate` (the embedded default database only) creates and migrates it.
ConnectOutcome connectAndCheck(const ConnectionParams &params, const QString &profileName,
                               bool profileReadOnly, bool migrate);

} // namespace lockscope::ui
