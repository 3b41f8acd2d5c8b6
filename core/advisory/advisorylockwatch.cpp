#include "advisory/advisorylockwatch.h"

#include "base/duration.h"
#include "db/database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace lockscope {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

QAtomicInteger<quint64> g_watchSerial;

// pg_locks splits a lock's key over classid/objid/objsubid: a bigint key (and a
// text key, hashed by the server) as its high and low 32 bits with objsubid 1, a
// pair of integers as the two values with objsubid 2.
QString heldSql(const AdvisoryKey &key) {
    const QString where = key.form() == AdvisoryKey::Form::Pair
                              ? QStringLiteral("l.objsubid = 2 AND l.classid::bigint = "
                                               "(k.a::bigint & 4294967295) AND l.objid::bigint = "
                                               "(k.b::bigint & 4294967295)")
                              : QStringLiteral("l.objsubid = 1 AND l.classid::bigint = "
                                               "((k.a >> 32) & 4294967295) AND l.objid::bigint = "
                                               "(k.a & 4294967295)");
    const QString values = key.form() == AdvisoryKey::Form::Pair
                               ? QStringLiteral("SELECT CAST(? AS integer) AS a, "
                                                "CAST(? AS integer) AS b")
                               : QStringLiteral("SELECT %1 AS a").arg(key.sqlArguments());
    return QStringLiteral("WITH k AS (%1) SELECT EXISTS (SELECT 1 FROM pg_locks l, k WHERE "
                          "l.locktype = 'advisory' AND l.granted AND l.pid = ? AND l.database = "
                          "(SELECT oid FROM pg_database WHERE datname = current_database()) AND "
                          "%2)")
        .arg(values, where);
}

} // namespace

AdvisoryLockWatch::AdvisoryLockWatch(ConnectionParams params, AdvisoryKey key, int backendPid,
                                     milliseconds interval, milliseconds unconfirmedLimit,
                                     LockLostCallback onLost)
    : m_params(std::move(params))
    , m_key(std::move(key))
    , m_pid(backendPid)
    , m_interval(std::max(interval, milliseconds(10)))
    , m_unconfirmedLimit(std::max(unconfirmedLimit, m_interval))
    , m_lost(std::move(onLost)) {
    m_params.applicationName = QStringLiteral("lockscope-watch");
    m_thread = std::thread([this] { run(); });
}

AdvisoryLockWatch::~AdvisoryLockWatch() {
    stop();
}

void AdvisoryLockWatch::stop() {
    m_lost.stop();
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

int AdvisoryLockWatch::check(const QString &connectionName, QString *error) {
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.isOpen()) {
        db = QSqlDatabase();
        Database::close(connectionName);
        auto opened = Database::open(m_params, connectionName);
        if (!opened.ok()) {
            *error = opened.error().message;
            return -1;
        }
        db = opened.value();
    }
    QSqlQuery q(db);
    q.prepare(heldSql(m_key));
    for (const QVariant &v : m_key.bindValues())
        q.addBindValue(v);
    q.addBindValue(m_pid);
    if (!q.exec() || !q.next()) {
        *error = Database::classify(q.lastError(), m_params,
                                    QCoreApplication::translate("lockscope::AdvisoryLockWatch",
                                                                "check the advisory lock %1")
                                        .arg(m_key.display()))
                     .message;
        q = QSqlQuery();
        db = QSqlDatabase();
        Database::close(connectionName); // reopened by the next check
        return -1;
    }
    return q.value(0).toBool() ? 1 : 0;
}

void AdvisoryLockWatch::run() {
    const QString name = QStringLiteral("lockscope-advisory-watch-%1").arg(++g_watchSerial);
    auto lastConfirmed = Clock::now();
    milliseconds wait = m_interval;
    for (;;) {
        if (m_lost.waitFor(wait))
            break;
        QString error;
        const int held = check(name, &error);
        if (held == 1) {
            lastConfirmed = Clock::now();
            ++m_confirmations;
            wait = m_interval;
            continue;
        }
        if (held == 0) {
            m_lost.declare(m_key.display(),
                           QCoreApplication::translate(
                               "lockscope::AdvisoryLockWatch",
                               "The advisory lock %1 is no longer held: its session "
                               "(server process %2) ended -- terminated, its connection "
                               "cut, or the server restarted -- and the server released "
                               "it. Stop the work it protects.")
                               .arg(m_key.display())
                               .arg(m_pid));
            break;
        }
        const auto since = std::chrono::duration_cast<milliseconds>(Clock::now() - lastConfirmed);
        if (since >= m_unconfirmedLimit) {
            m_lost.declare(m_key.display(),
                           QCoreApplication::translate(
                               "lockscope::AdvisoryLockWatch",
                               "The advisory lock %1 could not be confirmed for %2: %3 "
                               "Its session may be gone; stop the work it protects.")
                               .arg(m_key.display(), Duration::format(since), error));
            break;
        }
        wait = std::max(milliseconds(50), m_interval / 4);
    }
    Database::close(name);
}

} // namespace lockscope
