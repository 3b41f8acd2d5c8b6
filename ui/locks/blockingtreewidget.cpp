#include "locks/blockingtreewidget.h"

#include "base/duration.h"
#include "base/visibletext.h"
#include "locks/lockssnapshot.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace lockscope::ui {

namespace {

const QColor kIdleInTransaction(0xfd, 0xde, 0xde);
const QColor kWaiting(0xff, 0xf1, 0xd6);

} // namespace

struct BlockingTreeWidget::Row {
    int pid = 0;
    QStringList columns;
    QString query; // the tool tip: the whole statement
    bool idle = false;
    bool waiting = false;
    QList<Row> children;
};

BlockingTreeWidget::BlockingTreeWidget(QWidget *parent)
    : QTreeWidget(parent) {
    setHeaderLabels({tr("Session (who blocks whom)"), tr("Waits for"), tr("Blocks"), tr("State"),
                     tr("Transaction"), tr("Application"), tr("Last query")});
}

void BlockingTreeWidget::forget() {
    clear();
    m_shape.clear();
}

BlockingTreeWidget::Row BlockingTreeWidget::rowOf(const BlockerNode &node,
                                                  const SessionOf &sessionOf) const {
    Row row;
    row.pid = node.pid;
    const LockSessionEntry *e = sessionOf(node.pid);
    QString waitsFor;
    QString state;
    QString xact;
    QString application;
    QString query;
    if (e) {
        for (const LockItem &item : e->locks) {
            if (!item.lock.granted) {
                waitsFor = tr("%1 on %2 for %3")
                               .arg(item.lock.mode, VisibleText::forDisplay(item.lock.target()),
                                    Duration::formatRemaining(item.lock.waitSeconds));
                break;
            }
        }
        const ServerSession &s = e->session;
        row.idle = s.idleInTransaction();
        state = !s.known ? (s.pid == 0 ? tr("prepared transaction") : tr("gone"))
                         : VisibleText::forDisplay(s.state);
        if (row.idle && s.stateAge >= 0)
            state += tr(" for %1").arg(Duration::formatRemaining(s.stateAge));
        xact = s.transactionAge >= 0 ? Duration::formatRemaining(s.transactionAge) : QString();
        application = VisibleText::forDisplay(s.application);
        if (!s.clientAddress.isEmpty())
            application += QStringLiteral(" (%1)").arg(s.clientAddress);
        query = VisibleText::forDisplay(s.query.simplified());
        row.query = s.query;
    }
    row.waiting = !waitsFor.isEmpty();
    row.columns = {node.inCycle ? tr("pid %1 (deadlock)").arg(node.pid)
                                : tr("pid %1").arg(node.pid),
                   waitsFor,
                   node.blockedTotal > 0 ? QString::number(node.blockedTotal) : QString(),
                   state,
                   xact,
                   application,
                   query};
    row.children.reserve(node.blocks.size());
    for (const BlockerNode &child : node.blocks)
        row.children << rowOf(child, sessionOf);
    return row;
}

// Sets what differs (QTreeWidgetItem::setData does nothing for an equal value,
// so an unchanged row costs no signal).
void BlockingTreeWidget::fill(QTreeWidgetItem *item, const Row &row) {
    for (int c = 0; c < row.columns.size(); ++c)
        item->setText(c, row.columns.at(c));
    item->setData(Session, Qt::UserRole, row.pid);
    item->setToolTip(Query, row.query);
    QFont font = item->font(State);
    if (font.bold() != row.idle) {
        font.setBold(row.idle);
        item->setFont(State, font);
    }
    for (int c = Session; c <= Query; ++c) {
        const QBrush brush = row.idle                       ? QBrush(kIdleInTransaction)
                             : row.waiting && c == WaitsFor ? QBrush(kWaiting)
                                                            : QBrush();
        if (item->background(c) != brush)
            item->setBackground(c, brush);
    }
}

void BlockingTreeWidget::collectShape(const BlockerNode &node, int depth,
                                      QList<std::pair<int, int>> *shape) {
    shape->append({node.pid, depth});
    for (const BlockerNode &child : node.blocks)
        collectShape(child, depth + 1, shape);
}

void BlockingTreeWidget::showTree(const QList<BlockerNode> &roots, const SessionOf &sessionOf) {
    QList<std::pair<int, int>> shape;
    for (const BlockerNode &root : roots)
        collectShape(root, 0, &shape);
    QList<Row> rows;
    rows.reserve(roots.size());
    for (const BlockerNode &root : roots)
        rows << rowOf(root, sessionOf);

    if (shape == m_shape && topLevelItemCount() == rows.size()) {
        const std::function<void(QTreeWidgetItem *, const Row &)> update =
            [&](QTreeWidgetItem *item, const Row &row) {
                fill(item, row);
                for (int i = 0; i < row.children.size(); ++i)
                    update(item->child(i), row.children.at(i));
            };
        for (int i = 0; i < rows.size(); ++i)
            update(topLevelItem(i), rows.at(i));
        return;
    }
    const std::function<QTreeWidgetItem *(const Row &)> build = [&](const Row &row) {
        auto *item = new QTreeWidgetItem;
        fill(item, row);
        for (const Row &child : row.children)
            item->addChild(build(child));
        return item;
    };
    setUpdatesEnabled(false);
    clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(rows.size());
    for (const Row &row : rows)
        items << build(row);
    addTopLevelItems(items);
    expandAll();
    setUpdatesEnabled(true);
    m_shape = std::move(shape);
}

} // namespace lockscope::ui
