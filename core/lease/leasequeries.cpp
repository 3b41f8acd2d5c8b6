#include "lease/leasequeries.h"

#include "db/catalog.h"
#include "db/database.h"
#include "lease/leaseinfo.h"
#include "lease/leasesql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace lockscope {

namespace {

// A time as stored. Other programs write these columns: NULL (SQLite also
// stores NaN as NULL) and, on SQLite, text are not numbers. They become NaN, and
// `text` says what was there.
double timeFrom(const QVariant &value, QString *text) {
    if (value.isNull()) {
        *text = QStringLiteral("NULL");
        return std::numeric_limits<double>::quiet_NaN();
    }
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok)
        return seconds;
    *text = QLatin1Char('\'') + value.toString() + QLatin1Char('\'');
    return std::numeric_limits<double>::quiet_NaN();
}

LeaseRow rowFrom(const QSqlQuery &q, bool fenced) {
    LeaseRow row;
    row.key = q.value(0).toString();
    row.token = q.value(1).toString();
    row.owner = OwnerToken::ownerOf(row.token);
    QString acquiredText;
    row.acquiredAt = timeFrom(q.value(2), &acquiredText);
    row.expiresAt = timeFrom(q.value(3), &row.expiresAtText);
    if (fenced && !q.isNull(5))
        row.fence = q.value(5).toLongLong();
    return row;
}

// PostgreSQL: the role's name as SQL writes it when lockscope_fences exists
// and the role may not read it (the table is granted apart from
// aggregate_locks); empty when it may.
Result<QString> fencesRefusedTo(const QSqlDatabase &db, const ConnectionParams &params) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT quote_ident(current_user) WHERE to_regclass('lockscope_fences') IS NOT NULL "
            "AND NOT has_table_privilege(to_regclass('lockscope_fences'), 'SELECT')")))
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LeaseQueries",
                                        "check whether this role may read the fences"));
    return q.next() ? q.value(0).toString() : QString();
}

QString fencesUnreadableReason(const QString &role) {
    return QCoreApplication::translate(
               "lockscope::LeaseQueries",
               "Fences are not shown: the role %1 may not read lockscope_fences. To see them, "
               "have the table's owner run: GRANT SELECT ON lockscope_fences TO %1;")
        .arg(role);
}

// After a list or look-up was refused: whether it was the fences (PostgreSQL).
// Then `fenced` becomes false and `reason` says what to grant.
Status dropRefusedFences(const QSqlDatabase &db, const ConnectionParams &params, bool &fenced,
                         QString *reason) {
    if (!fenced || !params.isPostgres())
        return {};
    auto refused = fencesRefusedTo(db, params);
    if (!refused.ok())
        return refused.error();
    if (refused->isEmpty())
        return {};
    fenced = false;
    if (reason)
        *reason = fencesUnreadableReason(refused.value());
    return {};
}

} // namespace

Result<LeaseSnapshot> LeaseQueries::snapshot(QSqlDatabase db, const ConnectionParams &params) {
    return snapshot(std::move(db), params, 0, {});
}

Result<LeaseSnapshot>
LeaseQueries::snapshot(QSqlDatabase db, const ConnectionParams &params, int firstCount,
                       const std::function<void(const LeaseSnapshot &)> &firstRows) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const auto fences = LeaseSql::hasFences(db, params);
    if (!fences.ok())
        return fences.error();
    bool fenced = fences.value();
    const auto kinds = Catalog::hasTable(db, params, QStringLiteral("lockscope_lock_kinds"));
    if (!kinds.ok())
        return kinds.error();
    LeaseSnapshot snap;
    qint64 before = QDateTime::currentMSecsSinceEpoch();
    if (!q.exec(LeaseSql::listAll(params.driver, fenced, kinds.value()))) {
        const Error e = Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LeaseQueries", "list the leases"));
        // A role that may read the leases but not LockScope's own tables (they
        // are granted apart): without lockscope_fences the leases are listed
        // without fences and `unreadable` says what to grant; without
        // lockscope_lock_kinds the claims are told by their token.
        if (e.kind != ErrorKind::PermissionDenied || (!fenced && !kinds.value()))
            return e;
        if (auto s = dropRefusedFences(db, params, fenced, &snap.unreadable); !s.ok())
            return s.error();
        before = QDateTime::currentMSecsSinceEpoch();
        if (!q.exec(LeaseSql::listAll(params.driver, fenced, kinds.value(), kinds.value())))
            return Database::classify(
                q.lastError(), params,
                QCoreApplication::translate("lockscope::LeaseQueries", "list the leases"));
    }
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    snap.localMsAtRead = before + (after - before) / 2;
    bool haveNow = false;
    while (q.next()) {
        if (!haveNow) {
            snap.dbNow = q.value(4).toDouble();
            haveNow = true;
        }
        snap.rows.append(rowFrom(q, fenced));
        if (firstRows && snap.rows.size() == firstCount)
            firstRows(snap);
    }
    // next() is false at the end and on a row that could not be read (a
    // damaged page, a cut connection): never show the rows before as all.
    if (q.lastError().isValid())
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LeaseQueries", "list the leases"));
    if (!haveNow) {
        auto now = databaseNow(db, params);
        if (!now.ok())
            return now.error();
        snap.dbNow = now.value();
    }
    return snap;
}

Result<std::optional<LeaseRow>> LeaseQueries::find(QSqlDatabase db, const ConnectionParams &params,
                                                   const QString &key, double *dbNow) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const auto fences = LeaseSql::hasFences(db, params);
    if (!fences.ok())
        return fences.error();
    bool fenced = fences.value();
    const auto kinds = Catalog::hasTable(db, params, QStringLiteral("lockscope_lock_kinds"));
    if (!kinds.ok())
        return kinds.error();
    const auto lookUp = [&](bool markersByToken) -> std::optional<Error> {
        if (q.prepare(LeaseSql::listOne(params.driver, fenced, kinds.value(), markersByToken))) {
            q.addBindValue(key);
            if (q.exec())
                return std::nullopt;
        }
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LeaseQueries", "look up the lease '%1'")
                .arg(key));
    };
    if (auto failed = lookUp(false)) {
        // As in snapshot(): a role that may not read lockscope_fences (the
        // lease is found without its fence) or lockscope_lock_kinds.
        if (failed->kind != ErrorKind::PermissionDenied || (!fenced && !kinds.value()))
            return *failed;
        if (auto s = dropRefusedFences(db, params, fenced, nullptr); !s.ok())
            return s.error();
        if (auto again = lookUp(kinds.value()))
            return *again;
    }
    if (!q.next())
        return std::optional<LeaseRow>();
    if (dbNow)
        *dbNow = q.value(4).toDouble();
    return std::optional<LeaseRow>(rowFrom(q, fenced));
}

Result<double> LeaseQueries::databaseNow(QSqlDatabase db, const ConnectionParams &params) {
    QSqlQuery q(db);
    if (!q.exec(LeaseSql::dbNow(params.driver)) || !q.next())
        return Database::classify(
            q.lastError(), params,
            QCoreApplication::translate("lockscope::LeaseQueries", "read the database clock"));
    return q.value(0).toDouble();
}

} // namespace lockscope
