#include "db/database.h"

#include "db/sqlitebusybound.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

namespace lockscope {

namespace {

QString scrub(QString text, const ConnectionParams &params) {
    if (!params.password.isEmpty())
        text.replace(params.password, QStringLiteral("***"));
    return text.trimmed()
        .replace(QLatin1Char('\n'), QLatin1Char(' '))
        .replace(QLatin1Char('\t'), QLatin1Char(' '));
}

QString where(const ConnectionParams &params) {
    if (params.isSqlite())
        return params.sqlitePath;
    return QStringLiteral("%1:%2")
        .arg(params.host.isEmpty() ? QStringLiteral("localhost") : params.host)
        .arg(params.port);
}

// libpq says 'connection to server at "h", port p failed: FATAL:  reason\n\tHint…':
// keep the reason, drop the prefix, the severity and the multi-line hint.
QString libpqReason(QString text) {
    text = text.section(QLatin1Char('\n'), 0, 0);
    const qsizetype failed = text.lastIndexOf(QLatin1String("failed: "));
    if (failed >= 0)
        text = text.mid(failed + 8);
    for (const char *severity : {"FATAL:", "ERROR:"}) {
        if (text.startsWith(QLatin1String(severity)))
            text = text.mid(static_cast<qsizetype>(qstrlen(severity)));
    }
    text = text.simplified();
    while (text.endsWith(QLatin1Char('.')) || text.endsWith(QLatin1Char('?')))
        text.chop(1);
    return text;
}

Error classifyOpen(const QSqlError &error, const ConnectionParams &params) {
    const QString raw = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString reason = scrub(params.isPostgres() ? libpqReason(raw) : raw, params);
    const QString lower = reason.toLower();
    if (params.isSqlite()) {
        return Error{ErrorKind::Connection,
                     QCoreApplication::translate(
                         "lockscope::Database",
                         "Cannot open the SQLite database %1: %2. Check that the path "
                         "is a file you may read and write.")
                         .arg(params.sqlitePath, reason)};
    }
    if (lower.contains(QLatin1String("password authentication failed")) ||
        lower.contains(QLatin1String("no password supplied")) ||
        lower.contains(QLatin1String("authentication failed")) ||
        lower.contains(QLatin1String("no pg_hba.conf entry"))) {
        return Error{ErrorKind::Authentication,
                     QCoreApplication::translate(
                         "lockscope::Database",
                         "PostgreSQL at %1 refused the login of role '%2': %3. Check "
                         "the user name and the password (PGPASSWORD or ~/.pgpass).")
                         .arg(where(params), params.user, reason)};
    }
    if (lower.contains(QLatin1String("does not exist")) &&
        lower.contains(QLatin1String("database"))) {
        return Error{ErrorKind::DatabaseMissing,
                     QCoreApplication::translate(
                         "lockscope::Database",
                         "The database '%1' does not exist on %2. Check the database "
                         "name in the URL, or create it with createdb.")
                         .arg(params.database, where(params))};
    }
    if (lower.contains(QLatin1String("ssl")) || lower.contains(QLatin1String("certificate"))) {
        return Error{
            ErrorKind::Connection,
            QCoreApplication::translate("lockscope::Database",
                                        "TLS to PostgreSQL at %1 failed: %2. Check sslmode and the "
                                        "certificate authority (sslrootcert).")
                .arg(where(params), reason)};
    }
    return Error{ErrorKind::Connection,
                 QCoreApplication::translate(
                     "lockscope::Database",
                     "Cannot connect to PostgreSQL at %1: %2. Check the host and port, "
                     "and that the server is running and accepts TCP connections.")
                     .arg(where(params), reason)};
}

QAtomicInteger<quint64> g_scopedSerial;

} // namespace

namespace {

Error missingDriver(const ConnectionParams &params) {
    return Error{ErrorKind::Unsupported,
                 QCoreApplication::translate("lockscope::Database",
                                             "The Qt SQL driver %1 is not installed. Install %2.")
                     .arg(params.qtDriverName(), params.isPostgres()
                                                     ? QStringLiteral("libqt6sql6-psql")
                                                     : QStringLiteral("libqt6sql6-sqlite"))};
}

Error removeWith(const QString &name, QSqlDatabase &db, const Error &e) {
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
    return e;
}

// How to open a SQLite file this user may only read: read-only, so listing
// and the inspector work and every write is refused as read-only. In WAL mode
// a reader needs the -shm file: while the owner's program has the file open it
// exists and is shared read-only; when nobody has it open and the directory is
// not writable either, nothing can change the file, so it is read as immutable
// (without locks) — unless a -wal file holds writes not yet merged, which an
// immutable read would silently miss.
enum class SqliteAccess { ReadWrite, ReadOnly, Immutable };

Result<QSqlDatabase> openSqlite(const ConnectionParams &params, const QString &name,
                                SqliteAccess access) {
    QSqlDatabase db = QSqlDatabase::addDatabase(params.qtDriverName(), name);
    if (!db.isValid())
        return removeWith(name, db, missingDriver(params));
    QString options =
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(SqliteBusyBound::openedWith().count());
    if (access == SqliteAccess::Immutable) {
        options += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
        QUrl uri = QUrl::fromLocalFile(QFileInfo(params.sqlitePath).absoluteFilePath());
        uri.setQuery(QStringLiteral("immutable=1"));
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
    } else {
        if (access == SqliteAccess::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setDatabaseName(params.sqlitePath);
    }
    db.setConnectOptions(options);
    if (!db.open())
        return removeWith(name, db, classifyOpen(db.lastError(), params));
    QSqlQuery pragma(db);
    if (access == SqliteAccess::ReadWrite) {
        // WAL lets readers (the inspector) run beside writers; it is a property
        // of the file, so setting it again is harmless.
        pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        if (pragma.lastError().isValid() &&
            pragma.lastError().nativeErrorCode() != QLatin1String("8")) {
            const Error e = Database::classify(
                pragma.lastError(), params,
                QCoreApplication::translate("lockscope::Database", "open the database"));
            pragma = QSqlQuery();
            return removeWith(name, db, e);
        }
        pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        return db;
    }
    // Reading the schema is the first read: it fails here, not in the caller's
    // query, when a WAL file cannot be read without writing.
    if (pragma.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
        return db;
    const QSqlError error = pragma.lastError();
    const Error e = Database::classify(
        error, params, QCoreApplication::translate("lockscope::Database", "read the database"));
    pragma = QSqlQuery();
    removeWith(name, db, e);
    // 8 SQLITE_READONLY, 14 SQLITE_CANTOPEN: the -shm (or -wal) cannot be made.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    if (access == SqliteAccess::ReadOnly && (code == 8 || code == 14)) {
        if (QFileInfo::exists(params.sqlitePath + QStringLiteral("-wal"))) {
            return Error{ErrorKind::PermissionDenied,
                         QCoreApplication::translate(
                             "lockscope::Database",
                             "Cannot read the SQLite database %1: it is read-only for "
                             "you and its write-ahead log %1-wal has not been merged "
                             "into it. Open it once as a user who may write it (any "
                             "lockctl command does), then read it again.")
                             .arg(params.sqlitePath)};
        }
        return openSqlite(params, name, SqliteAccess::Immutable);
    }
    return e;
}

} // namespace

Result<QSqlDatabase> Database::open(const ConnectionParams &params, const QString &name,
                                    Access access) {
    if (params.isRedis()) {
        return Error{ErrorKind::Unsupported,
                     QCoreApplication::translate(
                         "lockscope::Database",
                         "This works on PostgreSQL and SQLite only, not on Redis (%1). "
                         "On Redis, lockctl offers list, acquire, release, audit, load "
                         "and bench cycle.")
                         .arg(params.displayUrl())};
    }
    if (params.isSqlite()) {
        const QFileInfo file(params.sqlitePath);
        const QFileInfo dir(file.absolutePath());
        if (!dir.exists()) {
            return Error{ErrorKind::Connection,
                         QCoreApplication::translate(
                             "lockscope::Database",
                             "Cannot open the SQLite database %1: the directory %2 does "
                             "not exist. Create it first, or choose another path.")
                             .arg(params.sqlitePath, dir.absoluteFilePath())};
        }
        if (file.isDir()) {
            return Error{ErrorKind::Connection,
                         QCoreApplication::translate(
                             "lockscope::Database",
                             "Cannot open the SQLite database %1: it is a directory. "
                             "Give the path of a database file.")
                             .arg(params.sqlitePath)};
        }
        if (access == Access::ReadOnly && !file.exists()) {
            return Error{
                ErrorKind::Connection,
                QCoreApplication::translate("lockscope::Database",
                                            "Cannot open the SQLite database %1: there is no such "
                                            "file. Check the path (LockScope creates the file only "
                                            "when it writes to it).")
                    .arg(params.sqlitePath)};
        }
        const bool readOnly = access == Access::ReadOnly ||
                              (file.exists() && file.isReadable() && !file.isWritable());
        return openSqlite(params, name,
                          readOnly ? SqliteAccess::ReadOnly : SqliteAccess::ReadWrite);
    }
    if (const QString why = params.unsafeOption(); !why.isEmpty()) {
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate("lockscope::Database",
                                                 "Cannot connect to PostgreSQL at %1: %2.")
                         .arg(where(params), why)};
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(params.qtDriverName(), name);
    if (!db.isValid())
        return removeWith(name, db, missingDriver(params));
    db.setHostName(params.host);
    db.setPort(params.port);
    db.setDatabaseName(params.database);
    db.setUserName(params.user);
    db.setPassword(params.password);
    db.setConnectOptions(params.postgresConnectOptions());
    if (!db.open())
        return removeWith(name, db, classifyOpen(db.lastError(), params));
    // libpq prints NOTICEs ("relation … already exists, skipping") on stderr.
    QSqlQuery quiet(db);
    quiet.exec(QStringLiteral("SET client_min_messages = warning"));
    return db;
}

void Database::close(const QString &name) {
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool Database::isConnectionLost(const QSqlError &error) {
    // Qt reports any failed SQLite step as a ConnectionError, a busy file too:
    // that is contention, to wait out on the same connection, not a reason
    // to close and reopen it. (Not for PostgreSQL's five-character codes: a
    // standby ends a session with FATAL 40001 on a recovery conflict.)
    if (error.nativeErrorCode().size() != 5 && isContention(error))
        return false;
    if (error.type() == QSqlError::ConnectionError)
        return true;
    const QString code = error.nativeErrorCode();
    if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") ||
        code == QLatin1String("57P02") || code == QLatin1String("57P03"))
        return true;
    const QString text = error.databaseText().toLower();
    return text.contains(QLatin1String("server closed the connection")) ||
           text.contains(QLatin1String("no connection to the server")) ||
           text.contains(QLatin1String("terminating connection")) ||
           text.contains(QLatin1String("connection to server"));
}

bool Database::isContention(const QSqlError &error) {
    const QString code = error.nativeErrorCode();
    // PostgreSQL's SQLSTATE is always five characters, and may be all digits
    // (42501 is permission denied): never read it as a SQLite code.
    if (code.size() == 5)
        return code == QLatin1String("40001") || code == QLatin1String("40P01") ||
               code == QLatin1String("55P03");
    // SQLite: 5 SQLITE_BUSY, 6 SQLITE_LOCKED (extended codes keep the low byte).
    bool isNumber = false;
    const int sqliteCode = code.toInt(&isNumber);
    return isNumber && ((sqliteCode & 0xff) == 5 || (sqliteCode & 0xff) == 6);
}

Error Database::classify(const QSqlError &error, const ConnectionParams &params,
                         const QString &what) {
    const QString raw = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString code = error.nativeErrorCode();
    // PostgreSQL's text goes on with "LINE 1: <the statement>" and a caret:
    // keep its first line, with the SQLSTATE a DBA can look up.
    QString reason = scrub(params.isPostgres() ? libpqReason(raw) : raw, params);
    if (params.isPostgres() && code.size() == 5 && !reason.contains(code))
        reason += QStringLiteral(" (SQLSTATE %1)").arg(code);
    const QString lower = reason.toLower();
    const QString db = params.isSqlite() ? params.sqlitePath : params.database;
    if (code == QLatin1String("42P01") || lower.contains(QLatin1String("no such table"))) {
        return Error{
            ErrorKind::SchemaMissing,
            QCoreApplication::translate("lockscope::Database",
                                        "Cannot %1: a LockScope table is missing in %2 (%3). Run "
                                        "`lockctl migrate` to create it.")
                .arg(what, db, reason)};
    }
    if (code == QLatin1String("42501")) {
        return Error{ErrorKind::PermissionDenied,
                     QCoreApplication::translate(
                         "lockscope::Database",
                         "Cannot %1: permission denied to role '%2' (%3). Use a role "
                         "with that privilege; this one can only inspect.")
                         .arg(what, params.user, reason)};
    }
    bool isNumber = false;
    const int sqliteCode = code.toInt(&isNumber) & 0xff;
    if (params.isSqlite() && isNumber && code.size() < 5) {
        if (sqliteCode == 8) {
            return Error{ErrorKind::PermissionDenied,
                         QCoreApplication::translate(
                             "lockscope::Database",
                             "Cannot %1: the SQLite database %2 is read-only. Check the "
                             "permissions of the file and its directory.")
                             .arg(what, db)};
        }
        if (sqliteCode == 26 || sqliteCode == 11) {
            return Error{ErrorKind::Connection,
                         QCoreApplication::translate(
                             "lockscope::Database",
                             "Cannot %1: %2 is not a valid SQLite database (%3). Point "
                             "LockScope at another file, or restore this one.")
                             .arg(what, db, reason)};
        }
        if (sqliteCode == 5 || sqliteCode == 6) {
            return Error{ErrorKind::Busy,
                         QCoreApplication::translate(
                             "lockscope::Database",
                             "Cannot %1: the SQLite database %2 stayed locked by another "
                             "connection. Try again, or find the process holding it.")
                             .arg(what, db)};
        }
    }
    if (code == QLatin1String("40001") || code == QLatin1String("40P01") ||
        code == QLatin1String("55P03")) {
        return Error{ErrorKind::Busy,
                     QCoreApplication::translate(
                         "lockscope::Database",
                         "Cannot %1: the database reported a conflict with a concurrent "
                         "transaction (%2). Try again.")
                         .arg(what, reason)};
    }
    if (code == QLatin1String("57014")) {
        return Error{ErrorKind::Timeout,
                     QCoreApplication::translate(
                         "lockscope::Database",
                         "Cannot %1: the statement was cancelled or ran past its "
                         "timeout (%2). The server may be heavily locked; try again.")
                         .arg(what, reason)};
    }
    // QSQLITE calls any failed step a ConnectionError; a file has no server to
    // check (its own failures -- locked, read-only, not a database -- are above).
    if (isConnectionLost(error) && !params.isSqlite()) {
        return Error{ErrorKind::Connection,
                     QCoreApplication::translate(
                         "lockscope::Database",
                         "Cannot %1: the connection to %2 was lost (%3). Check that the "
                         "server is running; LockScope reconnects on the next try.")
                         .arg(what, params.isSqlite() ? params.sqlitePath : where(params), reason)};
    }
    return Error{
        ErrorKind::Database,
        QCoreApplication::translate("lockscope::Database", "Cannot %1: %2").arg(what, reason)};
}

QString Database::nowSql(Driver driver) {
    if (driver == Driver::Postgres)
        return QStringLiteral("extract(epoch from clock_timestamp())::float8");
    // The system SQLite (3.40) answers unixepoch('now','subsec') with NULL.
    return QStringLiteral("((julianday('now') - 2440587.5) * 86400.0)");
}

Status Database::exec(QSqlQuery &query, const ConnectionParams &params, const QString &what) {
    if (query.exec())
        return {};
    return classify(query.lastError(), params, what);
}

ScopedConnection::ScopedConnection(const ConnectionParams &params, const QString &purpose,
                                   Database::Access access)
    : m_params(params)
    , m_name(QStringLiteral("lockscope-%1-%2").arg(purpose).arg(++g_scopedSerial)) {
    auto opened = Database::open(params, m_name, access);
    if (!opened.ok())
        m_error = opened.error();
}

ScopedConnection::~ScopedConnection() {
    if (!m_error)
        Database::close(m_name);
}

QSqlDatabase ScopedConnection::db() const {
    return QSqlDatabase::database(m_name, false);
}

} // namespace lockscope
