#pragma once

#include "base/result.h"

#include <QRegularExpression>
#include <QString>

namespace lockscope {

// Shell-style globs for filtering keys client-side (never spliced into SQL):
// '*' any run of characters (slashes included), '?' one character, [abc] a class,
// [a-z] a range, [!abc] a negated class. A '[' without a closing ']' is literal.
namespace GlobPattern {

// A glob that is not valid (an empty class "[!]", a range that runs backwards
// "[z-a]") gives an expression that matches nothing: use compile() where the
// user should be told.
QRegularExpression toRegularExpression(const QString &glob,
                                       Qt::CaseSensitivity cs = Qt::CaseSensitive);

// The same, or an InvalidArgument error that names the option (`what`, e.g.
// "--match") and what is wrong with the glob.
Result<QRegularExpression> compile(const QString &glob, const QString &what,
                                   Qt::CaseSensitivity cs = Qt::CaseSensitive);

} // namespace GlobPattern

} // namespace lockscope
