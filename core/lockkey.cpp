#include "lockkey.h"

namespace lockscope {

Status LockKey::validate(const QString &key) {
    if (key.isEmpty())
        return Error{ErrorKind::InvalidKey,
                     QStringLiteral("The lock key is empty. Give a non-empty key.")};
    if (key.contains(QChar(u'\0')))
        return Error{ErrorKind::InvalidKey,
                     QStringLiteral("The lock key contains a NUL character, which neither "
                                    "PostgreSQL nor SQLite text can hold. Remove it.")};
    const qsizetype bytes = key.toUtf8().size();
    if (bytes > kMaxKeyBytes)
        return Error{ErrorKind::InvalidKey,
                     QStringLiteral("The lock key is %1 bytes long; the maximum is %2 bytes of "
                                    "UTF-8. Use a shorter key (for example a hash of it).")
                         .arg(bytes)
                         .arg(kMaxKeyBytes)};
    return {};
}

} // namespace lockscope
