#include "db/sqlitebusybound.h"

#include "base/duration.h"

#include <QSqlQuery>

#include <algorithm>

namespace lockscope {

namespace {

bool setBusyTimeout(const ConnectionParams &params, const ThreadConnections::Key &key,
                    std::chrono::milliseconds wait) {
    auto db = ThreadConnections::get(params, key);
    if (!db.ok())
        return false;
    QSqlQuery q(db.value());
    return q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(wait.count()));
}

} // namespace

SqliteBusyBound::SqliteBusyBound(const ConnectionParams &params, const ThreadConnections::Key &key,
                                 std::optional<std::chrono::milliseconds> wait)
    : m_params(params)
    , m_key(key) {
    if (wait)
        m_set = setBusyTimeout(m_params, m_key, std::max(*wait, std::chrono::milliseconds(1)));
}

SqliteBusyBound::~SqliteBusyBound() {
    if (m_set)
        (void)setBusyTimeout(m_params, m_key, openedWith());
}

std::optional<std::chrono::milliseconds>
SqliteBusyBound::waitUntil(std::optional<Clock::time_point> deadline,
                           std::chrono::milliseconds floor) {
    return Duration::leftBelow(deadline, openedWith(), floor);
}

} // namespace lockscope
