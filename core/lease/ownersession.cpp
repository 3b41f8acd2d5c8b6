#include "lease/ownersession.h"

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

QString OwnerSessionName::forOwner(const QString &program, const QString &ownerId) {
    QString name = clean(program.isEmpty() ? QStringLiteral("lockscope") : program) +
                   QLatin1Char('/') + clean(ownerId);
    name.truncate(kMaxBytes); // ASCII only: characters are bytes
    return name;
}

QString OwnerSessionName::ownerPart(const QString &applicationName) {
    const qsizetype slash = applicationName.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : applicationName.mid(slash + 1);
}

} // namespace lockscope
