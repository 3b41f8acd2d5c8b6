#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace lockscope::ui {

class AlertTableModel;
class Monitor;

// The Alerts tab: every alert instance (severity, rule, what, connection, since,
// ended), the open ones in bold, and the thresholds behind a button.
class AlertsTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsTab)

public:
    explicit AlertsTab(Monitor *monitor, QWidget *parent = nullptr);
    ~AlertsTab() override;

    AlertTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *thresholdsButton() const { return m_thresholds; }
    QLabel *summary() const { return m_summary; }
    // Opens the thresholds dialog; an accepted dialog stores the rules.
    void editThresholds();

Q_SIGNALS:
    void openCountChanged(int open, bool critical);

private:
    void reload();

    Monitor *m_monitor;
    AlertTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_summary;
    QPushButton *m_thresholds;
};

} // namespace lockscope::ui
