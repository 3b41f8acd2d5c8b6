#include "db/sqlitestatement.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <dlfcn.h>
#include <sqlite3.h>

#include <cstring>

namespace lockscope {

namespace {

sqlite3 *handleOf(const QSqlDatabase &db) {
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || std::strcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

Error errorOf(sqlite3 *db, int code, const ConnectionParams &params, const QString &what) {
    const QSqlError error(QString(), QString::fromUtf8(sqlite3_errmsg(db)),
                          QSqlError::StatementError, QString::number(code));
    return Database::classify(error, params, what);
}

// The libsqlite3 a loaded shared object resolves `sqlite3_open_v2` to, as the
// dynamic linker does for it (itself, then its dependencies).
void *sqliteOf(const void *addressInObject) {
    Dl_info info{};
    if (dladdr(addressInObject, &info) == 0 || !info.dli_fname)
        return nullptr;
    void *object = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
    if (!object)
        return nullptr;
    void *symbol = dlsym(object, "sqlite3_open_v2");
    dlclose(object);
    return symbol;
}

} // namespace

SqliteStatement::SqliteStatement(sqlite3 *db, sqlite3_stmt *statement, ConnectionParams params)
    : m_db(db)
    , m_statement(statement)
    , m_params(std::move(params)) {}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(m_statement);
}

bool SqliteStatement::sharesLibrary(const QSqlDatabase &db) {
    // Asked once per process: the plugin is the same for every connection.
    static const bool shared = [&db] {
        const QSqlDriver *driver = db.driver();
        if (!driver || !handleOf(db))
            return false;
        // The driver's meta-object (static data of QSQLiteDriver) lives in
        // the plugin, so its address names the plugin's file.
        void *theirs = sqliteOf(driver->metaObject());
        return theirs != nullptr && theirs == reinterpret_cast<void *>(&sqlite3_open_v2);
    }();
    return shared;
}

Result<std::unique_ptr<SqliteStatement>> SqliteStatement::prepare(const QSqlDatabase &db,
                                                                  const ConnectionParams &params,
                                                                  const QString &sql) {
    sqlite3 *handle = handleOf(db);
    if (!handle || !sharesLibrary(db))
        return Error{ErrorKind::Unsupported,
                     QCoreApplication::translate(
                         "lockscope::SqliteStatement",
                         "The Qt SQLite driver in use carries its own copy of SQLite, "
                         "which LockScope cannot share. Install the Qt SQLite driver "
                         "that links the system libsqlite3 (Debian: "
                         "libqt6sql6-sqlite).")};
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(handle, text.constData(), int(text.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return errorOf(
            handle, rc, params,
            QCoreApplication::translate("lockscope::SqliteStatement", "prepare a statement"));
    }
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(handle, statement, params));
}

Result<int> SqliteStatement::exec(std::initializer_list<Value> values,
                                  const std::function<QString()> &what,
                                  const std::function<void(const SqliteStatement &)> &row) {
    int index = 1;
    for (const Value &value : values) {
        if (const auto *text = std::get_if<QByteArray>(&value))
            sqlite3_bind_text(m_statement, index, text->constData(), int(text->size()),
                              SQLITE_TRANSIENT);
        else
            sqlite3_bind_double(m_statement, index, std::get<double>(value));
        ++index;
    }
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(m_statement)) == SQLITE_ROW) {
        if (row)
            row(*this);
    }
    if (rc != SQLITE_DONE) {
        // The error belongs to the step; reset() repeats it and clears it.
        Error e = errorOf(m_db, rc, m_params, what());
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        return e;
    }
    const int changed = sqlite3_changes(m_db);
    sqlite3_reset(m_statement);
    return changed;
}

double SqliteStatement::columnDouble(int column) const {
    return sqlite3_column_double(m_statement, column);
}

qint64 SqliteStatement::columnInt64(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

bool SqliteStatement::columnIsNull(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

} // namespace lockscope
