#include "db/sqlscript.h"

#include <QRegularExpression>

namespace lockscope {

QStringList SqlScript::split(const QString &script) {
    QStringList statements;
    QString current;
    const qsizetype n = script.size();
    qsizetype i = 0;
    auto flush = [&] {
        const QString trimmed = current.trimmed();
        if (!trimmed.isEmpty())
            statements << trimmed;
        current.clear();
    };
    while (i < n) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') { // line comment: dropped
            while (i < n && script.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && next == u'*') { // block comment: dropped
            const qsizetype end = script.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == u'\'' || c == u'"') { // quoted text or identifier ('' and "" escape)
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            current += script.mid(i, j - i + 1);
            i = j + 1;
            continue;
        }
        if (c == u'$') { // $tag$ … $tag$
            qsizetype j = i + 1;
            while (j < n && (script.at(j).isLetterOrNumber() || script.at(j) == u'_'))
                ++j;
            if (j < n && script.at(j) == u'$') {
                const QString tag = script.mid(i, j - i + 1);
                const qsizetype end = script.indexOf(tag, j + 1);
                const qsizetype stop = end < 0 ? n : end + tag.size();
                current += script.mid(i, stop - i);
                i = stop;
                continue;
            }
        }
        if (c == u';') {
            // A trigger's body (BEGIN … END) holds statements of its own: only the
            // ';' after its END ends the CREATE TRIGGER.
            static const QRegularExpression trigger(
                QStringLiteral("^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"),
                QRegularExpression::CaseInsensitiveOption);
            static const QRegularExpression end(QStringLiteral("\\bEND\\s*$"),
                                                QRegularExpression::CaseInsensitiveOption);
            if (trigger.match(current).hasMatch() && !end.match(current).hasMatch()) {
                current += c;
                ++i;
                continue;
            }
            flush();
            ++i;
            continue;
        }
        current += c;
        ++i;
    }
    flush();
    return statements;
}

} // namespace lockscope
