#include "duration.h"

#include <QRegularExpression>

#include <cmath>

namespace lockscope {

Result<std::chrono::milliseconds> Duration::parse(const QString &text, const QString &what) {
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch()) {
        return Error{
            ErrorKind::InvalidArgument,
            QStringLiteral("%1 must be a duration such as 250ms, 3s, 1.5s or 2m, not '%2'.")
                .arg(what, text)};
    }
    const double number = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    double ms = number * 1000.0;
    if (unit == QLatin1String("ms"))
        ms = number;
    else if (unit == QLatin1String("m"))
        ms = number * 60'000.0;
    else if (unit == QLatin1String("h"))
        ms = number * 3'600'000.0;
    constexpr double kMaxMs = 366.0 * 24 * 3'600'000.0; // a year
    if (!std::isfinite(ms) || ms > kMaxMs) {
        return Error{
            ErrorKind::InvalidArgument,
            QStringLiteral("%1 of '%2' is too long; the maximum is one year.").arg(what, text)};
    }
    return std::chrono::milliseconds(static_cast<qint64>(std::llround(ms)));
}

QString Duration::format(std::chrono::milliseconds duration) {
    const qint64 ms = duration.count();
    if (ms < 1000)
        return QStringLiteral("%1ms").arg(ms);
    if (ms < 60'000)
        return QStringLiteral("%1s").arg(static_cast<double>(ms) / 1000.0, 0, 'g', 4);
    if (ms < 3'600'000)
        return QStringLiteral("%1m").arg(static_cast<double>(ms) / 60'000.0, 0, 'g', 4);
    return QStringLiteral("%1h").arg(static_cast<double>(ms) / 3'600'000.0, 0, 'g', 4);
}

} // namespace lockscope
