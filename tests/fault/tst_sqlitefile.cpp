// A SQLite database file LockScope cannot write: one that is read-only to the
// user, and one locked by another program's write transaction. Each gives a
// clear error and a distinct exit code, and changes nothing.
#include "database.h"
#include "lockctlprocess.h"
#include "testdb.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace lockscope;
using test::LockctlProcess;
using test::LockctlResult;

namespace {

// Runs lockctl as a user who may read but not write `path`: as root (who may
// write anything) that is `nobody`, otherwise this user after a chmod.
LockctlResult runWithoutWriteAccess(const QString &path, const QStringList &args) {
    QProcess p;
    QStringList argv{QStringLiteral("--db"), QStringLiteral("sqlite://") + path};
    argv += args;
    if (::geteuid() == 0) {
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                            LockctlProcess::path()} +
                    argv);
    } else {
        p.start(LockctlProcess::path(), argv);
    }
    LockctlResult r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList rows(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("rows"));
    QSqlQuery q(conn.db());
    QStringList out;
    q.exec(QStringLiteral("SELECT lock_key || '|' || owner_token || '|' || expires_at FROM "
                          "aggregate_locks ORDER BY lock_key"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace

class TestSqliteFile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readOnlyFile_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("acquire") << QStringList{QStringLiteral("acquire"), QStringLiteral("k")};
        QTest::newRow("release --force") << QStringList{
            QStringLiteral("release"), QStringLiteral("held"), QStringLiteral("--force")};
        QTest::newRow("sweep") << QStringList{QStringLiteral("sweep")};
        QTest::newRow("migrate") << QStringList{QStringLiteral("migrate")};
    }
    void readOnlyFile() {
        QFETCH(QStringList, args);
        // A directory anyone may enter, with a file only its owner may write.
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/lockscope-ro-XXXXXX"));
        QVERIFY(dir.isValid());
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                              QFileDevice::ExeGroup);
        ConnectionParams p;
        p.driver = Driver::Sqlite;
        p.sqlitePath = dir.path() + QStringLiteral("/locks.db");
        QCOMPARE(LockctlProcess::run(test::TestDb::urlFor(p), {QStringLiteral("migrate")}).exitCode,
                 0);
        QVERIFY(test::TestDb::exec(p, QStringLiteral("INSERT INTO aggregate_locks VALUES ('held', "
                                                     "'t', 0, 4102444800)")));
        const QStringList before = rows(p);
        QFile::setPermissions(p.sqlitePath, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther);
        if (::geteuid() != 0)
            QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                  QFileDevice::ReadOther | QFileDevice::ExeOther);

        const LockctlResult r = runWithoutWriteAccess(p.sqlitePath, args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("is read-only. Check the permissions of the file and "
                                              "its directory.")),
                 qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one sentence, no driver noise
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner);
        QFile::setPermissions(p.sqlitePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(rows(p), before);
    }

    // Another program holds a write transaction on the file: lockctl waits its
    // --wait and then says the FILE was locked (not that someone holds the lease),
    // exit 3; once the transaction ends, the same command succeeds.
    void lockedFile() {
        const ConnectionParams p = test::TestDb::freshSqlite();
        const QString url = test::TestDb::urlFor(p);
        {
            ScopedConnection other(p, QStringLiteral("other-program"));
            QVERIFY(other.ok());
            QSqlQuery q(other.db());
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO aggregate_locks VALUES ('x', 'y', 0, 1)")));

            for (const QString &wait : {QStringLiteral("1s"), QStringLiteral("0")}) {
                const auto r = LockctlProcess::run(
                    url, {QStringLiteral("acquire"), QStringLiteral("k"), QStringLiteral("--wait"),
                          wait, QStringLiteral("--hold"), QStringLiteral("0")});
                QCOMPARE(r.exitCode, 3);
                QVERIFY2(r.err.contains(QLatin1String("was locked by another connection")),
                         qPrintable(r.err));
                QVERIFY2(r.err.contains(QLatin1String("fuser")), qPrintable(r.err));
                QVERIFY(!r.err.contains(QLatin1String("another owner")));
            }
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        const auto r = LockctlProcess::run(url, {QStringLiteral("acquire"), QStringLiteral("k"),
                                                 QStringLiteral("--wait"), QStringLiteral("1s"),
                                                 QStringLiteral("--hold"), QStringLiteral("0")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(rows(p).isEmpty()); // acquired and released; the rolled-back row never existed
    }
};

QTEST_GUILESS_MAIN(TestSqliteFile)
#include "tst_sqlitefile.moc"
