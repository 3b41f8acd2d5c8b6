#include "common/rowmenu.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>

namespace lockscope::ui {

namespace {

void popup(QAbstractItemView *view, const RowMenu::Builder &builder, QPoint pos) {
    QModelIndex index = view->indexAt(pos);
    if (!index.isValid()) { // from the keyboard: the current row
        index = view->currentIndex();
        if (!index.isValid())
            return;
        pos = view->visualRect(index).center();
    }
    QMenu *menu = builder(index);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true); // disabled actions say why
    menu->popup(view->viewport()->mapToGlobal(pos));
}

} // namespace

void RowMenu::attach(QAbstractItemView *view, const Builder &builder) {
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(view, &QWidget::customContextMenuRequested, view,
                     [view, builder](const QPoint &pos) { popup(view, builder, pos); });
    auto *keyboard = new QAction(view);
    keyboard->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10));
    keyboard->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(keyboard);
    QObject::connect(keyboard, &QAction::triggered, view,
                     [view, builder] { popup(view, builder, QPoint(-1, -1)); });
}

void RowMenu::addCopy(QMenu *menu, const QString &objectName, const QString &text,
                      const QString &value) {
    QAction *copy = menu->addAction(text);
    copy->setObjectName(objectName);
    QObject::connect(copy, &QAction::triggered, menu,
                     [value] { QApplication::clipboard()->setText(value); });
}

} // namespace lockscope::ui
