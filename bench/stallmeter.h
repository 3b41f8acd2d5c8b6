#pragma once

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <functional>

// The longest time the GUI thread went without running its event loop while
// this lives: a 1 ms timer, and the longest gap between two of its ticks.
class StallMeter final {
public:
    StallMeter() {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            m_longestMs = std::max(m_longestMs, static_cast<double>(m_since.nsecsElapsed()) / 1e6);
            m_since.restart();
        });
        m_since.start();
        m_timer.start();
    }
    // A synchronous step on the GUI thread is a stall of its whole length.
    void measure(const std::function<void()> &step) {
        QElapsedTimer t;
        t.start();
        step();
        m_longestMs = std::max(m_longestMs, static_cast<double>(t.nsecsElapsed()) / 1e6);
        m_since.restart();
    }
    double longestMs() const { return m_longestMs; }
    const QTimer *timer() const { return &m_timer; }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    double m_longestMs = 0;
};
