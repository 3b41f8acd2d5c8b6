#include "window/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lockscope::ui {

namespace {

QString plain(QString text) {
    text.remove(QStringLiteral("&&")); // none of ours, but keep a literal ampersand out
    text.remove(QLatin1Char('&'));
    return text;
}

void collect(QMenu *menu, const QString &path, QList<QPair<QString, QString>> &out) {
    const QString here = path.isEmpty() ? plain(menu->title()) : path;
    for (QAction *a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        if (a->menu()) {
            collect(a->menu(), here + QStringLiteral(" ▸ ") + plain(a->text()), out);
            continue;
        }
        // The mnemonic keys are how an action without a shortcut is reached.
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        out.append({here + QStringLiteral(" ▸ ") + plain(a->text()),
                    keys.isEmpty() ? QObject::tr("(menu: Alt + underlined letters)")
                                   : keys.join(QStringLiteral(", "))});
    }
}

} // namespace

QList<QPair<QString, QString>> ShortcutsDialog::entries(QWidget *window) {
    QList<QPair<QString, QString>> out;
    if (auto *bar = window->findChild<QMenuBar *>()) {
        for (QAction *top : bar->actions()) {
            if (top->menu())
                collect(top->menu(), QString(), out);
        }
    }
    const auto key = [](QKeySequence::StandardKey k) {
        return QKeySequence(k).toString(QKeySequence::NativeText);
    };
    out.append({tr("Table ▸ Copy the selected rows as JSON (Leases)"), key(QKeySequence::Copy)});
    out.append(
        {tr("Table ▸ Menu of the current row"),
         tr("Menu key, %1")
             .arg(QKeySequence(Qt::SHIFT | Qt::Key_F10).toString(QKeySequence::NativeText))});
    out.append({tr("Table ▸ Force release the selected leases"), key(QKeySequence::Delete)});
    out.append({tr("Tabs ▸ Next / previous tab"), tr("Ctrl+Tab, Ctrl+Shift+Tab")});
    out.append({tr("Window ▸ Next / previous control"), tr("Tab, Shift+Tab")});
    out.append({tr("Menus ▸ Open a menu"), tr("Alt + the underlined letter, or F10")});
    out.append({tr("Dialogs ▸ Close without changing anything"), tr("Esc")});
    return out;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
    , m_table(new QTableWidget(this)) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutsDialog"));
    const auto rows = entries(window);
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows.at(i).first));
        m_table->setItem(i, 1, new QTableWidgetItem(rows.at(i).second));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(640, 520);
}

ShortcutsDialog::~ShortcutsDialog() = default;

} // namespace lockscope::ui
