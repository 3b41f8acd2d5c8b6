// The real lockscope executable, started as a user would (offscreen): it
// connects, shows the first snapshot and exits cleanly.
#include "testdb.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace lockscope;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run launch(const QStringList &args, const QProcessEnvironment &env) {
    QProcess p;
    p.setProcessEnvironment(env);
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
