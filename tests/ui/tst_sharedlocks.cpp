// The Leases tab's semaphores and reader-writer leases (issue 15): the tree
// model under QAbstractItemModelTester through snapshots that keep and change
// its shape, and the real window on SQLite and PostgreSQL: holders from other
// processes shown under their keys, and the owner-guarded release of one
// holder through the scripted prompter; the same on Redis. Switching to another
// server empties the panel at once (before, it kept the last server's keys
// until the new one's first refresh, forever when that failed), and a refresh
// that changes the tree keeps the selected holder selected by key and token
// (before, every such refresh cleared it). Saves a screenshot. A read-only role that may read the
// leases but not the tables of these keys (a role created by the test) still gets its leases; the
// panel says which grant is missing.
#include "common/emptystate.h"
#include "common/prompter.h"
#include "inspector/inspectorrefresher.h"
#include "lease/leasemanager.h"
#include "leases/leasestab.h"
#include "leases/leasetablemodel.h"
#include "leases/sharedlockspanel.h"
#include "leases/sharedlocktreemodel.h"
#include "support/limitedrole.h"
#include "support/testdb.h"
#include "support/testredis.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace lockscope;
using namespace lockscope::ui;
using namespace std::chrono_literals;

namespace {

class ScriptedPrompter final : public Prompter {
public:
    QStringList asked;
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &text) override {
        asked << text;
        return true;
    }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
};

SharedHolderRow holder(const QString &role, int slot, const QString &token, double expires) {
    SharedHolderRow h;
    h.role = role;
    h.slot = slot;
    h.token = token;
    h.owner = QStringLiteral("host:1:ab");
    h.acquiredAt = 100;
    h.expiresAt = expires;
    h.fence = 7;
    return h;
}

} // namespace

