#include "leaseconfig.h"

#include "leaseinfo.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>

namespace lockscope {

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
    const quint64 a = QRandomGenerator::global()->generate64();
    const quint64 b = QRandomGenerator::global()->generate64();
    QString owner = ownerId;
    owner.replace(QLatin1Char('/'), QLatin1Char('_'));
    return QStringLiteral("%1/%2%3")
        .arg(owner)
        .arg(a, 16, 16, QLatin1Char('0'))
        .arg(b, 16, 16, QLatin1Char('0'));
}

QString OwnerToken::ownerOf(const QString &token) {
    static const QRegularExpression shape(QStringLiteral("^(.+)/[0-9a-f]{32}$"));
    const auto match = shape.match(token);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace lockscope
