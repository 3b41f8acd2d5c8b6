#pragma once

#include <QLocale>

namespace lockscope::ui {

// The GUI's languages: LockScope's own translations (built in from
// resources/translations as :/i18n/lockscope_<lang>.qm) and Qt's (the standard
// dialogs' buttons), for the user's locale (LANG, LC_ALL, …). Numbers and times
// that the GUI computes are formatted with QLocale(); values read from a
// database are shown as stored.
namespace Translations {
// Replaces the translators installed by an earlier call. True when LockScope
// has a translation for the locale (English, the source language, has none).
bool install(const QLocale &locale = QLocale());
} // namespace Translations

} // namespace lockscope::ui
