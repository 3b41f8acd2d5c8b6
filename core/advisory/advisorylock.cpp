#include "advisory/advisorylock.h"

#include "advisory/advisorylockwatch.h"
#include "base/canceltoken.h"
#include "db/database.h"
#include "db/pghandle.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

QAtomicInteger<quint64> g_advisorySerial;

Error unsupported() {
    return Error{
        ErrorKind::Unsupported,
        QCoreApplication::translate("lockscope::AdvisoryLock",
                                    "Advisory locks exist only on PostgreSQL; this is a SQLite "
                                    "database. Use a lease (`lockctl acquire`) instead.")};
}

} // namespace

AdvisoryLock::AdvisoryLock(ConnectionParams params, AdvisoryKey key, AdvisoryLockOptions options)
    : m_params(std::move(params))
    , m_key(std::move(key))
    , m_options(options)
    , m_connectionName(QStringLiteral("lockscope-advisory-%1").arg(++g_advisorySerial)) {}

AdvisoryLock::~AdvisoryLock() {
    stopWatch();
    if (!m_connected)
        return;
    if (m_inTransaction)
        (void)rollback();
    else if (m_held)
        (void)unlock();
    Database::close(m_connectionName);
}

Status AdvisoryLock::ensureConnection() {
    if (!m_params.isPostgres())
        return unsupported();
    if (m_connected) {
        if (QSqlDatabase::database(m_connectionName, false).isOpen())
            return {};
        Database::close(m_connectionName);
        m_connected = false;
        m_inTransaction = false;
        m_held = false;
    }
    auto opened = Database::open(m_params, m_connectionName);
    if (!opened.ok())
        return opened.error();
    m_connected = true;
    QVariant pid;
    if (auto s =
            run(QStringLiteral("SELECT pg_backend_pid()"), {}, QStringLiteral("connect"), &pid);
        !s.ok())
        return s;
    m_pid = pid.toInt();
    return run(
        QStringLiteral("SELECT set_config('idle_in_transaction_session_timeout', ?, false)"),
        {QStringLiteral("%1ms").arg(m_options.idleInTransactionTimeout.count())},
        QCoreApplication::translate("lockscope::AdvisoryLock", "configure the lock's connection"));
}

QString AdvisoryLock::function(bool attempt) const {
    QString name = attempt ? QStringLiteral("pg_try_advisory") : QStringLiteral("pg_advisory");
    if (m_options.scope == AdvisoryScope::Transaction)
        name += QStringLiteral("_xact");
    name += QStringLiteral("_lock");
    if (m_options.mode == AdvisoryMode::Shared)
        name += QStringLiteral("_shared");
    return name;
}

Status AdvisoryLock::run(const QString &sql, const QVariantList &values, const QString &what,
                         QVariant *firstValue) {
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen()) {
        return Error{ErrorKind::Connection,
                     QCoreApplication::translate(
                         "lockscope::AdvisoryLock",
                         "Cannot %1: the lock's connection is closed (the server ended "
                         "the session); a session lock is gone with it.")
                         .arg(what)};
    }
    QSqlQuery q(db);
    bool ok = false;
    ++m_statements;
    if (values.isEmpty()) {
        ok = q.exec(sql); // BEGIN, COMMIT and ROLLBACK cannot be PREPAREd
    } else {
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        ok = q.exec();
    }
    if (!ok) {
        const QSqlError error = q.lastError();
        if (Database::isConnectionLost(error)) {
            // The session is gone, and every lock it held with it: close it, so
            // that the next attempt connects again instead of failing forever.
            q = QSqlQuery();
            db = QSqlDatabase();
            Database::close(m_connectionName);
            m_connected = false;
            m_inTransaction = false;
            m_held = false;
        }
        return Database::classify(error, m_params, what);
    }
    if (firstValue && q.next())
        *firstValue = q.value(0);
    return {};
}

Result<bool> AdvisoryLock::tryLock() {
    if (m_held)
        return true;
    if (auto s = ensureConnection(); !s.ok())
        return s.error();
    const QString what =
        QCoreApplication::translate("lockscope::AdvisoryLock", "take the advisory lock %1")
            .arg(m_key.display());
    const bool xact = m_options.scope == AdvisoryScope::Transaction;
    if (xact && !m_inTransaction) {
        if (auto s = run(QStringLiteral("BEGIN"), {}, what); !s.ok())
            return s.error();
        m_inTransaction = true;
    }
    QVariant got;
    const auto s = run(QStringLiteral("SELECT %1(%2)").arg(function(true), m_key.sqlArguments()),
                       m_key.bindValues(), what, &got);
    if (!s.ok()) {
        if (xact)
            (void)rollback();
        return s.error();
    }
    m_held = got.toBool();
    if (!m_held && xact)
        (void)rollback(); // leave no idle transaction behind
    return m_held;
}

