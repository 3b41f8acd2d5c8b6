#include "base/globpattern.h"

#include <QCoreApplication>

namespace lockscope {

namespace {

struct Translation {
    QString regex;
    QString problem; // empty when the glob is valid
};

// What is wrong with the class between the brackets (negation already removed).
QString classProblem(const QString &glob, const QString &members) {
    if (members.isEmpty())
        return QCoreApplication::translate(
                   "lockscope::GlobPattern",
                   "the class %1 contains no character, so nothing can match; put the "
                   "characters between the brackets, as in [!a]")
            .arg(glob);
    for (qsizetype k = 0; k < members.size(); ++k) {
        if (k + 2 < members.size() && members.at(k + 1) == u'-') {
            const QChar from = members.at(k);
            const QChar to = members.at(k + 2);
            if (from > to)
                return QCoreApplication::translate(
                           "lockscope::GlobPattern",
                           "the range %1-%2 runs backwards; write it as %2-%1")
                    .arg(from)
                    .arg(to);
            k += 2;
        }
    }
    return {};
}

Translation translate(const QString &glob) {
    Translation t;
    t.regex.reserve(glob.size() * 2 + 4);
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u'*') {
            t.regex += QStringLiteral(".*");
        } else if (c == u'?') {
            t.regex += QLatin1Char('.');
        } else if (c == u'[') {
            // A ']' right after the '[' is a member, as in the shell.
            const qsizetype end = glob.indexOf(QLatin1Char(']'), i + 2);
            if (end < 0) {
                t.regex += QStringLiteral("\\[");
                continue;
            }
            QString cls = glob.mid(i + 1, end - i - 1);
            const bool negated =
                cls.startsWith(QLatin1Char('!')) || cls.startsWith(QLatin1Char('^'));
            if (t.problem.isEmpty())
                t.problem = classProblem(glob.mid(i, end - i + 1), negated ? cls.mid(1) : cls);
            if (negated)
                cls[0] = QLatin1Char('^');
            cls.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            t.regex += QLatin1Char('[') + cls + QLatin1Char(']');
            i = end;
        } else {
            t.regex += QRegularExpression::escape(QString(c));
        }
    }
    return t;
}

QRegularExpression expression(const QString &regex, Qt::CaseSensitivity cs) {
    QRegularExpression::PatternOptions options = QRegularExpression::DotMatchesEverythingOption;
    if (cs == Qt::CaseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(QRegularExpression::anchoredPattern(regex), options);
}

} // namespace

QRegularExpression GlobPattern::toRegularExpression(const QString &glob, Qt::CaseSensitivity cs) {
    return expression(translate(glob).regex, cs);
}

Result<QRegularExpression> GlobPattern::compile(const QString &glob, const QString &what,
                                                Qt::CaseSensitivity cs) {
    const Translation t = translate(glob);
    QRegularExpression rx = expression(t.regex, cs);
    QString problem = t.problem;
    if (problem.isEmpty() && !rx.isValid())
        problem = rx.errorString();
    if (!problem.isEmpty())
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate("lockscope::GlobPattern",
                                                 "%1 '%2' is not a valid glob: %3.")
                         .arg(what, glob, problem)};
    return rx;
}

} // namespace lockscope
