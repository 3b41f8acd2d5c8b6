// The Leases tab as a role that may read aggregate_locks (and the tables of semaphores and
// reader-writer leases) but neither lockscope_fences nor lockscope_schema_migrations, on real
// PostgreSQL with a role the test creates, in the real window on the offscreen platform: the
// window connects (which migrations were applied is not needed to show leases), the leases are
// shown, and a sentence above the table names lockscope_fences and the GRANT that would show the
// fences -- no error. Granting the table brings the fences back and the sentence goes. Before,
// the connection failed with "permission denied"; the control checks both tables are refused.
#include "common/prompter.h"
#include "db/database.h"
#include "inspector/inspectorrefresher.h"
#include "lease/leasemanager.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "support/limitedrole.h"
#include "support/testdb.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lockscope;
using namespace lockscope::ui;

namespace {

// Records what the window would have shown in a dialog (none is expected).
class RecordingPrompter final : public Prompter {
public:
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &text) override {
        told << text;
        return false;
    }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
};

} // namespace

class TestLeasesGrants final : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }
    void cleanup() { Prompter::install(nullptr); }

    void leasesTabSaysWhichGrantIsMissing() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*params);
        auto lease = manager.tryLock(QStringLiteral("plain/one"));
        QVERIFY(lease.ok());
        QVERIFY(lease->fence().has_value());
        test::LimitedRole role(*params, {QStringLiteral("aggregate_locks"),
                                         QStringLiteral("lockscope_lock_kinds"),
                                         QStringLiteral("lockscope_semaphore_slots"),
                                         QStringLiteral("lockscope_rw_holders")});
        QVERIFY2(role.ok(), qPrintable(role.error()));
        {
            // The control: both tables are really refused to the role.
            ScopedConnection conn(role.params(), QStringLiteral("grants-control"));
            QVERIFY2(conn.ok(), qPrintable(conn.ok() ? QString() : conn.error().message));
            for (const QString &table : {QStringLiteral("lockscope_fences"),
                                         QStringLiteral("lockscope_schema_migrations")}) {
                QSqlQuery q(conn.db());
                QVERIFY(!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)));
                QVERIFY(q.lastError().text().contains(QLatin1String("permission denied")));
            }
        }

        auto *prompter = new RecordingPrompter;
        Prompter::install(prompter);
        MainWindow w;
        w.resize(1200, 700);
        w.show();
        LeaseTableModel *model = w.leasesTab()->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *label = w.leasesTab()->findChild<QLabel *>(QStringLiteral("leasesUnreadable"));
        QVERIFY(label);
        QVERIFY(!label->isVisible());
        QSignalSpy connected(&w, &MainWindow::connected);
        QSignalSpy failed(&w, &MainWindow::connectionFailed);
        w.connectTo(role.params(), QString(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        QVERIFY2(prompter->told.isEmpty(), qPrintable(prompter->told.join(QLatin1Char('\n'))));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), 20000);
        QVERIFY2(label->text().contains(
                     QStringLiteral("GRANT SELECT ON lockscope_fences TO %1;").arg(role.name())),
                 qPrintable(label->text()));
        QVERIFY2(!w.refresher()->isFailing(), qPrintable(w.refresher()->lastError()));
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("leases-no-fence-grant.png")));

        QVERIFY(role.grant({QStringLiteral("lockscope_fences")}));
        w.refresher()->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(!label->isVisible(), 20000);
        QCOMPARE(model->rowCount(), 1);
        QVERIFY(label->text().isEmpty());
        QVERIFY2(prompter->told.isEmpty(), qPrintable(prompter->told.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestLeasesGrants)
#include "tst_leasesgrants.moc"
