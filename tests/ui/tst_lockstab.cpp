// The Locks tab against real sessions holding and awaiting real locks (tables
// in schema `app`): sessions are rows that expand to their locks (thousands of
// locks of one session stay one row), waits and idle-in-transaction blockers
// stand out, the blocking tree puts the root blocker first, and refreshes
// change rows incrementally (no reset, expansion kept). Saves a screenshot.
#include "admin/auditlog.h"
#include "common/prompter.h"
#include "db/database.h"
#include "db/privileges.h"
#include "locks/locksrefresher.h"
#include "locks/lockstab.h"
#include "locks/lockstreemodel.h"
#include "support/pgsession.h"
#include "support/testdb.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFont>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace lockscope;
using namespace lockscope::ui;
using test::PgSession;

namespace {

int childCountOf(const LocksTreeModel &model, int pid) {
    const QModelIndex index = model.indexOfPid(pid);
    return index.isValid() ? model.rowCount(index) : -1;
}

// The row of `pid`'s first lock of `locktype` that is held (or awaited).
QModelIndex lockRow(const LocksTreeModel &model, int pid, const QString &locktype, bool waiting) {
    const QModelIndex session = model.indexOfPid(pid);
    for (int r = 0; session.isValid() && r < model.rowCount(session); ++r) {
        const QModelIndex i = model.index(r, LocksTreeModel::Session, session);
        if (i.data().toString() == locktype &&
            i.data(LocksTreeModel::WaitingRole).toBool() == waiting)
            return i;
    }
    return {};
}

class ScriptedPrompter final : public Prompter {
public:
    bool answer = true;
    QStringList asked;
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &text) override {
        asked << text;
        return answer;
    }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
};

// A session as the window makes it: the connection and what its role may do.
void withPrivileges(Session &session, const ConnectionParams &params) {
    session.params = params;
    ScopedConnection conn(params, QStringLiteral("privileges"));
    QVERIFY(conn.ok());
    auto privileges = PrivilegeCheck::check(conn.db(), params);
    QVERIFY(privileges.ok());
    session.privileges = privileges.value();
}

