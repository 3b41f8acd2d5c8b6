#pragma once

#include <QRegularExpression>
#include <QString>

namespace lockscope {

// Shell-style globs for filtering keys client-side (never spliced into SQL):
// '*' any run of characters (slashes included), '?' one character, [abc] a class.
namespace GlobPattern {
QRegularExpression toRegularExpression(const QString &glob,
                                       Qt::CaseSensitivity cs = Qt::CaseSensitive);
}

} // namespace lockscope
