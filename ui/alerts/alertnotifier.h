#pragma once

#include "monitor/monitor.h"

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace lockscope::ui {

// Tells the user of an alert that starts (or turns critical) while the window
// is hidden or minimized: a desktop notification through a tray icon when the
// desktop has a system tray. Clicking the icon brings the window back.
class AlertNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertNotifier)

public:
    AlertNotifier(Monitor *monitor, QWidget *window);
    ~AlertNotifier() override;

    bool hasTray() const { return m_tray != nullptr; }

Q_SIGNALS:
    // Each notification (also without a tray, so it can be checked offscreen).
    void notified(const QString &title, const QString &text);

private:
    void onEvent(const AlertEvent &event);

    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace lockscope::ui
