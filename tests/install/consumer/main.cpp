// A consumer of the installed lease library: migrate a database, take a lease,
// show it, release it. Prints one line per step; exits non-zero on any failure.
// Usage: consumer DATABASE_URL KEY
#include <lockscope/lockscope.h>

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: consumer DATABASE_URL KEY\n");
        return 2;
    }
    const auto params = lockscope::ConnectionParams::fromUrl(QString::fromLocal8Bit(argv[1]));
    if (!params.ok()) {
        std::fprintf(stderr, "consumer: %s\n", qPrintable(params.error().message));
        return 2;
    }
    const auto migrated = lockscope::Migrator::migrate(params.value());
    if (!migrated.ok()) {
        std::fprintf(stderr, "consumer: %s\n", qPrintable(migrated.error().message));
        return 1;
    }
    std::printf("lockscope %s: %d migration(s) applied\n", LOCKSCOPE_VERSION,
                int(migrated.value().size()));

    lockscope::LeaseManager manager(params.value());
    auto lease = manager.tryLock(QString::fromLocal8Bit(argv[2]));
    if (!lease.ok()) {
        std::fprintf(stderr, "consumer: %s\n", qPrintable(lease.error().message));
        return 1;
    }
    std::printf("acquired %s fence %lld\n", qPrintable(lease->key()),
                static_cast<long long>(lease->fence().value_or(-1)));
    std::fflush(stdout);

    {
        lockscope::ScopedConnection connection(params.value(), QStringLiteral("consumer"));
        if (!connection.ok()) {
            std::fprintf(stderr, "consumer: %s\n", qPrintable(connection.error().message));
            return 1;
        }
        const auto snapshot = lockscope::LeaseQueries::snapshot(connection.db(), params.value());
        if (!snapshot.ok() || snapshot->rows.size() != 1) {
            std::fprintf(stderr, "consumer: expected 1 lease in the table\n");
            return 1;
        }
        std::printf("listed %s held by %s\n", qPrintable(snapshot->rows.first().key),
                    qPrintable(snapshot->rows.first().owner));
    }

    const auto released = lease->release();
    if (!released.ok() || !released.value()) {
        std::fprintf(stderr, "consumer: release failed\n");
        return 1;
    }
    std::printf("released\n");
    return 0;
}
