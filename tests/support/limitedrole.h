#pragma once

#include "db/connectionparams.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace lockscope::test {

// A login role created for one test on the harness's PostgreSQL server, with
// SELECT on the tables named and nothing else: a read-only role as an operator
// would set one up (say, granted aggregate_locks alone). Its password is random
// and reaches clients only through a PGPASSFILE of its own (the harness's file
// plus one line), set for the test process and its children while the object
// lives. The role and its grants are dropped with the object.
class LimitedRole final {
public:
    LimitedRole(const ConnectionParams &db, const QStringList &readable);
    ~LimitedRole();
    LimitedRole(const LimitedRole &) = delete;
    LimitedRole &operator=(const LimitedRole &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    // The same database, logged in as this role.
    const ConnectionParams &params() const { return m_params; }
    const QString &name() const { return m_name; }
    // Grants SELECT on more tables (as the database's owner).
    bool grant(const QStringList &tables);

private:
    ConnectionParams m_db;
    ConnectionParams m_params;
    QString m_name;
    QString m_error;
    QTemporaryDir m_dir;
    std::optional<QByteArray> m_previousPassFile;
};

} // namespace lockscope::test
