#include "threadconnections.h"

#include "database.h"

#include <QHash>
#include <QSqlQuery>
#include <QThread>

#include <memory>

namespace lockscope {

namespace {

struct Slot {
    QHash<QString, std::shared_ptr<QSqlQuery>> statements;
};

// Lives in thread-local storage: its destructor runs on the thread itself when
// the thread ends, which is where Qt requires the connection to be removed.
struct Registry {
    QHash<QString, Slot> slots;

    void close(const QString &name) {
        slots.remove(name); // the prepared queries go before the connection
        Database::close(name);
    }
    ~Registry() {
        const QStringList names = slots.keys();
        for (const QString &name : names)
            close(name);
    }
};

Registry &registry() {
    thread_local Registry r;
    return r;
}

QString nameFor(const ConnectionParams &params, const QString &purpose) {
    return QStringLiteral("lockscope-%1-%2-t%3")
        .arg(purpose, params.identity())
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

} // namespace

Result<QSqlDatabase> ThreadConnections::get(const ConnectionParams &params,
                                            const QString &purpose) {
    Registry &r = registry();
    const QString name = nameFor(params, purpose);
    if (r.slots.contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        db = QSqlDatabase();
        r.close(name);
    }
    auto opened = Database::open(params, name);
    if (opened.ok())
        r.slots.insert(name, Slot{});
    return opened;
}

Result<QSqlQuery *> ThreadConnections::prepared(const ConnectionParams &params,
                                                const QString &purpose, const QString &sql) {
    auto db = get(params, purpose);
    if (!db.ok())
        return db.error();
    Slot &slot = registry().slots[nameFor(params, purpose)];
    auto &query = slot.statements[sql];
    if (!query) {
        auto fresh = std::make_shared<QSqlQuery>(db.value());
        if (!fresh->prepare(sql)) {
            const Error e = Database::classify(fresh->lastError(), params,
                                               QStringLiteral("prepare a statement"));
            slot.statements.remove(sql);
            return e;
        }
        query = fresh;
    }
    return query.get();
}

void ThreadConnections::drop(const ConnectionParams &params, const QString &purpose) {
    Registry &r = registry();
    const QString name = nameFor(params, purpose);
    if (r.slots.contains(name))
        r.close(name);
}

int ThreadConnections::countOnThisThread() {
    return static_cast<int>(registry().slots.size());
}

} // namespace lockscope
