#pragma once

#include <QWidget>

class QTableView;

namespace lockscope::ui {

class AuditTableModel;

// The Activity tab: the audit trail of admin actions (GUI and lockctl alike).
class ActivityTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityTab)

public:
    explicit ActivityTab(AuditTableModel *model, QWidget *parent = nullptr);
    ~ActivityTab() override;
    QTableView *view() const { return m_view; }

private:
    QTableView *m_view;
};

} // namespace lockscope::ui
