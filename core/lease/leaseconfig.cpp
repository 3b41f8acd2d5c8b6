#include "lease/leaseconfig.h"

#include "lease/leaseinfo.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>

#include <algorithm>

namespace lockscope {

std::chrono::milliseconds LeaseConfig::effectiveLossMargin() const {
    using std::chrono::milliseconds;
    if (lossMargin)
        return std::clamp(*lossMargin, milliseconds(0), ttl);
    return std::clamp(ttl / 10, milliseconds(10), milliseconds(2000));
}

QString LeaseConfig::defaultOwnerId() {
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("host");
    return QStringLiteral("%1:%2:%3")
        .arg(host)
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::system()->generate() & 0xffff, 4, 16, QLatin1Char('0'));
}

QString OwnerToken::make(const QString &ownerId) {
    // Tokens must be unique, not secret (whoever can read the table sees them):
    // the global generator, seeded from the system one, costs no system call.
    quint64 random[2];
    QRandomGenerator::global()->fillRange(random);
    static constexpr char16_t hex[] = u"0123456789abcdef";
    QString token;
    token.reserve(ownerId.size() + 33);
    for (const QChar c : ownerId)
        token += c == u'/' ? QChar(u'_') : c;
    token += QLatin1Char('/');
    for (quint64 part : random) {
        for (int shift = 60; shift >= 0; shift -= 4)
            token += QChar(hex[(part >> shift) & 0xf]);
    }
    return token;
}

QString OwnerToken::ownerOf(const QString &token) {
    static const QRegularExpression shape(QStringLiteral("^(.+)/[0-9a-f]{32}$"));
    const auto match = shape.match(token);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace lockscope
