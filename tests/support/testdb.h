#pragma once

#include "db/connectionparams.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace lockscope::test {

// Real databases for tests, never mocks.
//
// PostgreSQL comes from the harness (scripts/pg-harness, started by scripts/test),
// which exports LOCKSCOPE_TEST_PG_URL. Every call to freshPostgres() creates a new,
// empty database on that server, so tests never see each other's rows. Without the
// harness a PostgreSQL test skips -- except under CI=true, where it fails.
class TestDb final {
public:
    // "sqlite" or "postgres": a fresh, migrated database of that kind, or nullopt
    // with `why` set (then call skipOrFail).
    static std::optional<ConnectionParams> fresh(const QString &backend, QString *why,
                                                 bool migrate = true);
    static std::optional<ConnectionParams> freshPostgres(QString *why, bool migrate = true);
    static ConnectionParams freshSqlite(bool migrate = true);

    // The same database, logged in as the read-only role (lockscope_ro), which is
    // granted SELECT on the LockScope tables there.
    static std::optional<ConnectionParams> readOnlyRole(const ConnectionParams &db, QString *why);

    // Runs SQL as the database's owner role, on a connection of its own.
    static bool exec(const ConnectionParams &db, const QString &sql, QString *error = nullptr);

    // The password of the harness's application role (its file), for a test
    // that needs it in hand: passing it in a URL, or reaching the server
    // through a proxy on another port, where ~/.pgpass has no line for it.
    static std::optional<QString> harnessPassword(QString *why);

    // The URL a child process (lockctl) can use for the same database.
    static QString urlFor(const ConnectionParams &db);

    static bool ciMode();
    static bool postgresAvailable();

    // A directory that lives until the test process ends.
    static QString scratchDir();
    // Where a test saves what a person should look at (screenshots):
    // $LOCKSCOPE_TEST_ARTIFACTS, else ./test-artifacts.
    static QString artifactPath(const QString &name);
};

} // namespace lockscope::test

// Skips (outside CI) or fails (in CI) when a backend is not available.
#define LOCKSCOPE_SKIP_OR_FAIL(why)                                                                \
    do {                                                                                           \
        if (lockscope::test::TestDb::ciMode())                                                     \
            QFAIL(                                                                                 \
                qPrintable(QStringLiteral("CI=true and the database is unavailable: ") + (why)));  \
        QSKIP(qPrintable(why));                                                                    \
    } while (false)

// Declares `params` as a fresh database of the backend named by the data tag column
// "backend", or skips/fails.
#define LOCKSCOPE_FRESH_DB(params)                                                                 \
    QFETCH(QString, backend);                                                                      \
    QString params##Why;                                                                           \
    const auto params##Opt = lockscope::test::TestDb::fresh(backend, &params##Why);                \
    if (!params##Opt)                                                                              \
        LOCKSCOPE_SKIP_OR_FAIL(params##Why);                                                       \
    const lockscope::ConnectionParams params = *params##Opt

// Adds the "backend" column and one row per backend.
#define LOCKSCOPE_BACKENDS_DATA()                                                                  \
    QTest::addColumn<QString>("backend");                                                          \
    QTest::newRow("sqlite") << QStringLiteral("sqlite");                                           \
    QTest::newRow("postgres") << QStringLiteral("postgres")
