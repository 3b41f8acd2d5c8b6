#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace lockscope::ui {

class AuditTableModel;

// The Activity tab: the audit trail of admin actions (GUI and lockctl alike),
// newest first, sortable, with a filter over every column (action, target, user,
// outcome, …) that matches text, never SQL.
class ActivityTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityTab)

public:
    explicit ActivityTab(AuditTableModel *model, QWidget *parent = nullptr);
    ~ActivityTab() override;
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    AuditTableModel *model() const { return m_model; }

private:
    AuditTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
};

} // namespace lockscope::ui
