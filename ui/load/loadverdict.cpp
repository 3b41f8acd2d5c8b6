#include "load/loadverdict.h"

#include <QLocale>

namespace lockscope::ui {

QString LoadVerdict::live(const LoadSample &s, const LoadConfig &c) {
    const QLocale l;
    QString text = tr("%1 s: %2 acquired, %3/s, p99 %4 ms, %5 timeouts")
                       .arg(l.toString(s.elapsedS, 'f', 1), l.toString(s.acquisitions),
                            l.toString(s.throughputPerS, 'f', 0), l.toString(s.p99Ms, 'f', 1),
                            l.toString(s.timeouts));
    if (c.mode == LoadMode::Semaphore && s.maxInside >= 0)
        text += tr("; at most %1 inside one key at once (%n permit(s))", nullptr, c.permits)
                    .arg(l.toString(s.maxInside));
    if (c.mode == LoadMode::Rw && s.overlaps >= 0)
        text += tr("; %n writer overlap(s)", nullptr, int(s.overlaps));
    return text;
}

QString LoadVerdict::finished(const LoadSummary &s, const LoadConfig &c) {
    const QLocale l;
    QString verdict;
    switch (s.mode) {
    case LoadMode::None:
        verdict = tr("%n lost update(s) without a lock — the control shows what goes wrong.",
                     nullptr, int(s.violations));
        break;
    case LoadMode::Semaphore: {
        const QString most =
            tr("At most %1 holder(s) were inside one key at once, with %n permit(s).", nullptr,
               s.permits)
                .arg(l.toString(s.maxInside));
        if (c.admitByCounting && s.violations == 0)
            verdict = most + QLatin1Char(' ') +
                      tr("0 violations: counting did not over-admit this time. It does when "
                         "processes race for a key: add child processes.");
        else if (c.admitByCounting)
            verdict = most + QLatin1Char(' ') +
                      tr("%n violation(s): admitting by counting the holders let more in than "
                         "the permits — the control shows what goes wrong.",
                         nullptr, int(s.violations));
        else if (s.violations == 0)
            verdict = most + QLatin1Char(' ') + tr("0 violations: the semaphore held.");
        else
            verdict = most + QLatin1Char(' ') +
                      tr("%n VIOLATION(S): more holders than permits under the semaphore!", nullptr,
                         int(s.violations));
        break;
    }
    case LoadMode::Rw: {
        const QString waits =
            tr("Readers waited p50 %1 ms, p99 %2 ms; writers p50 %3 ms, p99 %4 ms.")
                .arg(l.toString(s.readWait.percentileMs(0.5), 'f', 2),
                     l.toString(s.readWait.percentileMs(0.99), 'f', 2),
                     l.toString(s.writeWait.percentileMs(0.5), 'f', 2),
                     l.toString(s.writeWait.percentileMs(0.99), 'f', 2));
        if (c.noLock)
            verdict = tr("%n overlap(s) of a writer with another holder without a lock — the "
                         "control shows what goes wrong.",
                         nullptr, int(s.overlaps));
        else if (s.overlaps == 0)
            verdict = waits + QLatin1Char(' ') +
                      tr("0 overlaps: no writer ever shared a key with anyone.");
        else
            verdict = waits + QLatin1Char(' ') +
                      tr("%n OVERLAP(S) of a writer with another holder under the reader-writer "
                         "lease!",
                         nullptr, int(s.overlaps));
        break;
    }
    case LoadMode::Lease:
    case LoadMode::Advisory:
        verdict = s.violations == 0
                      ? tr("0 violations: mutual exclusion held.")
                      : tr("%n VIOLATION(S) under a lock!", nullptr, int(s.violations));
        break;
    }
    const QString who =
        s.mode == LoadMode::Rw
            ? tr("%1 process(es) × %2 threads (%3 reading, %4 writing)")
                  .arg(l.toString(s.processes), l.toString(s.threads), l.toString(c.readers),
                       l.toString(c.threads - c.readers))
            : tr("%1 process(es) × %2 threads").arg(l.toString(s.processes), l.toString(s.threads));
    return tr("%1 mode, %2, %3 s: %4 acquired (%5/s), p50 %6 ms, p99 %7 ms, %8 timeouts, %9 "
              "statements per acquisition. %10")
        .arg(LoadConfig::modeName(s.mode), who, l.toString(s.seconds, 'f', 1),
             l.toString(s.acquisitions), l.toString(s.throughputPerS(), 'f', 0),
             l.toString(s.latency.percentileMs(0.5), 'f', 2),
             l.toString(s.latency.percentileMs(0.99), 'f', 2), l.toString(s.timeouts),
             l.toString(s.statementsPerAcquisition(), 'f', 2))
        .arg(verdict);
}

QString LoadVerdict::problem(const LoadConfig &c, int readers, int writers) {
    if (c.mode == LoadMode::Rw) {
        if (readers + writers < 1)
            return tr("A reader-writer run needs at least one reader or one writer thread.");
        if (readers + writers > 256)
            return tr("Readers and writers add up to %1 threads; at most 256 can run in one "
                      "process. Use fewer, or add child processes.")
                .arg(readers + writers);
    }
    if (c.mode == LoadMode::Semaphore && (c.permits < 1 || c.permits > 1000))
        return tr("A semaphore needs from 1 to 1000 permits, not %1.").arg(c.permits);
    return QString();
}

} // namespace lockscope::ui
