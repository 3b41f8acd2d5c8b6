#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace lockscope::ui {

class ServersRefresher;
class ServersTableModel;

// The Servers tab: every saved profile as a row -- reachable or why not, held
// and expired leases, waiting sessions, the longest wait -- probed on worker
// threads while the tab is shown. A double-click opens the profile.
class ServersTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServersTab)

public:
    explicit ServersTab(QWidget *parent = nullptr);
    ~ServersTab() override;

    ServersTableModel *model() const { return m_model; }
    ServersRefresher *refresher() const { return m_refresher; }
    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

Q_SIGNALS:
    void openProfile(const QString &name);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateSummary();

    ServersTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    ServersRefresher *m_refresher;
    QTableView *m_view;
    QLabel *m_summary;
};

} // namespace lockscope::ui
