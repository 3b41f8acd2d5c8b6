#include "monitor/alertrules.h"

#include <QSettings>

#include <algorithm>

namespace lockscope::ui {

AlertRules AlertRules::load(QSettings &settings) {
    AlertRules r;
    settings.beginGroup(QStringLiteral("alerts"));
    r.blockerEnabled = settings.value(QStringLiteral("blockerEnabled"), r.blockerEnabled).toBool();
    r.blockerSessions =
        std::clamp(settings.value(QStringLiteral("blockerSessions"), r.blockerSessions).toInt(), 1,
                   kMaxBlockerSessions);
    r.blockerWarnS =
        std::max(0, settings.value(QStringLiteral("blockerWarnS"), r.blockerWarnS).toInt());
    r.blockerCritS = std::max(
        r.blockerWarnS, settings.value(QStringLiteral("blockerCritS"), r.blockerCritS).toInt());
    r.expiredEnabled = settings.value(QStringLiteral("expiredEnabled"), r.expiredEnabled).toBool();
    r.expiredLeases =
        std::max(1, settings.value(QStringLiteral("expiredLeases"), r.expiredLeases).toInt());
    r.expiredForS =
        std::max(0, settings.value(QStringLiteral("expiredForS"), r.expiredForS).toInt());
    r.ownerGoneEnabled =
        settings.value(QStringLiteral("ownerGoneEnabled"), r.ownerGoneEnabled).toBool();
    r.ownerGoneForS =
        std::max(0, settings.value(QStringLiteral("ownerGoneForS"), r.ownerGoneForS).toInt());
    r.noExpiryEnabled =
        settings.value(QStringLiteral("noExpiryEnabled"), r.noExpiryEnabled).toBool();
    r.noExpiryForS =
        std::max(0, settings.value(QStringLiteral("noExpiryForS"), r.noExpiryForS).toInt());
    settings.endGroup();
    return r;
}

void AlertRules::save(QSettings &settings) const {
    settings.beginGroup(QStringLiteral("alerts"));
    settings.setValue(QStringLiteral("blockerEnabled"), blockerEnabled);
    settings.setValue(QStringLiteral("blockerSessions"), blockerSessions);
    settings.setValue(QStringLiteral("blockerWarnS"), blockerWarnS);
    settings.setValue(QStringLiteral("blockerCritS"), blockerCritS);
    settings.setValue(QStringLiteral("expiredEnabled"), expiredEnabled);
    settings.setValue(QStringLiteral("expiredLeases"), expiredLeases);
    settings.setValue(QStringLiteral("expiredForS"), expiredForS);
    settings.setValue(QStringLiteral("ownerGoneEnabled"), ownerGoneEnabled);
    settings.setValue(QStringLiteral("ownerGoneForS"), ownerGoneForS);
    settings.setValue(QStringLiteral("noExpiryEnabled"), noExpiryEnabled);
    settings.setValue(QStringLiteral("noExpiryForS"), noExpiryForS);
    settings.endGroup();
}

} // namespace lockscope::ui
