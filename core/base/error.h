#pragma once

#include <QString>

namespace lockscope {

// What went wrong, in categories a caller can act on. The message is a full
// sentence for a person: it says what failed and what to do about it.
enum class ErrorKind {
    Connection,       // host unreachable, port closed, TLS refused, file cannot be opened
    Authentication,   // password or role refused
    DatabaseMissing,  // the named database does not exist
    SchemaMissing,    // aggregate_locks (or another LockScope table) is missing
    SchemaMismatch,   // applied migrations differ from the ones this build knows
    PermissionDenied, // the role lacks a privilege (read-only role)
    InvalidKey,       // empty, too long, or contains NUL
    InvalidArgument,  // any other bad input (durations, URLs, options)
    NotAcquired,      // a single attempt found the lock held by someone else
    Timeout,          // a bounded wait ran out
    Cancelled,        // the caller cancelled the wait
    LeaseChanged,     // the lease is no longer held with the expected token
    InvalidExpiry,    // the lease's expires_at is not a finite number: it never expires
    Unsupported,      // the operation needs another driver (advisory locks need PostgreSQL)
    Busy,             // the database was busy (SQLite lock contention) for too long
    WrongKind,        // the key is another kind of lock, or a semaphore with other permits
    Database,         // any other database error
};

struct Error {
    ErrorKind kind = ErrorKind::Database;
    QString message;
};

QString errorKindName(ErrorKind kind);

} // namespace lockscope
