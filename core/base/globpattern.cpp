#include "base/globpattern.h"

namespace lockscope {

QRegularExpression GlobPattern::toRegularExpression(const QString &glob, Qt::CaseSensitivity cs) {
    QString rx;
    rx.reserve(glob.size() * 2 + 4);
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u'*') {
            rx += QStringLiteral(".*");
        } else if (c == u'?') {
            rx += QLatin1Char('.');
        } else if (c == u'[') {
            const qsizetype end = glob.indexOf(QLatin1Char(']'), i + 2);
            if (end < 0) {
                rx += QStringLiteral("\\[");
                continue;
            }
            QString cls = glob.mid(i + 1, end - i - 1);
            if (cls.startsWith(QLatin1Char('!')))
                cls[0] = QLatin1Char('^');
            cls.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            rx += QLatin1Char('[') + cls + QLatin1Char(']');
            i = end;
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    QRegularExpression::PatternOptions options = QRegularExpression::DotMatchesEverythingOption;
    if (cs == Qt::CaseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    return QRegularExpression(QRegularExpression::anchoredPattern(rx), options);
}

} // namespace lockscope
