#pragma once

#include "connection/profilestore.h"
#include "server/serverstatus.h"

#include <optional>

namespace lockscope::ui {

// One saved profile in the Servers view and what its latest probe found.
struct ServerRow {
    Profile profile;
    std::optional<ServerStatus> status; // none yet: the first probe is running
    bool probing = false;
    qint64 checkedAtMs = 0; // local clock, when the latest probe came back
};

} // namespace lockscope::ui
