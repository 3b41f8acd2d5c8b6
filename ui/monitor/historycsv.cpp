#include "monitor/historycsv.h"

#include <QDateTime>

#include <cmath>

namespace lockscope::ui {

namespace {

QString count(int value) {
    return value < 0 ? QString() : QString::number(value);
}

QString quoted(const QString &text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString q = text;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

} // namespace

QString HistoryCsv::header() {
    return QStringLiteral("time,source,waiting_sessions,blocking_sessions,longest_wait_s,"
                          "held_leases,expired_leases,advisory_held,advisory_waiting");
}

QString HistoryCsv::format(const QList<MonitorSample> &samples) {
    QString out = header() + QLatin1Char('\n');
    for (const MonitorSample &s : samples) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(std::llround(s.time * 1000.0), Qt::UTC);
        out += t.toString(Qt::ISODateWithMs) + QLatin1Char(',') + quoted(s.source) +
               QLatin1Char(',') + count(s.waiting) + QLatin1Char(',') + count(s.blockers) +
               QLatin1Char(',') +
               (s.waiting < 0 ? QString() : QString::number(s.longestWait, 'f', 3)) +
               QLatin1Char(',') + count(s.heldLeases) + QLatin1Char(',') + count(s.expiredLeases) +
               QLatin1Char(',') + count(s.advisoryHeld) + QLatin1Char(',') +
               count(s.advisoryWaiting) + QLatin1Char('\n');
    }
    return out;
}

} // namespace lockscope::ui
