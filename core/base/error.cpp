#include "base/error.h"

namespace lockscope {

QString errorKindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Connection:
        return QStringLiteral("connection");
    case ErrorKind::Authentication:
        return QStringLiteral("authentication");
    case ErrorKind::DatabaseMissing:
        return QStringLiteral("database-missing");
    case ErrorKind::SchemaMissing:
        return QStringLiteral("schema-missing");
    case ErrorKind::SchemaMismatch:
        return QStringLiteral("schema-mismatch");
    case ErrorKind::PermissionDenied:
        return QStringLiteral("permission-denied");
    case ErrorKind::InvalidKey:
        return QStringLiteral("invalid-key");
    case ErrorKind::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case ErrorKind::NotAcquired:
        return QStringLiteral("not-acquired");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::LeaseChanged:
        return QStringLiteral("lease-changed");
    case ErrorKind::InvalidExpiry:
        return QStringLiteral("invalid-expiry");
    case ErrorKind::Unsupported:
        return QStringLiteral("unsupported");
    case ErrorKind::Busy:
        return QStringLiteral("busy");
    case ErrorKind::WrongKind:
        return QStringLiteral("wrong-kind");
    case ErrorKind::Database:
        return QStringLiteral("database");
    }
    return QStringLiteral("database");
}

} // namespace lockscope
