#include "alerts/alertrulesdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lockscope::ui {

namespace {

QSpinBox *spin(QWidget *parent, int min, int max, int value, const QString &suffix,
               const QString &name) {
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setObjectName(name);
    return box;
}

} // namespace

AlertRulesDialog::AlertRulesDialog(const AlertRules &r, QWidget *parent)
    : QDialog(parent)
    , m_blocker(new QCheckBox(tr("&Sessions that block others"), this))
    , m_blockerSessions(spin(this, 1, AlertRules::kMaxBlockerSessions, r.blockerSessions,
                             tr(" sessions"), QStringLiteral("blockerSessions")))
    , m_blockerWarn(
          spin(this, 0, 7 * 86400, r.blockerWarnS, tr(" s"), QStringLiteral("blockerWarn")))
    , m_blockerCrit(
          spin(this, 0, 7 * 86400, r.blockerCritS, tr(" s"), QStringLiteral("blockerCrit")))
    , m_expired(new QCheckBox(tr("&Expired leases nobody swept"), this))
    , m_expiredLeases(
          spin(this, 1, 1000, r.expiredLeases, tr(" leases"), QStringLiteral("expiredLeases")))
    , m_expiredFor(spin(this, 0, 7 * 86400, r.expiredForS, tr(" s"), QStringLiteral("expiredFor")))
    , m_ownerGone(new QCheckBox(tr("Lease &owners without a session (PostgreSQL)"), this))
    , m_ownerGoneFor(
          spin(this, 0, 7 * 86400, r.ownerGoneForS, tr(" s"), QStringLiteral("ownerGoneFor")))
    , m_noExpiry(new QCheckBox(tr("&Redis lock keys without expiry"), this))
    , m_noExpiryFor(
          spin(this, 0, 7 * 86400, r.noExpiryForS, tr(" s"), QStringLiteral("noExpiryFor"))) {
    setWindowTitle(tr("Alert thresholds"));
    m_blocker->setObjectName(QStringLiteral("blockerEnabled"));
    m_blocker->setChecked(r.blockerEnabled);
    m_expired->setObjectName(QStringLiteral("expiredEnabled"));
    m_expired->setChecked(r.expiredEnabled);
    m_ownerGone->setObjectName(QStringLiteral("ownerGoneEnabled"));
    m_ownerGone->setChecked(r.ownerGoneEnabled);
    m_noExpiry->setObjectName(QStringLiteral("noExpiryEnabled"));
    m_noExpiry->setChecked(r.noExpiryEnabled);

    auto *blockers = new QFormLayout;
    blockers->addRow(m_blocker);
    blockers->addRow(tr("Blocks at &least:"), m_blockerSessions);
    blockers->addRow(tr("&Warning after:"), m_blockerWarn);
    blockers->addRow(tr("&Critical after:"), m_blockerCrit);
    auto *expired = new QFormLayout;
    expired->addRow(m_expired);
    expired->addRow(tr("&At least:"), m_expiredLeases);
    expired->addRow(tr("Expired &for:"), m_expiredFor);
    auto *owners = new QFormLayout;
    owners->addRow(m_ownerGone);
    owners->addRow(tr("&Gone for:"), m_ownerGoneFor);
    auto *noExpiry = new QFormLayout;
    noExpiry->addRow(m_noExpiry);
    noExpiry->addRow(tr("&Present for:"), m_noExpiryFor);
    auto *note = new QLabel(
        tr("A blocker counts every session behind it, directly or not; it has blocked N "
           "sessions for as long as the N-th longest of their waits. Expired leases are "
           "counted from their own expiry time. An owner counts as gone, and a Redis key "
           "as without expiry, from the first refresh that saw it so; an owner whose "
           "session cannot be told (not PostgreSQL, or no rule matches its tokens) "
           "never alerts."),
        this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Critical never before warning.
    connect(m_blockerWarn, &QSpinBox::valueChanged, this,
            [this](int warn) { m_blockerCrit->setMinimum(warn); });
    m_blockerCrit->setMinimum(m_blockerWarn->value());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(blockers);
    layout->addSpacing(8);
    layout->addLayout(expired);
    layout->addSpacing(8);
    layout->addLayout(owners);
    layout->addSpacing(8);
    layout->addLayout(noExpiry);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

AlertRulesDialog::~AlertRulesDialog() = default;

AlertRules AlertRulesDialog::rules() const {
    AlertRules r;
    r.blockerEnabled = m_blocker->isChecked();
    r.blockerSessions = m_blockerSessions->value();
    r.blockerWarnS = m_blockerWarn->value();
    r.blockerCritS = std::max(m_blockerWarn->value(), m_blockerCrit->value());
    r.expiredEnabled = m_expired->isChecked();
    r.expiredLeases = m_expiredLeases->value();
    r.expiredForS = m_expiredFor->value();
    r.ownerGoneEnabled = m_ownerGone->isChecked();
    r.ownerGoneForS = m_ownerGoneFor->value();
    r.noExpiryEnabled = m_noExpiry->isChecked();
    r.noExpiryForS = m_noExpiryFor->value();
    return r;
}

} // namespace lockscope::ui
