#pragma once

#include <QApplication>
#include <QElapsedTimer>

// A QApplication that adds up how long the GUI thread spends handling events
// (each outermost event delivery, from its start to its end: a model's apply,
// a view's layout and paint, a queued result) and the longest of them.
// Events for `ignored` (a StallMeter's timer) are not counted.
class BusyApplication final : public QApplication {
public:
    using QApplication::QApplication;

    void restart() {
        m_busyNs = 0;
        m_longestNs = 0;
    }
    double busyMs() const { return static_cast<double>(m_busyNs) / 1e6; }
    double longestMs() const { return static_cast<double>(m_longestNs) / 1e6; }
    void ignore(const QObject *receiver) { m_ignored = receiver; }

    bool notify(QObject *receiver, QEvent *event) override {
        if (m_depth > 0 || receiver == m_ignored)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ns = t.nsecsElapsed();
        --m_depth;
        m_busyNs += ns;
        m_longestNs = std::max(m_longestNs, ns);
        return handled;
    }

private:
    const QObject *m_ignored = nullptr;
    qint64 m_busyNs = 0;
    qint64 m_longestNs = 0;
    int m_depth = 0;
};
