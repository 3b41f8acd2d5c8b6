#include "lease/ownersession.h"

#include <QCryptographicHash>

namespace lockscope {

QString OwnerSessionName::clean(const QString &ownerId) {
    QString out;
    out.reserve(ownerId.size());
    for (const QChar c : ownerId) {
        if (c == u'/')
            out += QChar(u'_'); // as OwnerToken::make writes it
        else if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            out += QChar(u'?'); // as PostgreSQL 15 keeps it (check_application_name)
        else if (c == u';')
            out += QChar(u'?'); // refused in a connection's options (Database::open)
        else
            out += c;
    }
    return out;
}

QString OwnerSessionName::compact(const QString &ownerId) {
    const QString whole = clean(ownerId);
    if (whole.size() <= kMaxOwnerBytes) // ASCII only: characters are bytes
        return whole;
    const QByteArray digest =
        QCryptographicHash::hash(whole.toLatin1(), QCryptographicHash::Sha1).toHex().left(8);
    return whole.left(kMaxOwnerBytes - 9) + QLatin1Char('~') + QString::fromLatin1(digest);
}

QString OwnerSessionName::forOwner(const QString &program, const QString &ownerId) {
    const QString owner = compact(ownerId);
    const QString name = clean(program.isEmpty() ? QStringLiteral("lockscope") : program);
    return name.left(kMaxBytes - 1 - owner.size()) + QLatin1Char('/') + owner;
}

QString OwnerSessionName::ownerPart(const QString &applicationName) {
    const qsizetype slash = applicationName.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : applicationName.mid(slash + 1);
}

} // namespace lockscope
