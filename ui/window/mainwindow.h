#pragma once

#include "connection/session.h"

#include <QMainWindow>

#include <chrono>
#include <memory>
#include <optional>

class QAction;
class QFrame;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QThreadPool;
class QTimer;

namespace lockscope::ui {

class AboutDialog;
class ActivityTab;
class AlertNotifier;
class AlertsTab;
class HistoryTab;
class Monitor;
class AdvisoryTab;
class LocksTab;
class AdvisoryTableModel;
class AuditTableModel;
class DemoRun;
class DocumentationDialog;
class InspectorRefresher;
class LeaseTableModel;
class LeasesTab;
class LoadPanel;
class ServersTab;
class ShortcutsDialog;
class WindowMemory;

// The inspector's window: tabs for leases, advisory locks, activity and load; a
// status bar with the connection, the totals and the age of the data. It owns
// the models and the refresher; every query runs on a worker thread.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects on a worker; the window stays responsive. `migrate` creates and
    // migrates the embedded default database.
    // `readStoredPassword`: the profile's password is read from the keychain on
    // that worker too (the keychain may wait on D-Bus), unless `params` has one.
    void connectTo(const ConnectionParams &params, const QString &profileName = QString(),
                   bool profileReadOnly = false, bool migrate = false,
                   bool readStoredPassword = false);
    void disconnectFromDatabase();
    // Connects to the profile used last (saved in the settings, password from the
    // keychain); false when there is none to go back to, or it was the embedded one.
    // `readOnly` (lockscope --read-only) makes it read-only whatever the profile says.
    bool connectToLastProfile(bool readOnly = false);
    // lockscope --read-only: every connection from now on is read-only, whatever
    // its profile or role says (the connection dialog, the Servers tab, …).
    void setForcedReadOnly(bool readOnly) { m_forcedReadOnly = readOnly; }
    // View ▸ Reset layout: geometry, columns, splitters, filters and interval as built.
    void resetLayout();
    void showConnectionDialog();
    // View ▸ Lease owner rule…: how leases of other programs map to their owners'
    // sessions. setOwnerRule saves a pattern that compiles (settings key
    // leases/ownerRule) and refreshes; false (nothing changed) for one that does not.
    void showOwnerRuleDialog();
    bool setOwnerRule(const QString &pattern);
    void exportCurrentTab(bool json, const QString &path = QString());
    // Help ▸ About: icon, version, Qt version, database drivers.
    void showAbout();
    AboutDialog *aboutDialog() const { return m_about; }
    // Help ▸ Documentation: the README built into the program.
    void showDocumentation();
    DocumentationDialog *documentationDialog() const { return m_documentation; }
    // Help ▸ Keyboard Shortcuts.
    void showShortcuts();
    ShortcutsDialog *shortcutsDialog() const { return m_shortcuts; }
    // Help ▸ Start a demo load: a short, self-stopping load on this database (asked
    // first unless it is the embedded one), then a summary of what it showed.
    void startDemo();
    DemoRun *demo() const { return m_demo; }
    QLabel *bannerText() const { return m_bannerText; }

    const std::optional<Session> &session() const { return m_session; }
    QString connectionError() const { return m_connectionError; }
    InspectorRefresher *refresher() const { return m_refresher; }
    LeasesTab *leasesTab() const { return m_leasesTab; }
    AdvisoryTab *advisoryTab() const { return m_advisoryTab; }
    ServersTab *serversTab() const { return m_serversTab; }
    // The Servers tab's double-click: connects to the saved profile `name`
    // (password from the keychain) and shows its leases; false if there is none.
    bool openProfile(const QString &name);
    LocksTab *locksTab() const { return m_locksTab; }
    ActivityTab *activityTab() const { return m_activityTab; }
    HistoryTab *historyTab() const { return m_historyTab; }
    AlertsTab *alertsTab() const { return m_alertsTab; }
    Monitor *monitor() const { return m_monitor; }
    AlertNotifier *alertNotifier() const { return m_notifier; }
    LoadPanel *loadPanel() const { return m_loadPanel; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *statusLabel() const { return m_status; }
    QSpinBox *intervalBox() const { return m_interval; }
    LeaseTableModel *leaseModel() const { return m_leaseModel; }

Q_SIGNALS:
    void connected();
    void connectionFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void updateStatus();
    void showBanner(const QString &text, bool running);
    void sessionChanged();
    void updateAlertBadge(int open, bool critical);

    LeaseTableModel *m_leaseModel;
    AdvisoryTableModel *m_advisoryModel;
    AuditTableModel *m_auditModel;
    InspectorRefresher *m_refresher;
    Monitor *m_monitor;
    QTabWidget *m_tabs;
    LeasesTab *m_leasesTab;
    AdvisoryTab *m_advisoryTab;
    LocksTab *m_locksTab;
    ServersTab *m_serversTab;
    ActivityTab *m_activityTab;
    HistoryTab *m_historyTab;
    AlertsTab *m_alertsTab;
    LoadPanel *m_loadPanel;
    AlertNotifier *m_notifier = nullptr;
    QLabel *m_connection;
    QLabel *m_status;
    QSpinBox *m_interval;
    QAction *m_pause;
    QAction *m_refresh;
    QAction *m_disconnect;
    QTimer *m_statusTimer;
    std::optional<Session> m_session;
    QString m_connectionError;
    QString m_ownerRuleError; // the saved owner rule does not compile
    quint64 m_connectSerial = 0;
    bool m_forcedReadOnly = false;
    AboutDialog *m_about = nullptr;
    ShortcutsDialog *m_shortcuts = nullptr;
    DocumentationDialog *m_documentation = nullptr;
    DemoRun *m_demo;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_bannerStop;
    std::chrono::milliseconds m_intervalBeforeDemo{0};
    std::unique_ptr<WindowMemory> m_memory;
};

} // namespace lockscope::ui
