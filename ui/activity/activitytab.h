#pragma once

#include "connection/session.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QMenu;
class QModelIndex;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace lockscope::ui {

class AuditTableModel;
class EmptyState;

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
    EmptyState *emptyState() const { return m_empty; }
    bool showsEmptyState() const;
    void setSession(const std::optional<Session> &session);
    void setLoaded(bool loaded);
    // The row's right-click menu: copy target / row as JSON, filter by its user.
    QMenu *contextMenu(const QModelIndex &proxyIndex);

Q_SIGNALS:
    void connectRequested();
    void showLeasesRequested();

private:
    void updateEmptyState();

    AuditTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    EmptyState *m_empty;
    QStackedWidget *m_stack;
    std::optional<Session> m_session;
    bool m_loaded = false;
    int m_emptyKind = -1;
};

} // namespace lockscope::ui
