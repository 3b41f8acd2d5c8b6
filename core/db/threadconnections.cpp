#include "db/threadconnections.h"

#include "db/database.h"
#include "db/sqlitestatement.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QThread>

#include <atomic>
#include <memory>
#include <mutex>

namespace lockscope {

namespace {

// How many Owners each identity (ConnectionParams::identity) has; an identity
// leaves the table when its last Owner goes, and the generation moves so every
// thread looks over its connections once.
struct Owners {
    std::mutex mutex;
    QHash<QString, int> live;
    std::atomic<quint64> generation{0};

    static Owners &instance() {
        static Owners owners;
        return owners;
    }
    bool isLive(const QString &identity) {
        std::lock_guard lock(mutex);
        return live.contains(identity);
    }
};

struct Slot {
    QString name;
    QSqlDatabase db;
    // The identity of an Owner that lived when the connection was opened: the
    // connection closes once no Owner of it is left. Empty: kept.
    QString owner;
    QHash<QString, std::shared_ptr<QSqlQuery>> statements;
    QHash<QString, std::shared_ptr<SqliteStatement>> sqliteStatements;
};

// Lives in thread-local storage: its destructor runs on the thread itself when
// the thread ends, which is where Qt requires the connection to be removed.
struct Registry {
    QHash<QString, Slot> slots; // by Key::prefix
    quint64 generation = 0;     // of Owners, when the slots were last looked over

    // Closes the connections whose Owners are all gone. Called where no
    // pointer into a slot is held (the start of get()/prepared()).
    void closeRetired() {
        const quint64 now = Owners::instance().generation.load(std::memory_order_acquire);
        if (now == generation)
            return;
        generation = now;
        QStringList retired;
        for (auto it = slots.cbegin(); it != slots.cend(); ++it) {
            if (!it->owner.isEmpty() && !Owners::instance().isLive(it->owner))
                retired << it.key();
        }
        for (const QString &prefix : std::as_const(retired))
            close(prefix);
    }

    void close(const QString &prefix) {
        const auto it = slots.find(prefix);
        if (it == slots.end())
            return;
        const QString name = it->name;
        slots.erase(it); // the prepared queries and the handle go before the connection
        Database::close(name);
    }
    ~Registry() {
        const QStringList prefixes = slots.keys();
        for (const QString &prefix : prefixes)
            close(prefix);
    }
};

struct SessionSetups {
    std::mutex mutex;
    QHash<QString, QString> byPurpose;

    static SessionSetups &instance() {
        static SessionSetups setups;
        return setups;
    }
    QString of(const QString &purpose) {
        std::lock_guard lock(mutex);
        return byPurpose.value(purpose);
    }
};

Registry &registry() {
    thread_local Registry r;
    return r;
}

Slot *openSlot(const ConnectionParams &params, const ThreadConnections::Key &key, Error *error) {
    Registry &r = registry();
    r.closeRetired();
    const auto it = r.slots.find(key.prefix);
    if (it != r.slots.end()) {
        if (it->db.isOpen())
            return &it.value();
        r.close(key.prefix);
    }
    const QString name = QStringLiteral("%1-t%2")
                             .arg(key.prefix)
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    auto opened = Database::open(params, name);
    if (!opened.ok()) {
        *error = opened.error();
        return nullptr;
    }
    if (params.isPostgres()) {
        if (const QString setup = SessionSetups::instance().of(key.purpose); !setup.isEmpty()) {
            QSqlQuery q(opened.value());
            if (!q.exec(setup)) {
                *error =
                    Database::classify(q.lastError(), params,
                                       QCoreApplication::translate("lockscope::ThreadConnections",
                                                                   "set up a new connection"));
                q = QSqlQuery();
                opened = Result<QSqlDatabase>(QSqlDatabase());
                Database::close(name);
                return nullptr;
            }
        }
    }
    Slot &slot = r.slots[key.prefix];
    slot.name = name;
    slot.db = opened.value();
    if (const QString identity = params.identity(); Owners::instance().isLive(identity))
        slot.owner = identity;
    return &slot;
}

} // namespace

ThreadConnections::Owner::Owner(const ConnectionParams &params)
    : m_identity(params.identity()) {
    Owners &owners = Owners::instance();
    std::lock_guard lock(owners.mutex);
    ++owners.live[m_identity];
}

ThreadConnections::Owner::~Owner() {
    Owners &owners = Owners::instance();
    std::lock_guard lock(owners.mutex);
    const auto it = owners.live.find(m_identity);
    if (it == owners.live.end() || --it.value() > 0)
        return;
    owners.live.erase(it);
    owners.generation.fetch_add(1, std::memory_order_release);
}

ThreadConnections::Key::Key(const ConnectionParams &params, const QString &forPurpose)
    : prefix(QStringLiteral("lockscope-%1-%2").arg(forPurpose, params.identity()))
    , purpose(forPurpose) {}

void ThreadConnections::setSessionSetup(const QString &purpose, const QString &postgresSql) {
    SessionSetups &setups = SessionSetups::instance();
    std::lock_guard lock(setups.mutex);
    setups.byPurpose.insert(purpose, postgresSql);
}

Result<QSqlDatabase> ThreadConnections::get(const ConnectionParams &params, const Key &key) {
    Error error;
    Slot *slot = openSlot(params, key, &error);
    if (!slot)
        return error;
    return slot->db;
}

Result<QSqlDatabase> ThreadConnections::get(const ConnectionParams &params,
                                            const QString &purpose) {
    return get(params, Key(params, purpose));
}

Result<QSqlQuery *> ThreadConnections::prepared(const ConnectionParams &params, const Key &key,
                                                const QString &sql) {
    Error error;
    Slot *slot = openSlot(params, key, &error);
    if (!slot)
        return error;
    auto &query = slot->statements[sql];
    if (!query) {
        auto fresh = std::make_shared<QSqlQuery>(slot->db);
        if (!fresh->prepare(sql)) {
            const Error e = Database::classify(
                fresh->lastError(), params,
                QCoreApplication::translate("lockscope::ThreadConnections", "prepare a statement"));
            slot->statements.remove(sql);
            return e;
        }
        query = fresh;
    }
    return query.get();
}

Result<SqliteStatement *> ThreadConnections::sqlitePrepared(const ConnectionParams &params,
                                                            const Key &key, const QString &sql) {
    Error error;
    Slot *slot = openSlot(params, key, &error);
    if (!slot)
        return error;
    auto &statement = slot->sqliteStatements[sql];
    if (!statement) {
        auto fresh = SqliteStatement::prepare(slot->db, params, sql);
        if (!fresh.ok()) {
            slot->sqliteStatements.remove(sql);
            return fresh.error();
        }
        statement = std::shared_ptr<SqliteStatement>(std::move(fresh.value()));
    }
    return statement.get();
}

Result<QSqlQuery *> ThreadConnections::prepared(const ConnectionParams &params,
                                                const QString &purpose, const QString &sql) {
    return prepared(params, Key(params, purpose), sql);
}

void ThreadConnections::drop(const Key &key) {
    registry().close(key.prefix);
}

void ThreadConnections::drop(const ConnectionParams &params, const QString &purpose) {
    drop(Key(params, purpose));
}

int ThreadConnections::countOnThisThread() {
    return static_cast<int>(registry().slots.size());
}

} // namespace lockscope