void selectSession(QTreeView *view, const QModelIndex &index) {
    view->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

QTreeWidgetItem *rootItem(QTreeWidget *tree, int pid) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->data(0, Qt::UserRole).toInt() == pid)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestLocksTab final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A refresh whose locks did not change must still leave the model holding
    // the result's lists (shared, not copied): the result is freed by Qt on the
    // GUI thread after the event that delivered it, and if it held the only
    // reference to a hundred thousand rows they were freed there, 250 ms of GUI
    // thread per refresh (BENCHMARKS.md section 7). The lists the model held
    // before go to the refresher's worker to be freed.
    void unchangedRefreshSharesTheResultsRows() {
        const auto makeSessions = [] {
            QList<LockSessionEntry> sessions;
            for (int pid : {101, 202}) {
                LockSessionEntry entry;
                entry.session.pid = pid;
                for (int k = 0; k < 3; ++k) {
                    LockItem item;
                    item.key = QStringLiteral("advisory|%1").arg(k);
                    item.firstSeen = 1000.0 + k;
                    entry.locks.append(item);
                }
                sessions.append(entry);
            }
            return sessions;
        };
        LocksTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(makeSessions());
        LocksResult result;
        result.sessions = makeSessions(); // equal, built apart: nothing shared yet
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const QList<LockSessionEntry> before = model.sessions();
        model.apply(result);
        QCOMPARE(changed.count() + inserted.count() + removed.count(), 0);
        QCOMPARE(model.sessions(), result.sessions);
        for (qsizetype i = 0; i < result.sessions.size(); ++i) {
            QVERIFY2(model.sessions().at(i).locks.isSharedWith(result.sessions.at(i).locks),
                     "the model copied or kept its own rows; the result's would be freed on "
                     "the GUI thread");
            QVERIFY(!before.at(i).locks.isSharedWith(result.sessions.at(i).locks));
        }
    }

    // What a refresh replaces is freed by the next snapshot's task on the pool
    // thread: not at once (a task started then ran beside the refresh's paint),
    // and not left behind when no snapshot follows.
    void replacedRowsGoWithTheNextSnapshot() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why, false);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        PgSession holder(test::TestDb::urlFor(*params), QStringLiteral("holder"));
        QVERIFY(holder.exec(
            QStringLiteral("SELECT count(pg_advisory_lock(g)) FROM generate_series(1, 50) g")));
        LocksTreeModel model;
        LocksRefresher refresher(&model);
        refresher.setInterval(3'600'000); // refreshed by this test only
        refresher.setConnection(*params);
        QSignalSpy refreshed(&refresher, &LocksRefresher::refreshed);
        const auto refresh = [&] {
            const qsizetype before = refreshed.size();
            refresher.refreshNow();
            return QTest::qWaitFor([&] { return refreshed.size() > before; }, 30000);
        };
        QVERIFY(refresh());
        QVERIFY(model.indexOfPid(holder.pid()).isValid());
        // The holder's rows as the model shows them now; the next refresh
        // replaces them with its own (equal) list.
        QList<LockItem> rows = model.sessions().at(model.indexOfPid(holder.pid()).row()).locks;
        QCOMPARE(rows.size(), 50);
        QVERIFY(refresh());
        QVERIFY(
            !rows.isSharedWith(model.sessions().at(model.indexOfPid(holder.pid()).row()).locks));
        QTest::qWait(200); // the layout, the paint, any zero timer
        QVERIFY2(!rows.isDetached(), "the replaced rows were freed before the next snapshot");
        QVERIFY(refresh());
        QVERIFY2(rows.isDetached(), "the next snapshot's task did not free the replaced rows");

        // The tab is hidden after a refresh: no snapshot follows, a task frees them.
        rows = model.sessions().at(model.indexOfPid(holder.pid()).row()).locks;
        QVERIFY(refresh());
        QVERIFY(!rows.isDetached());
        refresher.setActive(false);
        QTRY_VERIFY_WITH_TIMEOUT(rows.isDetached(), 10000);
    }

    void sessionsLocksAndBlockers() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why, false);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY2(test::TestDb::exec(*params,
                                    QStringLiteral("CREATE SCHEMA app; CREATE TABLE app.orders "
                                                   "(id int PRIMARY KEY); CREATE TABLE app.audit "
                                                   "(id int)"),
                                    &why),
                 qPrintable(why));
        const QString url = test::TestDb::urlFor(*params);
        PgSession holder(url, QStringLiteral("nightly-report"));
        PgSession many(url, QStringLiteral("bulk-job"));
        PgSession waiter(url, QStringLiteral("web"));
        PgSession behind(url, QStringLiteral("web-2"));
        QVERIFY(holder.ok() && many.ok() && waiter.ok() && behind.ok());
        // 3,000 advisory locks in one session: one row.
        QVERIFY(many.exec(
            QStringLiteral("SELECT count(pg_advisory_lock(g)) FROM generate_series(1, 3000) g")));
        QVERIFY(holder.exec(QStringLiteral("BEGIN")));
        QVERIFY(holder.exec(QStringLiteral("LOCK TABLE app.orders IN SHARE MODE")));
        QVERIFY(waiter.exec(QStringLiteral("BEGIN")));
        QVERIFY(waiter.exec(QStringLiteral("LOCK TABLE app.audit")));
        QVERIFY(waiter.send(QStringLiteral("INSERT INTO app.orders VALUES (1)")));
        QVERIFY(behind.send(QStringLiteral("SELECT count(*) FROM app.audit")));

        LocksTab tab;
        LocksTreeModel *model = tab.model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tab.refresher()->setInterval(300);
        tab.resize(1500, 820);
        Session session;
        session.params = *params;
        tab.setSession(session);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));

        QTRY_VERIFY_WITH_TIMEOUT(childCountOf(*model, many.pid()) >= 3000, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            model->indexOfPid(behind.pid()).isValid() &&
                model->indexOfPid(behind.pid()).data(LocksTreeModel::WaitingRole).toBool(),
            30000);
        QVERIFY(model->rowCount() < 100); // sessions, not 3,000 lock rows
        const QModelIndex bulk = model->indexOfPid(many.pid());
        QVERIFY2(model->index(bulk.row(), LocksTreeModel::Mode)
                     .data()
                     .toString()
                     .startsWith(QLatin1String("30")),
                 qPrintable(model->index(bulk.row(), LocksTreeModel::Mode).data().toString()));
        QCOMPARE(model->index(bulk.row(), LocksTreeModel::Application).data().toString(),
                 QStringLiteral("bulk-job"));

        // The holder: idle in transaction, in bold; its lock resolved.
        const QModelIndex h = model->indexOfPid(holder.pid());
        QVERIFY(h.data(LocksTreeModel::IdleInTransactionRole).toBool());
        QCOMPARE(model->index(h.row(), LocksTreeModel::State).data().toString(),
                 QStringLiteral("idle in transaction"));
        QVERIFY(
            model->index(h.row(), LocksTreeModel::State).data(Qt::FontRole).value<QFont>().bold());
        const QModelIndex share = lockRow(*model, holder.pid(), QStringLiteral("relation"), false);
        QVERIFY(share.isValid());
        QCOMPARE(share.siblingAtColumn(LocksTreeModel::Target).data().toString(),
                 QStringLiteral("app.orders (table)"));
        QCOMPARE(share.siblingAtColumn(LocksTreeModel::Mode).data().toString(),
                 QStringLiteral("ShareLock"));
        // The waiter: its wait, and who is in the way.
        const QModelIndex waits = lockRow(*model, waiter.pid(), QStringLiteral("relation"), true);
        QVERIFY(waits.isValid());
        QCOMPARE(waits.siblingAtColumn(LocksTreeModel::State).data().toString(),
                 QStringLiteral("WAITING"));
        QCOMPARE(waits.siblingAtColumn(LocksTreeModel::BlockedBy).data().toString(),
                 QString::number(holder.pid()));
        QVERIFY(waits.data(Qt::BackgroundRole).isValid());

        // The blocking tree: holder <- waiter <- behind.
        QTreeWidgetItem *root = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((root = rootItem(tab.blockingTree(), holder.pid())) != nullptr,
                                 20000);
        QCOMPARE(root->text(2), QStringLiteral("2"));
        QVERIFY(root->text(3).startsWith(QLatin1String("idle in transaction")));
        QVERIFY(root->font(3).bold());
        QCOMPARE(root->childCount(), 1);
        QCOMPARE(root->child(0)->data(0, Qt::UserRole).toInt(), waiter.pid());
        QVERIFY(
            root->child(0)->text(1).startsWith(QLatin1String("RowExclusiveLock on app.orders")));
        QCOMPARE(root->child(0)->childCount(), 1);
        QCOMPARE(root->child(0)->child(0)->data(0, Qt::UserRole).toInt(), behind.pid());
        QVERIFY(rootItem(tab.blockingTree(), waiter.pid()) == nullptr);

        // Expanded and selected rows survive refreshes; releasing 1,000 locks
        // removes rows under the session, never resets the model.
        tab.view()->expand(model->indexOfPid(holder.pid()));
        tab.view()->expand(model->indexOfPid(waiter.pid()));
        tab.view()->setCurrentIndex(model->indexOfPid(holder.pid()));
        QTest::qWait(400);
        tab.grab().save(test::TestDb::artifactPath(QStringLiteral("locks-postgres.png")));
        // Children in natural order: advisory 2 before advisory 10.
        const QModelIndex bulkRow = model->indexOfPid(many.pid());
        QCOMPARE(model->index(1, LocksTreeModel::Target, bulkRow).data().toString(),
                 QStringLiteral("advisory 2"));
        QCOMPARE(model->index(9, LocksTreeModel::Target, bulkRow).data().toString(),
                 QStringLiteral("advisory 10"));
        tab.view()->expand(model->indexOfPid(many.pid()));
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(many.exec(
            QStringLiteral("SELECT count(pg_advisory_unlock(g)) FROM generate_series(1, 1000) g")));
        QTRY_VERIFY_WITH_TIMEOUT(childCountOf(*model, many.pid()) < 2100, 30000);
        QCOMPARE(resets.count(), 0);
        // Rows left under the bulk session (other tests' sessions come and go
        // at the top level meanwhile: the view is server-wide).
        bool underBulk = false;
        for (const QList<QVariant> &signal : std::as_const(removed))
            underBulk =
                underBulk || signal.at(0).value<QModelIndex>() == model->indexOfPid(many.pid());
        QVERIFY(underBulk);
        QVERIFY(tab.view()->isExpanded(model->indexOfPid(many.pid())));
        QCOMPARE(tab.view()->currentIndex(), model->indexOfPid(holder.pid()));

        // The holder commits: the chain unwinds.
        QVERIFY(holder.exec(QStringLiteral("COMMIT")));
        QVERIFY(waiter.finish());
        QVERIFY(waiter.exec(QStringLiteral("COMMIT")));
        QVERIFY(behind.finish());
        QTRY_VERIFY_WITH_TIMEOUT(rootItem(tab.blockingTree(), holder.pid()) == nullptr, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!model->indexOfPid(holder.pid()).isValid(), 20000);
        QVERIFY(tab.summary()->text().contains(QLatin1String(" locks of ")));
    }

    void terminateSeveralSessions() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why); // migrated: the audit log
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY2(
            test::TestDb::exec(
                *params, QStringLiteral("CREATE SCHEMA app; CREATE TABLE app.jobs (id int)"), &why),
            qPrintable(why));
        const QString url = test::TestDb::urlFor(*params);
        PgSession a(url, QStringLiteral("etl-a"));
        PgSession b(url, QStringLiteral("etl-b"));
        PgSession bystander(url, QStringLiteral("keep-me"));
        QVERIFY(a.ok() && b.ok() && bystander.ok());
        QVERIFY(a.exec(QStringLiteral("BEGIN")));
        QVERIFY(a.exec(QStringLiteral("LOCK TABLE app.jobs IN ROW SHARE MODE")));
        QVERIFY(b.exec(QStringLiteral("BEGIN")));
        QVERIFY(b.exec(QStringLiteral("SELECT count(*) FROM app.jobs")));
        QVERIFY(bystander.exec(QStringLiteral("BEGIN")));
        QVERIFY(bystander.exec(QStringLiteral("LOCK TABLE app.jobs IN ACCESS SHARE MODE")));

        auto *prompter = new ScriptedPrompter;
        Prompter::install(prompter);
        LocksTab tab;
        tab.refresher()->setInterval(300);
        Session session;
        withPrivileges(session, *params);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(session.canSignalBackends());
        tab.setSession(session);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        LocksTreeModel *model = tab.model();
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOfPid(a.pid()).isValid() &&
                                     model->indexOfPid(b.pid()).isValid() &&
                                     model->indexOfPid(bystander.pid()).isValid(),
                                 30000);
        QVERIFY(!tab.terminateButton()->isEnabled()); // nothing selected
        selectSession(tab.view(), model->indexOfPid(a.pid()));
        // A lock row stands for its session.
        tab.view()->expand(model->indexOfPid(b.pid()));
        selectSession(tab.view(), model->index(0, 0, model->indexOfPid(b.pid())));
        QCOMPARE(tab.selectedSessions().size(), 2);
        QVERIFY(tab.terminateButton()->isEnabled());
        QVERIFY(tab.cancelButton()->isEnabled());

        // Declined: nothing happens.
        prompter->answer = false;
        tab.signalSelected(true);
        QCOMPARE(prompter->asked.size(), 1);
        QTest::qWait(300);
        QVERIFY(a.exec(QStringLiteral("SELECT 1")));

        prompter->answer = true;
        QSignalSpy finished(&tab, &LocksTab::actionFinished);
        tab.signalSelected(true);
        QCOMPARE(prompter->asked.size(), 2);
        const QString asked = prompter->asked.last();
        for (const QString &part :
             {QStringLiteral("End these 2 sessions?"),
              QStringLiteral("pid %1 — user lockscope, application 'etl-a', idle in transaction: "
                             "LOCK TABLE app.jobs IN ROW SHARE MODE")
                  .arg(a.pid()),
              QStringLiteral("pid %1 — user lockscope, application 'etl-b', idle in transaction: "
                             "SELECT count(*) FROM app.jobs")
                  .arg(b.pid())})
            QVERIFY2(asked.contains(part), qPrintable(asked));
        QVERIFY(!asked.contains(QString::number(bystander.pid())));
        QVERIFY(finished.wait(30000));
        QCOMPARE(prompter->told.size(), 1);
        QCOMPARE(prompter->told.last(), QStringLiteral("pid %1: terminated.\npid %2: terminated.")
                                            .arg(std::min(a.pid(), b.pid()))
                                            .arg(std::max(a.pid(), b.pid())));
        QVERIFY(!a.exec(QStringLiteral("SELECT 1")));
        QVERIFY(!b.exec(QStringLiteral("SELECT 1")));
        QVERIFY(bystander.exec(QStringLiteral("SELECT 1")));
        QTRY_VERIFY_WITH_TIMEOUT(!model->indexOfPid(a.pid()).isValid(), 20000);

        // Each one audited.
        ScopedConnection conn(*params, QStringLiteral("audit"));
        AuditFilter filter;
        filter.action = QStringLiteral("terminate-backend");
        const auto audit = AuditLog::recent(conn.db(), *params, 10, filter);
        QVERIFY(audit.ok());
        QStringList targets;
        for (const AuditEntry &e : audit.value()) {
            QCOMPARE(e.tool, QStringLiteral("lockscope"));
            targets << e.target;
        }
        targets.sort();
        QStringList expected{QStringLiteral("pid %1").arg(a.pid()),
                             QStringLiteral("pid %1").arg(b.pid())};
        expected.sort();
        QCOMPARE(targets, expected);
        Prompter::install(nullptr);
    }

    // Right-click on a session or one of its locks: copy what identifies it,
    // and cancel or terminate through the same confirmed, audited path as the
    // buttons (on the row clicked, or on the whole selection it is part of).
    void rowMenu() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        QVERIFY2(
            test::TestDb::exec(
                *params, QStringLiteral("CREATE SCHEMA app; CREATE TABLE app.jobs (id int)"), &why),
            qPrintable(why));
        const QString url = test::TestDb::urlFor(*params);
        PgSession a(url, QStringLiteral("etl-a"));
        PgSession b(url, QStringLiteral("etl-b"));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.exec(QStringLiteral("BEGIN")));
        QVERIFY(a.exec(QStringLiteral("LOCK TABLE app.jobs IN ROW SHARE MODE")));
        QVERIFY(b.exec(QStringLiteral("BEGIN")));
        QVERIFY(b.exec(QStringLiteral("LOCK TABLE app.jobs IN ACCESS SHARE MODE")));

        auto *prompter = new ScriptedPrompter;
        prompter->answer = false; // asked, then declined: nothing is signalled
        Prompter::install(prompter);
        LocksTab tab;
        tab.refresher()->setInterval(300);
        Session session;
        withPrivileges(session, *params);
        if (QTest::currentTestFailed())
            return;
        tab.setSession(session);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        LocksTreeModel *model = tab.model();
        QTRY_VERIFY_WITH_TIMEOUT(
            model->indexOfPid(a.pid()).isValid() && model->indexOfPid(b.pid()).isValid(), 30000);
        auto action = [](QMenu *menu, const char *name) {
            return menu->findChild<QAction *>(QLatin1String(name));
        };

        // A lock row of `a`: its session's PID, application, and what is locked.
        const QModelIndex lock = lockRow(*model, a.pid(), QStringLiteral("relation"), false);
        QVERIFY(lock.isValid());
        std::unique_ptr<QMenu> menu(tab.contextMenu(lock));
        QVERIFY(menu);
        action(menu.get(), "copyPid")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QString::number(a.pid()));
        action(menu.get(), "copyApplication")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("etl-a"));
        action(menu.get(), "copyTarget")->trigger();
        QVERIFY2(QApplication::clipboard()->text().contains(QLatin1String("app.jobs")),
                 qPrintable(QApplication::clipboard()->text()));
        action(menu.get(), "copyJson")->trigger();
        QVERIFY(QApplication::clipboard()->text().contains(QLatin1String("ROW SHARE")) ||
                QApplication::clipboard()->text().contains(QLatin1String("RowShareLock")));
        QCOMPARE(tab.selectedSessions().size(), 1); // the row clicked is selected

        // Both sessions selected, right-click inside the selection: the menu's
        // terminate names both in its one confirmation.
        selectSession(tab.view(), model->indexOfPid(b.pid()));
        QCOMPARE(tab.selectedSessions().size(), 2);
        menu.reset(tab.contextMenu(model->indexOfPid(b.pid())));
        QCOMPARE(tab.selectedSessions().size(), 2);
        QAction *terminate = action(menu.get(), "menuTerminate");
        QVERIFY(terminate && terminate->isEnabled());
        terminate->trigger();
        QCOMPARE(prompter->asked.size(), 1);
        QVERIFY(prompter->asked.first().contains(QString::number(a.pid())));
        QVERIFY(prompter->asked.first().contains(QString::number(b.pid())));
        QVERIFY(a.exec(QStringLiteral("SELECT 1"))); // declined: both still there
        QVERIFY(b.exec(QStringLiteral("SELECT 1")));
        Prompter::install(nullptr);
    }

    void actionsNeedThePrivilege() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why, false);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        PgSession other(test::TestDb::urlFor(*params), QStringLiteral("other"));
        QVERIFY(other.exec(QStringLiteral("SELECT pg_advisory_lock(5)")));
        LocksTab tab;
        tab.refresher()->setInterval(300);
        Session session;
        session.params = *params;
        session.privileges.canSignalBackends = false;
        session.privileges.backendReason = QStringLiteral("The role may not signal backends.");
        tab.setSession(session);
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(tab.model()->indexOfPid(other.pid()).isValid(), 30000);
        selectSession(tab.view(), tab.model()->indexOfPid(other.pid()));
        QVERIFY(!tab.terminateButton()->isEnabled());
        QCOMPARE(tab.terminateButton()->toolTip(),
                 QStringLiteral("The role may not signal backends."));
    }

    void hiddenTabDoesNotRefresh() {
        QString why;
        const auto params = test::TestDb::freshPostgres(&why, false);
        if (!params)
            LOCKSCOPE_SKIP_OR_FAIL(why);
        LocksTab tab;
        Session session;
        session.params = *params;
        tab.setSession(session);
        QVERIFY(!tab.refresher()->isActive()); // never shown
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(tab.refresher()->isActive());
        QSignalSpy refreshed(tab.refresher(), &LocksRefresher::refreshed);
        QVERIFY(refreshed.wait(20000));
        tab.hide();
        QVERIFY(!tab.refresher()->isActive());
    }

    void sqliteExplains() {
        LocksTab tab;
        Session session;
        session.params = test::TestDb::freshSqlite();
        tab.setSession(session);
        tab.show();
        QVERIFY(!tab.notice()->isHidden());
        QVERIFY(tab.notice()->text().contains(QLatin1String("only on PostgreSQL")));
        QCOMPARE(tab.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestLocksTab)
#include "tst_lockstab.moc"
