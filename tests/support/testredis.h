#pragma once

#include "db/connectionparams.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace lockscope::test {

// A real redis-server for tests, never a mock: the harness (scripts/redis-harness,
// started by scripts/test) exports LOCKSCOPE_TEST_REDIS_URL, REDISCLI_AUTH and,
// with TLS, LOCKSCOPE_TEST_REDISS_URL. Each call to fresh() gives a new random
// key prefix, so tests never see each other's keys. Without the harness a
// Redis test skips -- except under CI=true, where it fails (LOCKSCOPE_SKIP_OR_FAIL).
class TestRedis final {
public:
    static std::optional<ConnectionParams> fresh(QString *why);
    static std::optional<ConnectionParams> freshTls(QString *why);
    // The URL a child process can use (the password reaches it via REDISCLI_AUTH).
    static QString urlFor(const ConnectionParams &params);
    // Runs redis-cli as "another program" against the same server and database
    // (the password through REDISCLI_AUTH, never argv); its stdout, trimmed.
    static QString cli(const ConnectionParams &params, const QStringList &args);
    // Cuts the calling thread's LockScope connection for `purpose` from the
    // server side (CLIENT KILL ID, as an idle timeout or a proxy would), and
    // only that one: other test programs share the server and run in
    // parallel. How many the server closed (1, or 0 when there was none).
    static int cutThreadConnection(const ConnectionParams &params, const QString &purpose);
};

} // namespace lockscope::test

// Declares `params` as a fresh Redis namespace, or skips/fails.
#define LOCKSCOPE_FRESH_REDIS(params)                                                              \
    QString params##Why;                                                                           \
    const auto params##Opt = lockscope::test::TestRedis::fresh(&params##Why);                      \
    if (!params##Opt)                                                                              \
        LOCKSCOPE_SKIP_OR_FAIL(params##Why);                                                       \
    const lockscope::ConnectionParams params = *params##Opt
