#pragma once

#include "base/result.h"

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace lockscope {

// How the inspector finds the session of a lease written by another program:
// a regular expression over the owner token whose first capture group (or,
// without groups, the whole match) is the application_name that program's
// sessions carry. "^([a-z-]+)@" maps the token "billing@7f3a…" to the
// sessions named "billing". A token the rule does not match stays unknown.
class OwnerRule final {
public:
    OwnerRule() = default;
    // An empty pattern is no rule. A pattern that does not compile is an
    // InvalidArgument error naming `what` (the option or setting it came from).
    static Result<OwnerRule> compile(const QString &pattern, const QString &what);

    bool isEmpty() const { return m_pattern.isEmpty(); }
    QString pattern() const { return m_pattern; }
    // The application_name for `token`, or nullopt when the rule does not match
    // it (or matches only an empty name).
    std::optional<QString> applicationFor(const QString &token) const;

private:
    QString m_pattern;
    QRegularExpression m_regex;
};

} // namespace lockscope
