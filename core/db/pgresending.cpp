#include "db/pgresending.h"

#include <optional>

namespace lockscope {

Result<PgRows> PgResending::execBounded(const PgStatement &statement,
                                        const ConnectionParams &params,
                                        const ThreadConnections::Key &connection,
                                        std::initializer_list<QByteArray> values,
                                        const std::function<QString()> &what,
                                        const PgStatement::Bound &bound,
                                        std::atomic<quint64> &statements) {
    for (int attempt = 0;; ++attempt) {
        std::optional<Result<PgRows>> rows;
        {
            auto db = ThreadConnections::get(params, connection);
            if (!db.ok())
                return db.error();
            statements.fetch_add(1, std::memory_order_relaxed);
            rows.emplace(statement.execBounded(db.value(), params, values, what, bound));
        } // the connection handle is gone before a connection is dropped
        if (rows->ok())
            return std::move(*rows);
        const ErrorKind kind = rows->error().kind;
        if (kind == ErrorKind::Timeout || kind == ErrorKind::Cancelled ||
            kind == ErrorKind::Connection)
            ThreadConnections::drop(connection);
        if (kind == ErrorKind::Connection && attempt == 0 &&
            std::chrono::steady_clock::now() < bound.deadline &&
            !(bound.stopped && bound.stopped()))
            continue;
        return std::move(*rows);
    }
}

} // namespace lockscope
