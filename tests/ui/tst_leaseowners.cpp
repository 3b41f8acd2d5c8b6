// The Leases tab's Owner session column against real PostgreSQL sessions: a
// live LeaseManager holder (its pid), a holder that is gone, another program's
// row (unknown, then connected through the owner rule set in the window), and
// the rule dialog refusing a pattern that does not compile. Saves a screenshot.
#include "db/database.h"
#include "inspector/inspectorrefresher.h"
#include "lease/leasemanager.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "leases/ownerruledialog.h"
#include "support/pgsession.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

QString sessionCell(const MainWindow &w, const QString &key) {
    const LeaseTableModel *model = w.leaseModel();
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->rowAt(i).key == key)
            return model->index(i, LeaseTableModel::OwnerSession).data().toString();
    }
    return QStringLiteral("(no row)");
}

qint64 sessionPid(const ConnectionParams &p, const QString &applicationPattern) {
    ScopedConnection conn(p, QStringLiteral("probe"));
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE application_name LIKE ? "
                             "ORDER BY backend_start, pid LIMIT 1"));
    q.addBindValue(applicationPattern);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

class TestLeaseOwners final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    void ownerSessionColumn() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const QString url = test::TestDb::urlFor(*params);

        // A live holder in this process, named as a service would be.
        ConnectionParams service = *params;
        service.applicationName = QStringLiteral("billing-svc");
        LeaseConfig config;
        config.ownerId = QStringLiteral("worker-7");
        config.ttl = std::chrono::minutes(5);
        LeaseManager manager(service, config);
        auto live = manager.tryLock(QStringLiteral("jobs/live"));
        QVERIFY2(live.ok(), qPrintable(live.ok() ? QString() : live.error().message));
        const qint64 livePid = sessionPid(*params, QStringLiteral("billing-svc/worker-7"));
        QVERIFY(livePid > 0);
        // A holder whose process is gone, and another program with a session.
        QVERIFY(test::TestDb::exec(
            *params,
            QStringLiteral("INSERT INTO aggregate_locks VALUES "
                           "('jobs/gone', 'host:1:dead/0123456789abcdef0123456789abcdef', "
                           "extract(epoch FROM now()), extract(epoch FROM now()) + 300), "
                           "('jobs/other', 'etl@42', "
                           "extract(epoch FROM now()), extract(epoch FROM now()) + 300)")));
        test::PgSession etl(url, QStringLiteral("etl"));
        QVERIFY2(etl.ok(), qPrintable(etl.error()));

        MainWindow w;
        QAbstractItemModelTester tester(w.leaseModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.resize(1100, 380);
        w.show();
        QSignalSpy connected(&w, &MainWindow::connected);
        w.connectTo(*params, QStringLiteral("owners"));
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(w.leaseModel()->rowCount(), 3, 20000);

        QTRY_COMPARE(sessionCell(w, QStringLiteral("jobs/live")),
                     QStringLiteral("● pid %1 · idle").arg(livePid));
        QCOMPARE(sessionCell(w, QStringLiteral("jobs/gone")), QStringLiteral("✕ gone"));
        QCOMPARE(sessionCell(w, QStringLiteral("jobs/other")), QStringLiteral("—"));

        // The owner rule: a bad pattern changes nothing, a good one maps the token.
        QVERIFY(!w.setOwnerRule(QStringLiteral("([a-z]+@")));
        QVERIFY(w.setOwnerRule(QStringLiteral("^([a-z]+)@")));
        QCOMPARE(QSettings().value(QStringLiteral("leases/ownerRule")).toString(),
                 QStringLiteral("^([a-z]+)@"));
        QTRY_COMPARE_WITH_TIMEOUT(sessionCell(w, QStringLiteral("jobs/other")),
                                  QStringLiteral("● pid %1 · idle").arg(etl.pid()), 10000);

        w.leasesTab()->view()->resizeColumnsToContents();
        QTest::qWait(50);
        QVERIFY(w.grab().save(test::TestDb::artifactPath(QStringLiteral("leases-owners.png"))));

        // The holder goes away: its row says so at the next refresh.
        QVERIFY(test::TestDb::exec(
            *params, QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE application_name LIKE 'billing-svc/%'")));
        w.refresher()->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(sessionCell(w, QStringLiteral("jobs/live")),
                                  QStringLiteral("✕ gone"), 10000);
        // The tooltip of the other program's row names its session.
        w.leasesTab()->view()->resizeColumnsToContents();
        QTest::qWait(50);
        const QString dir = QDir(test::TestDb::artifactPath(QString())).absolutePath();
        QDir().mkpath(dir);
        QVERIFY(w.grab().save(test::TestDb::artifactPath(QStringLiteral("leases-owner-gone.png"))));
        w.disconnectFromDatabase();
        (void)live->release();
    }

    void ruleDialogRefusesBadPatterns() {
        OwnerRuleDialog dialog{QString()};
        QVERIFY(dialog.canAccept()); // empty: no rule
        dialog.patternEdit()->setText(QStringLiteral("([a-z]+@"));
        QVERIFY(!dialog.canAccept());
        QVERIFY2(
            dialog.verdict()->text().contains(QStringLiteral("not a valid regular expression")),
            qPrintable(dialog.verdict()->text()));
        dialog.patternEdit()->setText(QStringLiteral("^([a-z]+)@"));
        QVERIFY(dialog.canAccept());
        dialog.sampleEdit()->setText(QStringLiteral("etl@42"));
        QVERIFY2(dialog.verdict()->text().contains(QStringLiteral("“etl”")),
                 qPrintable(dialog.verdict()->text()));
        dialog.sampleEdit()->setText(QStringLiteral("ETL-42"));
        QVERIFY(dialog.verdict()->text().contains(QStringLiteral("does not match")));
    }
};

QTEST_MAIN(TestLeaseOwners)
#include "tst_leaseowners.moc"
