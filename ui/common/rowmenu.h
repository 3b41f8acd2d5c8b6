#pragma once

#include <QModelIndex>
#include <QString>

#include <functional>

class QAbstractItemView;
class QMenu;
class QWidget;

namespace lockscope::ui {

// Right-click menus on table rows: a view gets its menu from a builder, by mouse
// (right button), by the Menu key or by Shift+F10; the builder acts on the row
// it was given. Builders return a new menu (or nullptr off the rows), which is
// deleted when it closes.
namespace RowMenu {
using Builder = std::function<QMenu *(const QModelIndex &)>;
void attach(QAbstractItemView *view, const Builder &builder);
// "Copy …": puts `value` on the clipboard.
void addCopy(QMenu *menu, const QString &objectName, const QString &text, const QString &value);
} // namespace RowMenu

} // namespace lockscope::ui
