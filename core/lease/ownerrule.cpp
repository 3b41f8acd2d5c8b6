#include "lease/ownerrule.h"

#include <QCoreApplication>

namespace lockscope {

Result<OwnerRule> OwnerRule::compile(const QString &pattern, const QString &what) {
    OwnerRule rule;
    if (pattern.isEmpty())
        return rule;
    QRegularExpression regex(pattern);
    if (!regex.isValid())
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate(
                         "lockscope::OwnerRule",
                         "%1 is not a valid regular expression (%2 at offset %3); "
                         "write one whose first group captures the application_name, "
                         "e.g. '^([a-z-]+)@'")
                         .arg(what, regex.errorString())
                         .arg(regex.patternErrorOffset())};
    regex.optimize();
    rule.m_pattern = pattern;
    rule.m_regex = regex;
    return rule;
}

std::optional<QString> OwnerRule::applicationFor(const QString &token) const {
    if (isEmpty())
        return std::nullopt;
    const auto match = m_regex.match(token);
    if (!match.hasMatch())
        return std::nullopt;
    const QString name = match.captured(m_regex.captureCount() > 0 ? 1 : 0);
    if (name.isEmpty())
        return std::nullopt;
    return name;
}

} // namespace lockscope
