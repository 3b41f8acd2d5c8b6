#pragma once

#include "base/result.h"

#include <QString>

namespace lockscope {

// Lease keys are stored and shown verbatim: quotes, semicolons, newlines and
// non-ASCII text are all fine. A key must be non-empty, contain no NUL and be at
// most kMaxKeyBytes bytes of UTF-8 (the PostgreSQL btree index limit is far above).
namespace LockKey {

constexpr int kMaxKeyBytes = 1024;

Status validate(const QString &key);

} // namespace LockKey

} // namespace lockscope
