#pragma once

#include "admin/adminactions.h"
#include "base/result.h"
#include "db/connectionparams.h"

#include <QString>

namespace lockscope {

// The operator's release of one holder of a semaphore or reader-writer key:
// always owner-guarded (a key has several holders, so "whoever holds it" names
// nobody). Deletes the permit, the read or write share, or the waiter's place
// that `token` has under `key`, wakes the key's waiters, and records it in the
// audit log. Absent: the token holds nothing there (it was released, expired
// and was taken, or never was).
namespace HolderRelease {

Result<ForceReleaseResult> release(const ConnectionParams &params, const QString &key,
                                   const QString &token, const QString &tool);

} // namespace HolderRelease

} // namespace lockscope