class TestSharedLocks final : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("LockScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("lockscope-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }
    void cleanup() { Prompter::install(nullptr); }

    void modelThroughSnapshots() {
        SharedLockTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        SharedKeyRow sem{QStringLiteral("jobs/encode"), QStringLiteral("semaphore"), 3, {}};
        sem.holders = {holder(QStringLiteral("slot"), 0, QStringLiteral("a"), 130),
                       holder(QStringLiteral("slot"), 2, QStringLiteral("b"), 90)};
        SharedKeyRow rw{QStringLiteral("config"), QStringLiteral("rw"), 0, {}};
        rw.holders = {holder(QStringLiteral("read"), -1, QStringLiteral("r"), 130),
                      holder(QStringLiteral("write-wait"), -1, QStringLiteral("w"), 102)};
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot({rw, sem}, 100);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex semIndex = model.index(1, 0);
        QCOMPARE(model.rowCount(semIndex), 2);
        QCOMPARE(model.index(1, SharedLockTreeModel::State).data().toString(),
                 QStringLiteral("semaphore: 1 of 3 permits held")); // b expired at 90
        QCOMPARE(model.index(0, SharedLockTreeModel::State).data().toString(),
                 QStringLiteral("reader-writer: 1 reader, no writer, 1 waiting writer"));
        const QModelIndex waiting = model.index(1, SharedLockTreeModel::Name, model.index(0, 0));
        QCOMPARE(waiting.data().toString(), QStringLiteral("waiting writer"));
        QCOMPARE(waiting.data(SharedLockTreeModel::TokenRole).toString(), QStringLiteral("w"));
        QCOMPARE(model.parent(waiting), model.index(0, 0));
        QCOMPARE(model.index(1, SharedLockTreeModel::State, semIndex).data().toString(),
                 QStringLiteral("expired"));
        // The same keys and holders later: only dataChanged, no reset.
        model.setSnapshot({rw, sem}, 101);
        QCOMPARE(reset.size(), 1);
        QVERIFY(changed.size() >= 1);
        // A holder goes, a key goes: the shape changes.
        sem.holders.removeLast();
        model.setSnapshot({sem}, 102);
        QCOMPARE(reset.size(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void windowShowsAndReleasesHolders_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void windowShowsAndReleasesHolders() {
        LOCKSCOPE_FRESH_DB(params);
        showsAndReleases(params, QString::fromLatin1(QTest::currentDataTag()));
    }

    // The same on a Redis store (the inspector reads its semaphore and
    // reader-writer hashes; the release runs the holder's release script),
    // and those hashes are no rows of the leases table.
    void windowShowsAndReleasesRedisHolders() {
        LOCKSCOPE_FRESH_REDIS(params);
        showsAndReleases(params, QStringLiteral("redis"));
    }

private:
    void showsAndReleases(const ConnectionParams &params, const QString &tag) {
        auto *prompter = new ScriptedPrompter;
        Prompter::install(prompter);
        LeaseManager manager(params);
        auto p1 = manager.acquireSemaphore(QStringLiteral("jobs/encode"), 3, 0ms);
        auto p2 = manager.acquireSemaphore(QStringLiteral("jobs/encode"), 3, 0ms);
        auto r1 = manager.acquireRead(QStringLiteral("config/cache"), 0ms);
        QVERIFY(p1.ok() && p2.ok() && r1.ok());

        MainWindow w;
        w.resize(1200, 700);
        w.show();
        QSignalSpy connected(&w, &MainWindow::connected);
        w.connectTo(params, QString(), false);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 30000);
        SharedLocksPanel *panel = w.leasesTab()->sharedPanel();
        SharedLockTreeModel *model = panel->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 20000);
        QVERIFY(panel->isVisible());
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("jobs/encode"));
        QCOMPARE(model->index(1, SharedLockTreeModel::State).data().toString(),
                 QStringLiteral("semaphore: 2 of 3 permits held"));
        QCOMPARE(model->rowCount(model->index(1, 0)), 2);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("shared-locks-%1.png").arg(tag)));
        for (int i = 0; i < w.leaseModel()->rowCount(); ++i)
            QVERIFY(w.leaseModel()->rowAt(i).key != QLatin1String("jobs/encode"));

        // Release p1's permit by its token: select it, the button, the scripted yes.
        w.refresher()->setPaused(true);
        int row = -1;
        const QModelIndex semIndex = model->index(1, 0);
        for (int i = 0; i < model->rowCount(semIndex); ++i) {
            if (model->index(i, 0, semIndex).data(SharedLockTreeModel::TokenRole).toString() ==
                p1->token())
                row = i;
        }
        QVERIFY(row >= 0);
        panel->view()->setCurrentIndex(model->index(row, 0, semIndex));
        QVERIFY(panel->releaseButton()->isEnabled());
        panel->releaseSelected();
        QTRY_COMPARE_WITH_TIMEOUT(prompter->told.size(), 1, 20000);
        QVERIFY2(prompter->told.first().contains(QLatin1String("holder released")),
                 qPrintable(prompter->told.first()));
        QVERIFY(prompter->asked.first().contains(QLatin1String("permit")));
        w.refresher()->setPaused(false);
        w.refresher()->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(model->index(1, 0)), 1, 20000);
        QCOMPARE(
            model->index(0, 0, model->index(1, 0)).data(SharedLockTreeModel::TokenRole).toString(),
            p2->token());
        QCOMPARE(p1->release().value(), false); // its owner finds it gone
    }

