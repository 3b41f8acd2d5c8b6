#include "alerts/alertnotifier.h"

#include "alerts/alerttablemodel.h"

#include <QSystemTrayIcon>
#include <QWidget>

namespace lockscope::ui {

AlertNotifier::AlertNotifier(Monitor *monitor, QWidget *window)
    : QObject(window)
    , m_window(window) {
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(window->windowIcon(), this);
        m_tray->setToolTip(tr("LockScope"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        m_tray->show();
    }
    connect(monitor, &Monitor::alertEvent, this, &AlertNotifier::onEvent);
}

AlertNotifier::~AlertNotifier() = default;

void AlertNotifier::onEvent(const AlertEvent &event) {
    if (event.kind == AlertEvent::Kind::Ended)
        return;
    if (m_window->isVisible() && !m_window->isMinimized())
        return; // the badge on the Alerts tab says it
    const Alert &a = event.alert;
    const QString title =
        tr("%1: %2 (%3)")
            .arg(a.severity == Alert::Severity::Critical ? tr("CRITICAL") : tr("WARNING"),
                 AlertTableModel::ruleTitle(a.rule), a.source);
    if (m_tray) {
        m_tray->showMessage(title, a.text,
                            a.severity == Alert::Severity::Critical ? QSystemTrayIcon::Critical
                                                                    : QSystemTrayIcon::Warning);
    }
    Q_EMIT notified(title, a.text);
}

} // namespace lockscope::ui
