#include "common/headermenu.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>

namespace lockscope::ui {

void HeaderMenu::attach(QHeaderView *header) {
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        header, &QWidget::customContextMenuRequested, header, [header](const QPoint &pos) {
            auto *menu = new QMenu(header);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            const int count = header->count();
            const int visible = count - header->hiddenSectionCount();
            for (int logical = 0; logical < count; ++logical) {
                const QString title =
                    header->model()->headerData(logical, Qt::Horizontal).toString();
                QAction *a = menu->addAction(title);
                a->setCheckable(true);
                a->setChecked(!header->isSectionHidden(logical));
                a->setEnabled(header->isSectionHidden(logical) || visible > 1);
                QObject::connect(a, &QAction::toggled, header, [header, logical](bool show) {
                    header->setSectionHidden(logical, !show);
                });
            }
            menu->popup(header->mapToGlobal(pos));
        });
}

} // namespace lockscope::ui