private Q_SLOTS:
    // The refresh does not fail for a role that may not read the semaphore
    // and reader-writer tables: the leases are shown, and the panel shows the
    // reason (the tables, the GRANT) instead of keys. Granting them brings the
    // keys back and the reason goes.
    void windowSaysWhichGrantIsMissing() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LeaseManager manager(*params);
        auto lease = manager.tryLock(QStringLiteral("plain/one"));
        auto permit = manager.acquireSemaphore(QStringLiteral("jobs/encode"), 3, 0ms);
        QVERIFY(lease.ok() && permit.ok());
        // The window also reads which migrations were applied when it connects.
        test::LimitedRole role(*params, {QStringLiteral("aggregate_locks"),
                                         QStringLiteral("lockscope_fences"),
                                         QStringLiteral("lockscope_schema_migrations")});
        QVERIFY2(role.ok(), qPrintable(role.error()));

        MainWindow w;
        w.resize(1200, 700);
        w.show();
        QSignalSpy connected(&w, &MainWindow::connected);
        w.connectTo(role.params(), QString(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 30000);
        SharedLocksPanel *panel = w.leasesTab()->sharedPanel();
        QAbstractItemModelTester tester(panel->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(panel->unavailableLabel()->isVisible(), 20000);
        QVERIFY(panel->isVisible());
        const QString reason = panel->unavailableLabel()->text();
        QVERIFY2(reason.contains(QLatin1String("lockscope_lock_kinds")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("GRANT SELECT ON lockscope_lock_kinds, "
                                                "lockscope_semaphore_slots, "
                                                "lockscope_rw_holders TO %1")
                                     .arg(role.name())),
                 qPrintable(reason));
        QCOMPARE(panel->model()->rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(w.leasesTab()->model()->rowCount(), 1, 20000);
        w.grab().save(test::TestDb::artifactPath(QStringLiteral("shared-locks-no-grant.png")));

        QVERIFY(role.grant({QStringLiteral("lockscope_lock_kinds"),
                            QStringLiteral("lockscope_semaphore_slots"),
                            QStringLiteral("lockscope_rw_holders")}));
        w.refresher()->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 1, 20000);
        QVERIFY(!panel->unavailableLabel()->isVisible());
        QVERIFY(panel->view()->isVisible());
    }

    void switchingServersAndKeepingTheSelection_data() { LOCKSCOPE_BACKENDS_DATA(); }
    void switchingServersAndKeepingTheSelection() {
        LOCKSCOPE_FRESH_DB(first);
        QString why;
        const auto secondOpt = test::TestDb::fresh(backend, &why);
        if (!secondOpt)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        const ConnectionParams second = *secondOpt;
        LeaseManager firstManager(first);
        auto p1 = firstManager.acquireSemaphore(QStringLiteral("first/encode"), 3, 0ms);
        QVERIFY(p1.ok());
        LeaseManager secondManager(second);
        auto other = secondManager.acquireSemaphore(QStringLiteral("second/render"), 2, 0ms);
        QVERIFY(other.ok());

        MainWindow w;
        w.resize(1200, 700);
        w.show();
        SharedLocksPanel *panel = w.leasesTab()->sharedPanel();
        SharedLockTreeModel *model = panel->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy connected(&w, &MainWindow::connected);
        w.connectTo(first, QString(), false);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(model->index(0, 0)), 1, 20000);

        // Select p1's permit; another permit arrives (the tree's shape changes,
        // the model resets): p1's stays selected.
        const QModelIndex p1Index = model->index(0, 0, model->index(0, 0));
        QCOMPARE(p1Index.data(SharedLockTreeModel::TokenRole).toString(), p1->token());
        panel->view()->setCurrentIndex(p1Index);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        auto p2 = firstManager.acquireSemaphore(QStringLiteral("first/encode"), 3, 0ms);
        QVERIFY(p2.ok());
        w.refresher()->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(model->index(0, 0)), 2, 20000);
        QVERIFY(reset.size() >= 1);
        QModelIndexList selected = panel->view()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(SharedLockTreeModel::TokenRole).toString(), p1->token());
        QCOMPARE(selected.first().data(SharedLockTreeModel::KeyRole).toString(),
                 QStringLiteral("first/encode"));
        QVERIFY(panel->releaseButton()->isEnabled());
        // p1 goes: nothing is selected (never p2 in its place).
        QVERIFY(p1->release().ok());
        w.refresher()->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(model->index(0, 0)), 1, 20000);
        QVERIFY(panel->view()->selectionModel()->selectedRows().isEmpty());
        QVERIFY(!panel->releaseButton()->isEnabled());

        // Another server: at the moment it is connected (before its first
        // refresh), nothing of the first one is shown.
        int rowsWhenConnected = -1;
        connect(&w, &MainWindow::connected, this, [&] { rowsWhenConnected = model->rowCount(); });
        connected.clear();
        w.connectTo(second, QString(), false);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 30000);
        QCOMPARE(rowsWhenConnected, 0);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("second/render"));
        // Only a semaphore there: the empty lease table says so, not "no leases".
        QTRY_COMPARE(w.leasesTab()->emptyState()->title(), QStringLiteral("No plain leases"));
        w.grab().save(
            test::TestDb::artifactPath(QStringLiteral("shared-locks-switched-%1.png")
                                           .arg(QString::fromLatin1(QTest::currentDataTag()))));
    }
};

QTEST_MAIN(TestSharedLocks)

#include "tst_sharedlocks.moc"