Status AdvisoryLock::lock(std::optional<std::chrono::milliseconds> timeout,
                          const CancelToken *cancel) {
    if (m_held)
        return {};
    if (auto s = ensureConnection(); !s.ok())
        return s;
    const QString what =
        QCoreApplication::translate("lockscope::AdvisoryLock", "take the advisory lock %1")
            .arg(m_key.display());
    const bool xact = m_options.scope == AdvisoryScope::Transaction;
    if (xact && !m_inTransaction) {
        if (auto s = run(QStringLiteral("BEGIN"), {}, what); !s.ok())
            return s;
        m_inTransaction = true;
    }
    // The server waits; lock_timeout bounds the wait (0 = none). It is set for
    // the wait only: RESET afterwards gives the connection back its role's and
    // database's lock_timeout (the lock owns the connection: nobody else set one).
    const qint64 ms = timeout ? std::max<qint64>(1, timeout->count()) : 0;
    if (auto s = run(QStringLiteral("SELECT set_config('lock_timeout', ?, false)"),
                     {QStringLiteral("%1ms").arg(ms)}, what);
        !s.ok())
        return s;

    Status waited;
    {
        PgCanceller canceller(QSqlDatabase::database(m_connectionName, false));
        int listener = 0;
        if (cancel)
            listener = cancel->addListener([&canceller] { canceller.cancel(); });
        if (cancel && cancel->isCancelled()) {
            waited = Error{ErrorKind::Cancelled, QString()};
        } else {
            waited = run(QStringLiteral("SELECT %1(%2)").arg(function(false), m_key.sqlArguments()),
                         m_key.bindValues(), what);
        }
        if (cancel)
            cancel->removeListener(listener);
    }
    const QString resetTimeout = QStringLiteral("RESET lock_timeout");
    if (waited.ok()) {
        m_held = true;
        (void)run(resetTimeout, {}, what);
        return {};
    }
    if (xact)
        (void)rollback(); // the failed statement aborted the transaction
    (void)run(resetTimeout, {}, what);
    if (cancel && cancel->isCancelled())
        return Error{ErrorKind::Cancelled,
                     QCoreApplication::translate(
                         "lockscope::AdvisoryLock",
                         "The wait for the advisory lock %1 was cancelled; nothing is "
                         "held.")
                         .arg(m_key.display())};
    if (waited.error().kind == ErrorKind::Busy || waited.error().kind == ErrorKind::Timeout) {
        return Error{ErrorKind::Timeout,
                     QCoreApplication::translate(
                         "lockscope::AdvisoryLock",
                         "Gave up waiting for the advisory lock %1 after %2 ms: another "
                         "session holds it. See who with `lockctl advisory`.")
                         .arg(m_key.display())
                         .arg(ms)};
    }
    return waited;
}

Status AdvisoryLock::unlock() {
    if (m_options.scope == AdvisoryScope::Transaction)
        return commit();
    stopWatch();
    if (!m_held)
        return {};
    m_held = false;
    QVariant released;
    const QString unlockFn = m_options.mode == AdvisoryMode::Shared
                                 ? QStringLiteral("pg_advisory_unlock_shared")
                                 : QStringLiteral("pg_advisory_unlock");
    if (auto s = run(
            QStringLiteral("SELECT %1(%2)").arg(unlockFn, m_key.sqlArguments()), m_key.bindValues(),
            QCoreApplication::translate("lockscope::AdvisoryLock", "release the advisory lock %1")
                .arg(m_key.display()),
            &released);
        !s.ok())
        return s;
    if (!released.toBool())
        return Error{ErrorKind::LeaseChanged,
                     QCoreApplication::translate(
                         "lockscope::AdvisoryLock",
                         "The advisory lock %1 was no longer held by this session (its "
                         "connection was reset).")
                         .arg(m_key.display())};
    return {};
}

Status AdvisoryLock::endTransaction(const QString &verb) {
    stopWatch();
    if (!m_inTransaction)
        return {};
    m_inTransaction = false;
    m_held = false;
    return run(verb, {},
               QCoreApplication::translate("lockscope::AdvisoryLock",
                                           "end the advisory lock's transaction"));
}

Status AdvisoryLock::commit() {
    return endTransaction(QStringLiteral("COMMIT"));
}

Status AdvisoryLock::rollback() {
    return endTransaction(QStringLiteral("ROLLBACK"));
}

bool AdvisoryLock::setKey(const AdvisoryKey &key) {
    if (m_held || m_inTransaction)
        return false;
    m_key = key;
    return true;
}

bool AdvisoryLock::startWatch(LockLostCallback onLost, std::chrono::milliseconds interval,
                              std::chrono::milliseconds unconfirmedLimit) {
    if (!m_held || m_pid == 0)
        return false;
    stopWatch();
    m_watch = std::make_unique<AdvisoryLockWatch>(m_params, m_key, m_pid, interval,
                                                  unconfirmedLimit, std::move(onLost));
    return true;
}

void AdvisoryLock::stopWatch() {
    if (m_watch)
        m_watch->stop(); // kept (stopped) so isLost()/lostReason() still answer
}

quint64 AdvisoryLock::watchConfirmations() const {
    return m_watch ? m_watch->confirmations() : 0;
}

bool AdvisoryLock::isLost() const {
    return m_watch && m_watch->isLost();
}

QString AdvisoryLock::lostReason() const {
    return m_watch ? m_watch->lostReason() : QString();
}

LockLostNotifier *AdvisoryLock::lostNotifier() const {
    return m_watch ? m_watch->notifier() : nullptr;
}

bool AdvisoryLock::connectionAlive() {
    if (!m_connected)
        return false;
    return run(QStringLiteral("SELECT 1"), {},
               QCoreApplication::translate("lockscope::AdvisoryLock",
                                           "check the lock's connection"))
        .ok();
}

} // namespace lockscope
