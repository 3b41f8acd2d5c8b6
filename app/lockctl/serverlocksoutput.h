#pragma once

#include "cli.h"
#include "server/blockingtree.h"
#include "server/serverlock.h"

#include <QJsonObject>

#include <optional>

namespace lockctl {

// What `locks`, `blocking` and `check` share: taking the snapshot, and writing
// locks and blocking nodes as JSON and as text.
namespace ServerLocksOutput {

// The snapshot of the --db server; on failure the error, and nullopt. `error`
// gets the sentence (check prints it its own way), `code` the exit code.
std::optional<lockscope::ServerLockSnapshot> take(Context &ctx, QString *error, int *code);

// The sessions connected to `database` and their locks; who blocks them stays
// in their blocked_by, so their blockers still head the blocking tree.
lockscope::ServerLockSnapshot onlyDatabase(const lockscope::ServerLockSnapshot &snap,
                                           const QString &database);

QJsonObject lockJson(const lockscope::ServerLock &lock, const lockscope::ServerLockSnapshot &snap);
QJsonObject nodeJson(const lockscope::BlockerNode &node, const lockscope::ServerLockSnapshot &snap);

// "12.3s", "4m05s", "2h07m": short, for a table.
QString shortDuration(double seconds);
// One line of untrusted text (a query), escaped and cut to `width` characters.
QString oneLine(const QString &text, int width);

} // namespace ServerLocksOutput

} // namespace lockctl
