#include "servers/serversample.h"

#include "db/database.h"
#include "lease/leasequeries.h"
#include "lease/ownersessions.h"
#include "monitor/samplebuilder.h"
#include "server/serverwaits.h"

#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>

namespace lockscope::ui {

std::optional<MonitorSample> ServerSample::read(ConnectionParams params, int connectTimeoutS,
                                                const OwnerRule &rule) {
    if (params.isRedis())
        return std::nullopt;
    params.connectTimeoutS = std::clamp(params.connectTimeoutS, 1, std::max(1, connectTimeoutS));
    ScopedConnection conn(params, QStringLiteral("probe-alerts"));
    if (!conn.ok())
        return std::nullopt;
    QSqlDatabase db = conn.db();
    if (params.isPostgres()) {
        QSqlQuery q(db);
        (void)q.exec(QStringLiteral("SET statement_timeout = '5s'"));
    }
    auto leases = LeaseQueries::snapshot(db, params);
    QList<LeaseRow> rows;
    double dbNow = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    if (leases.ok()) {
        rows = std::move(leases->rows);
        dbNow = leases->dbNow;
        (void)OwnerSessions::annotate(db, params, rule, rows);
    } else if (leases.error().kind != ErrorKind::SchemaMissing) {
        return std::nullopt;
    }
    std::optional<QList<WaitingSession>> waits;
    if (params.isPostgres()) {
        auto read = ServerWaits::read(db, params);
        if (read.ok())
            waits = read.value();
    }
    MonitorSample sample =
        SampleBuilder::build(static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0,
                             rows, dbNow, std::nullopt, waits);
    db = QSqlDatabase();
    return sample;
}

} // namespace lockscope::ui
