#include "db/poolslot.h"

#include "db/database.h"

#include <future>

namespace lockscope {

PoolSlot::PoolSlot(ConnectionParams params, QString connectionName)
    : m_params(std::move(params))
    , m_name(std::move(connectionName)) {
    m_thread = std::thread([this] { loop(); });
}

PoolSlot::~PoolSlot() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

Status PoolSlot::run(const std::function<Status(QSqlDatabase)> &work) {
    std::packaged_task<Status()> task([this, &work] { return runHere(work); });
    std::future<Status> done = task.get_future();
    {
        std::lock_guard lock(m_mutex);
        m_tasks.emplace_back([&task] { task(); });
    }
    m_wake.notify_one();
    return done.get();
}

Status PoolSlot::runHere(const std::function<Status(QSqlDatabase)> &work) {
    if (!QSqlDatabase::database(m_name, false).isOpen()) {
        Database::close(m_name);
        auto opened = Database::open(m_params, m_name);
        if (!opened.ok())
            return opened.error();
    }
    Status result = work(QSqlDatabase::database(m_name, false));
    if (!result.ok() && result.error().kind == ErrorKind::Connection)
        Database::close(m_name); // reopened by the next task
    return result;
}

void PoolSlot::loop() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            if (m_tasks.empty())
                break; // stopping, and nothing left to do
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        task();
    }
    Database::close(m_name); // on the thread that opened it
}

} // namespace lockscope
