#include "lease/releaselistener.h"

#include "lease/releaselistenerworker.h"

#include <QMetaObject>
#include <QThread>

namespace lockscope {

ReleaseListener::ReleaseListener(ConnectionParams params, Callback onRelease,
                                 std::function<void()> onResumed)
    : m_params(std::move(params))
    , m_onRelease(std::move(onRelease))
    , m_onResumed(std::move(onResumed)) {}

ReleaseListener::~ReleaseListener() {
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &ReleaseListenerWorker::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool ReleaseListener::ensureListening() {
    std::unique_lock lock(m_mutex);
    if (m_state == State::Idle) {
        m_state = State::Starting;
        m_thread = std::make_unique<QThread>();
        m_thread->setObjectName(QStringLiteral("lockscope-release-listener"));
        m_worker = new ReleaseListenerWorker(
            m_params, m_onRelease,
            [this](bool ok) {
                std::lock_guard guard(m_mutex);
                m_state = ok ? State::Listening : State::Failed;
                m_changed.notify_all();
            },
            m_onResumed);
        m_worker->moveToThread(m_thread.get());
        QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread->start();
        QMetaObject::invokeMethod(m_worker, &ReleaseListenerWorker::start, Qt::QueuedConnection);
    }
    m_changed.wait(lock, [this] { return m_state != State::Starting; });
    return m_state == State::Listening;
}

} // namespace lockscope
