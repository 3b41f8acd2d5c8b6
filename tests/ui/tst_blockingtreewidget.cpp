// The Locks tab's blocking tree, shown again after every refresh: the same shape
// updates the items in place (selection, collapsed rows and item identity stay,
// a wait's length moves on, highlighting follows the state); a new shape builds
// the tree again. Fed the values a refresh brings; the tab's real-server test
// (tst_lockstab) covers where they come from.
#include "locks/blockingtreewidget.h"
#include "locks/lockssnapshot.h"

#include <QFont>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

using namespace lockscope;
using lockscope::ui::BlockingTreeWidget;
using lockscope::ui::LockItem;
using lockscope::ui::LockSessionEntry;

namespace {

// Session `pid` in `state`, waiting `wait` seconds on a table (when wait >= 0).
LockSessionEntry session(int pid, const QString &state, double wait = -1) {
    LockSessionEntry e;
    e.session.pid = pid;
    e.session.state = state;
    e.session.application = QStringLiteral("app-%1").arg(pid);
    e.session.query = QStringLiteral("UPDATE jobs SET n = n + 1 -- %1").arg(pid);
    e.session.transactionAge = 60;
    e.session.stateAge = 30;
    LockItem held;
    held.lock.pid = pid;
    held.lock.locktype = QStringLiteral("advisory");
    held.lock.isAdvisory = true;
    held.lock.key = pid;
    held.lock.mode = QStringLiteral("ExclusiveLock");
    held.lock.granted = true;
    e.locks << held;
    if (wait >= 0) {
        LockItem waits;
        waits.lock.pid = pid;
        waits.lock.locktype = QStringLiteral("relation");
        waits.lock.relation = QStringLiteral("app.jobs");
        waits.lock.relationKind = QStringLiteral("table");
        waits.lock.mode = QStringLiteral("RowExclusiveLock");
        waits.lock.waitSeconds = wait;
        e.locks << waits;
    }
    return e;
}

BlockerNode node(int pid, int total, QList<BlockerNode> blocks = {}) {
    BlockerNode n;
    n.pid = pid;
    n.blockedTotal = total;
    n.blocks = std::move(blocks);
    return n;
}

// 10 (idle in transaction) <- 20 <- 30; 40 <- 50.
QList<BlockerNode> chains() {
    return {node(10, 2, {node(20, 1, {node(30, 0)})}), node(40, 1, {node(50, 0)})};
}

} // namespace

class TestBlockingTreeWidget final : public QObject {
    Q_OBJECT

private:
    QHash<int, LockSessionEntry> m_sessions;
    BlockingTreeWidget::SessionOf sessionOf() {
        return [this](int pid) -> const LockSessionEntry * {
            const auto it = m_sessions.constFind(pid);
            return it == m_sessions.cend() ? nullptr : &*it;
        };
    }

private Q_SLOTS:
    void init() {
        m_sessions.clear();
        m_sessions.insert(10, session(10, QStringLiteral("idle in transaction")));
        m_sessions.insert(20, session(20, QStringLiteral("active"), 3));
        m_sessions.insert(30, session(30, QStringLiteral("active"), 2));
        m_sessions.insert(40, session(40, QStringLiteral("active")));
        m_sessions.insert(50, session(50, QStringLiteral("active"), 1));
    }

