// The real lockscope executable, started as a user would (offscreen): it
// connects, shows the first snapshot and exits cleanly.
#include "db/migrator.h"
#include "support/testdb.h"

#include <QDir>
#include <QFile>

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace lockscope;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// As root, `asNobody` runs it as the user nobody (for a file only root may write).
Run launch(const QStringList &args, const QProcessEnvironment &env, bool asNobody = false) {
    QProcess p;
    p.setProcessEnvironment(env);
    if (asNobody)
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                            QStringLiteral(LOCKSCOPE_GUI_PATH)} +
                    args);
    else
        p.start(QStringLiteral(LOCKSCOPE_GUI_PATH), args);
    Run r;
    if (!p.waitForFinished(90000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestLockscopeLaunch final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void connectsAndExitsCleanly_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void connectsAndExitsCleanly() {
        LOCKSCOPE_FRESH_DB(params);
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        const QString shot = home.path() + QStringLiteral("/window.png");
        const Run r = launch({QStringLiteral("--db"), test::TestDb::urlFor(params),
                              QStringLiteral("--smoke-test"), QStringLiteral("--screenshot"), shot},
                             env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("lockscope: connected to")),
                 qPrintable(r.out + r.err));
        QVERIFY(QFileInfo(shot).size() > 1000);
    }

    // With no --db and no LOCKSCOPE_DB it creates and migrates the embedded
    // default file in the user's data directory.
    void embeddedDefaultIsCreated() {
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
        env.remove(QStringLiteral("LOCKSCOPE_DB"));
        const Run r = launch({QStringLiteral("--smoke-test")}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo::exists(home.path() + QStringLiteral("/data/lockscope/lockscope.db")));
    }

    // A SQLite file the user may read but not write opens read-only: the rows
    // show, and the window says read-only instead of failing to connect.
    void readOnlySqliteFileOpensReadOnly() {
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/lockscope-rogui-XXXXXX"));
        const QFileDevice::Permissions everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                  QFileDevice::WriteOther | QFileDevice::ExeOther;
        QFile::setPermissions(dir.path(), everyone); // settings and the screenshot go here
        const QString dbDir = dir.path() + QStringLiteral("/db");
        QVERIFY(QDir().mkdir(dbDir));
        ConnectionParams p;
        p.driver = Driver::Sqlite;
        p.sqlitePath = dbDir + QStringLiteral("/locks.db");
        QVERIFY(Migrator::migrate(p).ok());
        QVERIFY(test::TestDb::exec(p, QStringLiteral("INSERT INTO aggregate_locks VALUES "
                                                     "('shown', 't', 0, 4102444800)")));
        QFile::setPermissions(p.sqlitePath, QFileDevice::ReadOwner | QFileDevice::ReadOther);
        QFile::setPermissions(dbDir, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                         QFileDevice::ReadOther | QFileDevice::ExeOther);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path());
        env.insert(QStringLiteral("HOME"), dir.path());
        const QString shot = test::TestDb::artifactPath(QStringLiteral("read-only-sqlite.png"));
        const QString tmpShot = dir.path() + QStringLiteral("/window.png");
        const Run r =
            launch({QStringLiteral("--db"), QStringLiteral("sqlite://") + p.sqlitePath,
                    QStringLiteral("--smoke-test"), QStringLiteral("--screenshot"), tmpShot},
                   env, ::geteuid() == 0);
        QFile::setPermissions(dbDir, everyone);
        QFile::setPermissions(p.sqlitePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("1 lease(s) shown")), qPrintable(r.out + r.err));
        QVERIFY(QFileInfo(tmpShot).size() > 1000);
        QFile::remove(shot);
        QFile::copy(tmpShot, shot);
    }

    void badUrlIsAClearError() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const Run r = launch(
            {QStringLiteral("--db"), QStringLiteral("mysql://x/y"), QStringLiteral("--smoke-test")},
            env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("scheme 'mysql' is not supported")),
                 qPrintable(r.err));
        const Run missing =
            launch({QStringLiteral("--db"), QStringLiteral("sqlite:///nonexistent-lockscope/x.db"),
                    QStringLiteral("--smoke-test")},
                   env);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QLatin1String("does not exist")), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestLockscopeLaunch)
#include "tst_lockscopelaunch.moc"
