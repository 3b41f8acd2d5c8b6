#include "base/duration.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace lockscope {

Result<std::chrono::milliseconds> Duration::parse(const QString &text, const QString &what) {
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch()) {
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate(
                         "lockscope::Duration",
                         "%1 must be a duration such as 250ms, 3s, 1.5s or 2m, not '%2'.")
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
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate("lockscope::Duration",
                                                 "%1 of '%2' is too long; the maximum is one year.")
                         .arg(what, text)};
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

QString Duration::formatRemaining(double seconds) {
    if (!std::isfinite(seconds))
        return QStringLiteral("—");
    const double a = std::abs(seconds);
    constexpr double kWholeDaysUpTo = 1e15; // ~31 million years; far below qint64's range
    QString text;
    if (a >= kWholeDaysUpTo) {
        text = QStringLiteral("%1 d").arg(a / 86400.0, 0, 'e', 2);
        return seconds >= 0 ? text : QStringLiteral("%1 ago").arg(text);
    }
    const auto whole = static_cast<qint64>(a);
    if (a < 60)
        text = QStringLiteral("%1 s").arg(a, 0, 'f', 1);
    else if (a < 3600)
        text = QStringLiteral("%1 m %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    else if (a < 86400)
        text = QStringLiteral("%1 h %2 m")
                   .arg(whole / 3600)
                   .arg((whole % 3600) / 60, 2, 10, QLatin1Char('0'));
    else
        text = QStringLiteral("%1 d %2 h")
                   .arg(whole / 86400)
                   .arg((whole % 86400) / 3600, 2, 10, QLatin1Char('0'));
    return seconds >= 0 ? text : QStringLiteral("%1 ago").arg(text);
}

std::optional<std::chrono::milliseconds>
Duration::leftBelow(std::optional<std::chrono::steady_clock::time_point> deadline,
                    std::chrono::milliseconds backstop, std::chrono::milliseconds floor) {
    if (!deadline)
        return std::nullopt;
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
    if (left >= backstop)
        return std::nullopt;
    return std::max(left, floor);
}

} // namespace lockscope
