#pragma once

#include <QString>

#include <optional>

namespace lockscope::ui {

// Passwords for saved profiles, in the system keychain (Secret Service, through
// qtkeychain) when the build has it and the desktop runs one. Without a keychain
// nothing is stored: the password is asked for and kept in memory only.
namespace PasswordStore {
bool available();
std::optional<QString> read(const QString &profile);
bool write(const QString &profile, const QString &password);
void remove(const QString &profile);
} // namespace PasswordStore

} // namespace lockscope::ui
