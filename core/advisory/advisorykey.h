#pragma once

#include "base/result.h"

#include <QString>
#include <QVariantList>

namespace lockscope {

// A PostgreSQL advisory lock key, in one of the three forms programs use:
// one signed 64-bit integer, a pair of signed 32-bit integers, or a string that
// the SERVER hashes with hashtextextended(key, 0) -- the same value other
// programs get when they derive their key that way.
class AdvisoryKey final {
public:
    enum class Form { Int64, Pair, Text };

    static AdvisoryKey fromInt64(qint64 key);
    static AdvisoryKey fromPair(qint32 first, qint32 second);
    static AdvisoryKey fromText(const QString &text);
    // "42", "-7", "1,2" (a pair), "text:orders/42" (hashed by the server).
    static Result<AdvisoryKey> parse(const QString &spec);

    Form form() const { return m_form; }
    qint64 int64() const { return m_int64; }
    qint32 first() const { return m_first; }
    qint32 second() const { return m_second; }
    const QString &text() const { return m_text; }

    // The argument list of pg_advisory_*(…) with `?` placeholders, and the values
    // to bind to them, in order. User text is always bound, never spliced.
    QString sqlArguments() const;
    QVariantList bindValues() const;
    QString display() const;

private:
    Form m_form = Form::Int64;
    qint64 m_int64 = 0;
    qint32 m_first = 0;
    qint32 m_second = 0;
    QString m_text;
};

} // namespace lockscope
