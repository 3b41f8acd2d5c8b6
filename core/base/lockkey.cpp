#include "base/lockkey.h"

#include <QCoreApplication>

namespace lockscope {

Status LockKey::validateExisting(const QString &key) {
    if (key.contains(QChar(u'\0')))
        return Error{
            ErrorKind::InvalidKey,
            QCoreApplication::translate("lockscope::LockKey",
                                        "The lock key contains a NUL character, which neither "
                                        "PostgreSQL nor SQLite text can hold. Remove it.")};
    return {};
}

Status LockKey::validate(const QString &key) {
    if (key.isEmpty())
        return Error{ErrorKind::InvalidKey,
                     QCoreApplication::translate("lockscope::LockKey",
                                                 "The lock key is empty. Give a non-empty key.")};
    if (auto stored = validateExisting(key); !stored.ok())
        return stored;
    // UTF-8 length without converting (this runs on every acquire).
    qsizetype bytes = 0;
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        bytes += u < 0x80 ? 1 : u < 0x800 ? 2 : QChar::isSurrogate(u) ? 2 : 3;
    }
    if (bytes > kMaxKeyBytes)
        return Error{
            ErrorKind::InvalidKey,
            QCoreApplication::translate("lockscope::LockKey",
                                        "The lock key is %1 bytes long; the maximum is %2 bytes of "
                                        "UTF-8. Use a shorter key (for example a hash of it).")
                .arg(bytes)
                .arg(kMaxKeyBytes)};
    return {};
}

} // namespace lockscope
