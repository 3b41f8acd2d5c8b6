#include "base/epochtime.h"

#include <QDateTime>

#include <cmath>

namespace lockscope {

QString EpochTime::nonFiniteName(double seconds) {
    if (std::isnan(seconds))
        return QStringLiteral("NaN");
    if (std::isinf(seconds))
        return seconds > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return {};
}

QString EpochTime::format(double seconds, bool milliseconds) {
    if (!std::isfinite(seconds))
        return QStringLiteral("invalid (%1)").arg(nonFiniteName(seconds));
    constexpr double kYear1 = -62135596800.0;    // 0001-01-01T00:00:00Z
    constexpr double kYear9999 = 253402300799.0; // 9999-12-31T23:59:59Z
    if (seconds < kYear1 || seconds > kYear9999)
        return QStringLiteral("epoch %1").arg(seconds, 0, 'g', 6);
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(seconds * 1000.0))
        .toString(milliseconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                               : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace lockscope
