#include "lease/lockkind.h"

namespace lockscope {

QString LockKinds::keyKindName(LockKind kind) {
    switch (kind) {
    case LockKind::Lease:
        return QStringLiteral("lease");
    case LockKind::Semaphore:
        return QStringLiteral("semaphore");
    case LockKind::Read:
    case LockKind::Write:
        return QStringLiteral("rw");
    }
    return QStringLiteral("lease");
}

QString LockKinds::modeName(LockKind kind) {
    if (kind == LockKind::Read)
        return QStringLiteral("read");
    if (kind == LockKind::Write)
        return QStringLiteral("write");
    return {};
}

} // namespace lockscope
