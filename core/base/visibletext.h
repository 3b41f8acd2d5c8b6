#pragma once

#include <QString>

namespace lockscope {

// Text from the shared tables (keys, tokens, audit targets and details) is
// written by any program, so it may hold characters that act instead of show:
// an ESC that starts a terminal escape sequence, a carriage return that lets a
// line overwrite itself, a right-to-left override that reorders what follows.
// These are shown as what they are. Exports and JSON keep the exact text.
//
// Escaped: C0 controls (U+0000–U+001F), DEL, C1 controls (U+0080–U+009F), the
// line and paragraph separators (U+2028, U+2029) and the bidirectional controls
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). Everything else,
// non-ASCII text and emoji included, is left as it is.
namespace VisibleText {

bool isHidden(char16_t c);

// For a terminal: \n, \r, \t, else \xHH (up to U+00FF) or \uHHHH.
QString forTerminal(const QString &text);

// For the GUI: ⏎ for a newline, the terminal's escapes for the rest (the
// Unicode control pictures are missing from common fonts).
QString forDisplay(const QString &text);

} // namespace VisibleText

} // namespace lockscope
