#include "advisory/advisorykey.h"

#include "base/lockkey.h"

#include <QCoreApplication>

namespace lockscope {

AdvisoryKey AdvisoryKey::fromInt64(qint64 key) {
    AdvisoryKey k;
    k.m_form = Form::Int64;
    k.m_int64 = key;
    return k;
}

AdvisoryKey AdvisoryKey::fromPair(qint32 first, qint32 second) {
    AdvisoryKey k;
    k.m_form = Form::Pair;
    k.m_first = first;
    k.m_second = second;
    return k;
}

AdvisoryKey AdvisoryKey::fromText(const QString &text) {
    AdvisoryKey k;
    k.m_form = Form::Text;
    k.m_text = text;
    return k;
}

Result<AdvisoryKey> AdvisoryKey::parse(const QString &spec) {
    const Error bad{
        ErrorKind::InvalidKey,
        QCoreApplication::translate("lockscope::AdvisoryKey",
                                    "'%1' is not an advisory lock key. Give a 64-bit integer (42), "
                                    "a pair of 32-bit integers (1,2), or text:STRING to have the "
                                    "server hash a string.")
            .arg(spec)};
    if (spec.startsWith(QLatin1String("text:"))) {
        const QString text = spec.mid(5);
        if (auto valid = LockKey::validate(text); !valid.ok())
            return valid.error();
        return fromText(text);
    }
    if (spec.contains(QLatin1Char(','))) {
        const QStringList parts = spec.split(QLatin1Char(','));
        bool ok1 = false;
        bool ok2 = false;
        const int a = parts.value(0).trimmed().toInt(&ok1);
        const int b = parts.value(1).trimmed().toInt(&ok2);
        if (parts.size() != 2 || !ok1 || !ok2)
            return bad;
        return fromPair(a, b);
    }
    bool ok = false;
    const QString number = spec.startsWith(QLatin1String("int:")) ? spec.mid(4) : spec;
    const qint64 v = number.trimmed().toLongLong(&ok);
    if (!ok)
        return bad;
    return fromInt64(v);
}

QString AdvisoryKey::sqlArguments() const {
    switch (m_form) {
    case Form::Int64:
        return QStringLiteral("CAST(? AS bigint)");
    case Form::Pair:
        return QStringLiteral("CAST(? AS integer), CAST(? AS integer)");
    case Form::Text:
        return QStringLiteral("hashtextextended(CAST(? AS text), 0)");
    }
    return QString();
}

QVariantList AdvisoryKey::bindValues() const {
    switch (m_form) {
    case Form::Int64:
        return {m_int64};
    case Form::Pair:
        return {m_first, m_second};
    case Form::Text:
        return {m_text};
    }
    return {};
}

QString AdvisoryKey::display() const {
    switch (m_form) {
    case Form::Int64:
        return QString::number(m_int64);
    case Form::Pair:
        return QStringLiteral("(%1, %2)").arg(m_first).arg(m_second);
    case Form::Text:
        return QStringLiteral("text:%1").arg(m_text);
    }
    return QString();
}

} // namespace lockscope
