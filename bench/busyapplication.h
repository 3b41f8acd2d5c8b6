#pragma once

#include <QApplication>
#include <QElapsedTimer>

#include <ctime>

// A QApplication that adds up how long the GUI thread spends handling events
// (each outermost event delivery, from its start to its end: a model's apply,
// a view's layout and paint, a queued result) and the longest of them.
// Events for `ignored` (a StallMeter's timer) are not counted. Besides the wall
// clock it adds up the thread's own CPU clock over the same deliveries: on a
// busy machine a delivery's wall time includes the slices the thread waited for
// a core, its CPU time only the work.
class BusyApplication final : public QApplication {
public:
    using QApplication::QApplication;

    void restart() {
        m_busyNs = 0;
        m_busyCpuNs = 0;
        m_longestNs = 0;
    }
    double busyMs() const { return static_cast<double>(m_busyNs) / 1e6; }
    double busyCpuMs() const { return static_cast<double>(m_busyCpuNs) / 1e6; }
    double longestMs() const { return static_cast<double>(m_longestNs) / 1e6; }
    void ignore(const QObject *receiver) { m_ignored = receiver; }

    bool notify(QObject *receiver, QEvent *event) override {
        if (m_depth > 0 || receiver == m_ignored)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const qint64 cpu = threadCpuNs();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ns = t.nsecsElapsed();
        m_busyCpuNs += threadCpuNs() - cpu;
        --m_depth;
        m_busyNs += ns;
        m_longestNs = std::max(m_longestNs, ns);
        return handled;
    }

    // The calling thread's CPU clock.
    static qint64 threadCpuNs() {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<qint64>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }

private:
    const QObject *m_ignored = nullptr;
    qint64 m_busyNs = 0;
    qint64 m_busyCpuNs = 0;
    qint64 m_longestNs = 0;
    int m_depth = 0;
};
