#pragma once

#include "base/result.h"

#include <QString>

namespace lockscope {

// Lease keys are stored and shown verbatim: quotes, semicolons, newlines and
// non-ASCII text are all fine. A key must be non-empty, contain no NUL and be at
// most kMaxKeyBytes bytes of UTF-8 (the PostgreSQL btree index limit is far above).
namespace LockKey {

constexpr int kMaxKeyBytes = 1024;

// For a key to acquire: the rules above.
Status validate(const QString &key);

// For a key that may already be in the table (force release): other programs
// write keys of any length, even empty ones, and whatever is listed must be
// releasable. Only a NUL is refused: no text column holds one, and a driver
// would cut the key there (and then release another lease).
Status validateExisting(const QString &key);

} // namespace LockKey

} // namespace lockscope