    void buildsTheTree() {
        BlockingTreeWidget tree;
        tree.showTree(chains(), sessionOf());
        QCOMPARE(tree.topLevelItemCount(), 2);
        QTreeWidgetItem *root = tree.topLevelItem(0);
        QCOMPARE(root->text(BlockingTreeWidget::Session), QStringLiteral("pid 10"));
        QCOMPARE(root->text(BlockingTreeWidget::Blocks), QStringLiteral("2"));
        QVERIFY(root->text(BlockingTreeWidget::State)
                    .startsWith(QLatin1String("idle in transaction for")));
        QVERIFY(root->font(BlockingTreeWidget::State).bold());
        QVERIFY(root->background(BlockingTreeWidget::Query).style() != Qt::NoBrush);
        QTreeWidgetItem *waiter = root->child(0);
        QCOMPARE(waiter->data(0, Qt::UserRole).toInt(), 20);
        QVERIFY2(waiter->text(BlockingTreeWidget::WaitsFor)
                     .startsWith(QLatin1String("RowExclusiveLock on app.jobs (table) for")),
                 qPrintable(waiter->text(BlockingTreeWidget::WaitsFor)));
        QVERIFY(waiter->background(BlockingTreeWidget::WaitsFor).style() != Qt::NoBrush);
        QCOMPARE(waiter->background(BlockingTreeWidget::Query).style(), Qt::NoBrush);
        QVERIFY(!waiter->font(BlockingTreeWidget::State).bold());
        QCOMPARE(waiter->child(0)->data(0, Qt::UserRole).toInt(), 30);
        QCOMPARE(tree.topLevelItem(1)->child(0)->data(0, Qt::UserRole).toInt(), 50);
        QCOMPARE(waiter->toolTip(BlockingTreeWidget::Query), m_sessions.value(20).session.query);
    }

    void sameShapeUpdatesInPlace() {
        BlockingTreeWidget tree;
        tree.resize(800, 300);
        tree.showTree(chains(), sessionOf());
        QTreeWidgetItem *waiter = tree.topLevelItem(0)->child(0);
        const QString before = waiter->text(BlockingTreeWidget::WaitsFor);
        tree.setCurrentItem(waiter->child(0));
        tree.topLevelItem(1)->setExpanded(false);
        QSignalSpy changed(tree.model(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(tree.model(), &QAbstractItemModel::rowsRemoved);

        // The next refresh: the same sessions in the same places, longer waits;
        // the blocker is no longer idle in transaction.
        m_sessions[20] = session(20, QStringLiteral("active"), 63);
        m_sessions[10] = session(10, QStringLiteral("active"));
        tree.showTree(chains(), sessionOf());
        QCOMPARE(tree.topLevelItem(0)->child(0), waiter); // the same item
        QCOMPARE(reset.count(), 0);
        QVERIFY(waiter->text(BlockingTreeWidget::WaitsFor) != before);
        QVERIFY2(waiter->text(BlockingTreeWidget::WaitsFor).endsWith(QLatin1String("1 m 03 s")),
                 qPrintable(waiter->text(BlockingTreeWidget::WaitsFor)));
        QCOMPARE(tree.currentItem(), waiter->child(0));
        QVERIFY(!tree.topLevelItem(1)->isExpanded());
        QTreeWidgetItem *root = tree.topLevelItem(0);
        QVERIFY(!root->font(BlockingTreeWidget::State).bold());
        QCOMPARE(root->background(BlockingTreeWidget::Query).style(), Qt::NoBrush);
        QVERIFY(changed.count() > 0);

        // Nothing changed at all: no signal.
        changed.clear();
        tree.showTree(chains(), sessionOf());
        QCOMPARE(changed.count(), 0);
    }

    void newShapeRebuilds() {
        BlockingTreeWidget tree;
        tree.showTree(chains(), sessionOf());
        // 30 went through: 10 <- 20 only; 40 <- 50 as before.
        tree.showTree({node(10, 1, {node(20, 0)}), node(40, 1, {node(50, 0)})}, sessionOf());
        QCOMPARE(tree.topLevelItemCount(), 2);
        QCOMPARE(tree.topLevelItem(0)->child(0)->childCount(), 0);
        QCOMPARE(tree.topLevelItem(0)->text(BlockingTreeWidget::Blocks), QStringLiteral("1"));
        // Nobody blocks anybody: empty.
        tree.showTree({}, sessionOf());
        QCOMPARE(tree.topLevelItemCount(), 0);
        tree.showTree(chains(), sessionOf());
        QCOMPARE(tree.topLevelItemCount(), 2);
        QVERIFY(tree.topLevelItem(0)->isExpanded());
        tree.forget();
        QCOMPARE(tree.topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestBlockingTreeWidget)
#include "tst_blockingtreewidget.moc"
