#pragma once

#include "connection/profilestore.h"
#include "monitor/alert.h"
#include "server/serverstatus.h"

#include <QList>

#include <optional>

namespace lockscope::ui {

// One saved profile in the Servers view and what its latest probe found.
struct ServerRow {
    Profile profile;
    std::optional<ServerStatus> status; // none yet: the first probe is running
    bool probing = false;
    qint64 checkedAtMs = 0; // local clock, when the latest probe came back
    // The open alerts of this server, by the same rules as the open profile's
    // (evaluated on every probe); nullopt: not known (not reached, or not read).
    std::optional<QList<Alert>> alerts;
    // Which version of the profile this is: a new number whenever the profile
    // is edited, so a probe started for the earlier version is told apart.
    quint64 generation = 0;
};

} // namespace lockscope::ui
