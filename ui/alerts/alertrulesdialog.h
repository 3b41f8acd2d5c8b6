#pragma once

#include "monitor/alertrules.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace lockscope::ui {

// Alerts ▸ Thresholds…: the rules' thresholds, edited in place; the caller
// stores what was accepted.
class AlertRulesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertRulesDialog)

public:
    explicit AlertRulesDialog(const AlertRules &rules, QWidget *parent = nullptr);
    ~AlertRulesDialog() override;

    AlertRules rules() const;

private:
    QCheckBox *m_blocker;
    QSpinBox *m_blockerSessions;
    QSpinBox *m_blockerWarn;
    QSpinBox *m_blockerCrit;
    QCheckBox *m_expired;
    QSpinBox *m_expiredLeases;
    QSpinBox *m_expiredFor;
    QCheckBox *m_ownerGone;
    QSpinBox *m_ownerGoneFor;
    QCheckBox *m_noExpiry;
    QSpinBox *m_noExpiryFor;
};

} // namespace lockscope::ui
