#include "base/visibletext.h"

#include <algorithm>

namespace lockscope {

namespace {

QString hex(char16_t c) {
    return c <= 0xff ? QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0'))
                     : QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
}

template <typename Show> QString replaceHidden(const QString &text, Show show) {
    if (std::none_of(text.cbegin(), text.cend(),
                     [](QChar c) { return VisibleText::isHidden(c.unicode()); }))
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (VisibleText::isHidden(c.unicode()))
            out += show(c.unicode());
        else
            out += c;
    }
    return out;
}

} // namespace

bool VisibleText::isHidden(char16_t c) {
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return true;
    if (c < 0x61c)
        return false;
    return c == 0x61c || c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029 ||
           (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

QString VisibleText::forTerminal(const QString &text) {
    return replaceHidden(text, [](char16_t c) -> QString {
        switch (c) {
        case u'\n':
            return QStringLiteral("\\n");
        case u'\r':
            return QStringLiteral("\\r");
        case u'\t':
            return QStringLiteral("\\t");
        default:
            return hex(c);
        }
    });
}

// The Unicode control pictures (␛, ␍ …) would read best, but the fonts a
// stock Debian desktop has (DejaVu) lack them and show an empty box: the GUI
// uses the terminal's escapes, which every font can show, and ⏎ (which DejaVu
// has) for a line break.
QString VisibleText::forDisplay(const QString &text) {
    return replaceHidden(text, [](char16_t c) -> QString {
        if (c == u'\n')
            return QStringLiteral("⏎");
        return forTerminal(QString(QChar(c)));
    });
}

} // namespace lockscope
