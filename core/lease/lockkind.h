#pragma once

#include <QString>

namespace lockscope {

// What a holder holds. A key belongs to one kind: a plain lease (a row of the
// shared aggregate_locks table), a counting semaphore, or a reader-writer
// lease (whose holders are readers or the writer).
enum class LockKind { Lease, Semaphore, Read, Write };

namespace LockKinds {
// "lease", "semaphore", "rw": the kind of the key, as lockctl's JSON names it.
QString keyKindName(LockKind kind);
// "read" or "write" for a reader-writer holder, else empty.
QString modeName(LockKind kind);
// The largest number of permits a semaphore may have (one row per permit).
constexpr int kMaxPermits = 1000;
} // namespace LockKinds

} // namespace lockscope
