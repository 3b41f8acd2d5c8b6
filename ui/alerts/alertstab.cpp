#include "alerts/alertstab.h"

#include "alerts/alertrulesdialog.h"
#include "alerts/alerttablemodel.h"
#include "monitor/monitor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace lockscope::ui {

AlertsTab::AlertsTab(Monitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_model(new AlertTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_thresholds(new QPushButton(tr("Alert &thresholds…"), this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertTableModel::Since, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AlertTableModel::What, QHeaderView::Stretch);
    m_summary->setObjectName(QStringLiteral("alertsSummary"));
    // The rules' sentence grows with every rule: it wraps instead of widening
    // the window's minimum width.
    m_summary->setWordWrap(true);
    m_thresholds->setObjectName(QStringLiteral("alertThresholds"));
    connect(m_thresholds, &QPushButton::clicked, this, &AlertsTab::editThresholds);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_thresholds);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    connect(m_monitor, &Monitor::alertsChanged, this, &AlertsTab::reload);
    reload();
}

AlertsTab::~AlertsTab() = default;

void AlertsTab::reload() {
    m_model->setAlerts(m_monitor->engine().alerts());
    const int open = m_monitor->engine().openCount();
    const AlertRules &r = m_monitor->rules();
    QString rules;
    if (r.blockerEnabled)
        rules += tr("a session blocking %1 or more for %2 s (critical: %3 s)")
                     .arg(r.blockerSessions)
                     .arg(r.blockerWarnS)
                     .arg(r.blockerCritS);
    if (r.expiredEnabled) {
        if (!rules.isEmpty())
            rules += tr("; ");
        rules += tr("%1 or more leases expired %2 s ago and not swept")
                     .arg(r.expiredLeases)
                     .arg(r.expiredForS);
    }
    if (r.ownerGoneEnabled) {
        if (!rules.isEmpty())
            rules += tr("; ");
        rules += tr("a lease owner without a session for %1 s").arg(r.ownerGoneForS);
    }
    if (r.noExpiryEnabled) {
        if (!rules.isEmpty())
            rules += tr("; ");
        rules += tr("a Redis lock key without expiry for %1 s").arg(r.noExpiryForS);
    }
    if (rules.isEmpty())
        rules = tr("every rule is switched off");
    m_summary->setText(open == 0
                           ? tr("No open alerts. Watching for: %1.").arg(rules)
                           : tr("%n open alert(s). Watching for: %1.", nullptr, open).arg(rules));
    Q_EMIT openCountChanged(open, m_monitor->engine().hasOpenCritical());
}

void AlertsTab::editThresholds() {
    AlertRulesDialog dialog(m_monitor->rules(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_monitor->setRules(dialog.rules());
    reload();
}

} // namespace lockscope::ui
