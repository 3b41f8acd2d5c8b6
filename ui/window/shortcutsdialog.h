#pragma once

#include <QDialog>

class QTableWidget;

namespace lockscope::ui {

// Help ▸ Keyboard Shortcuts: every action of the window's menus with its
// shortcut (read from the actions themselves, so the list cannot go stale),
// then the keys of the tables and tabs.
class ShortcutsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(QWidget *window);
    ~ShortcutsDialog() override;
    QTableWidget *table() const { return m_table; }

    // (what, keys) for every action reachable from `window`'s menu bar, in menu
    // order, then the fixed keys of the views.
    static QList<QPair<QString, QString>> entries(QWidget *window);

private:
    QTableWidget *m_table;
};

} // namespace lockscope::ui
