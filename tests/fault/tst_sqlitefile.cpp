// A SQLite database file LockScope cannot write: one that is read-only to the
// user, and one locked by another program's write transaction. Each gives a
// clear error and a distinct exit code, and changes nothing; a lease release
// that met the lock is kept and sent again once the file is free.
#include "db/database.h"
#include "lease/lease.h"
#include "lease/leasemanager.h"
#include "support/lockctlprocess.h"
#include "support/sqlitewritelock.h"
#include "support/testdb.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

#include <unistd.h>

using namespace lockscope;
using test::LockctlProcess;
using test::LockctlResult;
using namespace std::chrono_literals;

namespace {

// Runs lockctl as a user who may read but not write `path`: as root (who may
// write anything) that is `nobody`, otherwise this user after a chmod.
LockctlResult runWithoutWriteAccess(const QString &path, const QStringList &args) {
    QProcess p;
    QStringList argv{QStringLiteral("--db"), QStringLiteral("sqlite://") + path};
    argv += args;
    if (::geteuid() == 0) {
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                            LockctlProcess::path()} +
                    argv);
    } else {
        p.start(LockctlProcess::path(), argv);
    }
    LockctlResult r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList rows(const ConnectionParams &p) {
    ScopedConnection conn(p, QStringLiteral("rows"));
    QSqlQuery q(conn.db());
    QStringList out;
    q.exec(QStringLiteral("SELECT lock_key || '|' || owner_token || '|' || expires_at FROM "
                          "aggregate_locks ORDER BY lock_key"));
    while (q.next())
        out << q.value(0).toString();
    return out;
}

// A directory anyone may enter holding locks.db, which only its owner may
// write (as root the directory stays writable to root alone; otherwise both are
// made read-only to this user too). `schema` is what the file holds.
class ReadOnlyFile {
public:
    enum Schema { Migrated, ForeignTable };
    explicit ReadOnlyFile(Schema schema = Migrated)
        : m_dir(QDir::tempPath() + QStringLiteral("/lockscope-ro-XXXXXX")) {
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                                QFileDevice::ExeGroup);
        params.driver = Driver::Sqlite;
        params.sqlitePath = m_dir.path() + QStringLiteral("/locks.db");
        if (schema == Migrated) {
            m_ok = LockctlProcess::run(test::TestDb::urlFor(params), {QStringLiteral("migrate")})
                       .exitCode == 0;
        } else {
            m_ok = test::TestDb::exec(
                params, QStringLiteral("CREATE TABLE aggregate_locks (lock_key text PRIMARY KEY, "
                                       "owner_token text NOT NULL, acquired_at REAL, "
                                       "expires_at REAL)"));
        }
        m_ok = m_ok && test::TestDb::exec(params, QStringLiteral("INSERT INTO aggregate_locks "
                                                                 "VALUES ('held', 't', 0, "
                                                                 "4102444800)"));
    }
    ~ReadOnlyFile() { makeWritable(); }
    Q_DISABLE_COPY_MOVE(ReadOnlyFile)

    bool ok() const { return m_ok; }
    QString dir() const { return m_dir.path(); }
    void makeReadOnly() {
        QFile::setPermissions(params.sqlitePath, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                                     QFileDevice::ReadOther);
        if (::geteuid() != 0)
            QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                    QFileDevice::ReadOther | QFileDevice::ExeOther);
    }
    void makeWritable() {
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                QFileDevice::ExeOther);
        QFile::setPermissions(params.sqlitePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ReadOther);
    }

    ConnectionParams params;

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

QStringList listedKeys(const LockctlResult &r) {
    QStringList keys;
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    for (const QJsonValue &row : rows)
        keys << row.toObject().value(QStringLiteral("lock_key")).toString();
    return keys;
}

} // namespace

class TestSqliteFile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every command that would write says the file is read-only, exit 1, and
    // the file is unchanged.
    void readOnlyFileRefusesWrites_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("schema");
        QTest::newRow("acquire") << QStringList{QStringLiteral("acquire"), QStringLiteral("k")}
                                 << int(ReadOnlyFile::Migrated);
        QTest::newRow("release --force")
            << QStringList{QStringLiteral("release"), QStringLiteral("held"),
                           QStringLiteral("--force")}
            << int(ReadOnlyFile::Migrated);
        QTest::newRow("sweep") << QStringList{QStringLiteral("sweep")}
                               << int(ReadOnlyFile::Migrated);
        QTest::newRow("migrate, older schema")
            << QStringList{QStringLiteral("migrate")} << int(ReadOnlyFile::ForeignTable);
    }
    void readOnlyFileRefusesWrites() {
        QFETCH(QStringList, args);
        QFETCH(int, schema);
        ReadOnlyFile file{ReadOnlyFile::Schema(schema)};
        QVERIFY(file.ok());
        const QStringList before = rows(file.params);
        file.makeReadOnly();

        const LockctlResult r = runWithoutWriteAccess(file.params.sqlitePath, args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("is read-only. Check the permissions of the file and "
                                              "its directory.")),
                 qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one sentence, no driver noise
        file.makeWritable();
        QCOMPARE(rows(file.params), before);
    }

    // A file the user may only read can still be inspected: nothing to do for
    // an up-to-date migrate, and list shows the rows — whether or not another
    // program has the file open at the time (WAL's shared-memory file exists
    // only while one does).
    void readOnlyFileCanBeInspected() {
        ReadOnlyFile file;
        QVERIFY(file.ok());
        file.makeReadOnly();
        const LockctlResult upToDate =
            runWithoutWriteAccess(file.params.sqlitePath, {QStringLiteral("migrate")});
        QCOMPARE(upToDate.exitCode, 0);
        QVERIFY2(upToDate.out.contains(QLatin1String("up to date")), qPrintable(upToDate.out));

        const QStringList listArgs{QStringLiteral("list"), QStringLiteral("--json")};
        const LockctlResult quiet = runWithoutWriteAccess(file.params.sqlitePath, listArgs);
        QVERIFY2(quiet.exitCode == 0, qPrintable(quiet.err));
        QCOMPARE(listedKeys(quiet), QStringList{QStringLiteral("held")});
        QVERIFY(!QFileInfo::exists(file.params.sqlitePath + QStringLiteral("-shm")));

        // The owner's program holds a lease on the file right now.
        file.makeWritable();
        std::unique_ptr<QProcess> holder(LockctlProcess::start(
            test::TestDb::urlFor(file.params),
            {QStringLiteral("acquire"), QStringLiteral("live"), QStringLiteral("--hold"),
             QStringLiteral("60s"), QStringLiteral("--ttl"), QStringLiteral("60s")}));
        QVERIFY(holder->waitForReadyRead(30000));
        file.makeReadOnly();
        QVERIFY(QFileInfo::exists(file.params.sqlitePath + QStringLiteral("-shm")));
        const LockctlResult live = runWithoutWriteAccess(file.params.sqlitePath, listArgs);
        QVERIFY2(live.exitCode == 0, qPrintable(live.err));
        QCOMPARE(listedKeys(live), (QStringList{QStringLiteral("held"), QStringLiteral("live")}));
        const LockctlResult refused = runWithoutWriteAccess(
            file.params.sqlitePath, {QStringLiteral("acquire"), QStringLiteral("live")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("is read-only")), qPrintable(refused.err));
        ::kill(static_cast<pid_t>(holder->processId()), SIGTERM);
        QVERIFY(holder->waitForFinished(10000));
    }

    // Writes still in a write-ahead log nobody has open, beside a file and in a
    // directory this user cannot write: reading without them would show stale
    // rows, so the read is refused with what to do.
    void unmergedWriteAheadLogIsNamed() {
        if (::geteuid() != 0)
            QSKIP("needs a second user to read what root wrote (runs as root in CI)");
        ReadOnlyFile source;
        QVERIFY(source.ok());
        QTemporaryDir copy(QDir::tempPath() + QStringLiteral("/lockscope-wal-XXXXXX"));
        QFile::setPermissions(copy.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                               QFileDevice::ExeOther);
        const QString path = copy.path() + QStringLiteral("/locks.db");
        {
            ScopedConnection writer(source.params, QStringLiteral("writer"));
            QVERIFY(writer.ok());
            QSqlQuery q(writer.db());
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO aggregate_locks VALUES ('in-wal', 't', 0, "
                                          "4102444800)")));
            // What a crash leaves behind: the file and its log, no shared memory.
            QVERIFY(QFile::copy(source.params.sqlitePath, path));
            QVERIFY(QFile::copy(source.params.sqlitePath + QStringLiteral("-wal"),
                                path + QStringLiteral("-wal")));
        }
        for (const QString &f : QStringList{path, path + QStringLiteral("-wal")})
            QFile::setPermissions(f, QFileDevice::ReadOwner | QFileDevice::ReadOther);
        const LockctlResult r =
            runWithoutWriteAccess(path, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("has not been merged")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Open it once as a user who may write it")),
                 qPrintable(r.err));

        // As its owner it opens, merges, and then reads for everyone.
        ConnectionParams owner;
        owner.driver = Driver::Sqlite;
        owner.sqlitePath = path;
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadOther);
        QVERIFY(rows(owner).join(QLatin1Char(',')).contains(QLatin1String("in-wal")));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        const LockctlResult after =
            runWithoutWriteAccess(path, {QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QCOMPARE(listedKeys(after),
                 (QStringList{QStringLiteral("held"), QStringLiteral("in-wal")}));
    }

    // Another program holds a write transaction on the file: lockctl waits its
    // --wait and then says the FILE was locked (not that someone holds the lease),
    // exit 3; once the transaction ends, the same command succeeds.
    // A damaged page late in the lease table: reading it fails after 29,000
    // good rows. The list is an error naming the file, never those rows shown
    // as all of them (next() is false at the end and on a failed read alike).
    void damagedTableIsAnErrorNotAShortList() {
        const ConnectionParams p = test::TestDb::freshSqlite();
        const QString url = test::TestDb::urlFor(p);
        int lastLeaf = 0;
        {
            ScopedConnection conn(p, QStringLiteral("damage"));
            QVERIFY(conn.ok());
            QSqlQuery q(conn.db());
            QVERIFY(q.exec(QStringLiteral(
                "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 30000) "
                "INSERT INTO aggregate_locks SELECT printf('key-%06d', n), 'tok-' || n, 0, "
                "4102444800 FROM g")));
            // Everything in the main file, no WAL left to repair it from.
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
            QVERIFY2(q.exec(QStringLiteral(
                         "SELECT max(pageno) FROM dbstat WHERE name = 'aggregate_locks' "
                         "AND pagetype = 'leaf'")) &&
                         q.next(),
                     qPrintable(q.lastError().text()));
            lastLeaf = q.value(0).toInt();
        }
        QVERIFY(lastLeaf > 1);
        const auto before =
            LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(before.exitCode, 0);
        QCOMPARE(listedKeys(before).size(), 30000);
        QFile file(p.sqlitePath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(static_cast<qint64>(lastLeaf - 1) * 4096));
        QCOMPARE(file.write(QByteArray(64, '\xff')), 64);
        file.close();

        const auto r = LockctlProcess::run(url, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(listedKeys(r).isEmpty(), qPrintable(r.out.left(200)));
        QVERIFY2(r.err.contains(QLatin1String("malformed")), qPrintable(r.err));
        QVERIFY2(r.err.contains(p.sqlitePath), qPrintable(r.err));
        // Not a server's connection to check: a file has none.
        QVERIFY2(!r.err.contains(QLatin1String("server")), qPrintable(r.err));
    }

    void lockedFile() {
        const ConnectionParams p = test::TestDb::freshSqlite();
        const QString url = test::TestDb::urlFor(p);
        {
            ScopedConnection other(p, QStringLiteral("other-program"));
            QVERIFY(other.ok());
            QSqlQuery q(other.db());
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO aggregate_locks VALUES ('x', 'y', 0, 1)")));

            for (const QString &wait : {QStringLiteral("1s"), QStringLiteral("0")}) {
                const auto r = LockctlProcess::run(
                    url, {QStringLiteral("acquire"), QStringLiteral("k"), QStringLiteral("--wait"),
                          wait, QStringLiteral("--hold"), QStringLiteral("0")});
                QCOMPARE(r.exitCode, 3);
                QVERIFY2(r.err.contains(QLatin1String("was locked by another connection")),
                         qPrintable(r.err));
                QVERIFY2(r.err.contains(QLatin1String("fuser")), qPrintable(r.err));
                QVERIFY(!r.err.contains(QLatin1String("another owner")));
            }
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        const auto r = LockctlProcess::run(url, {QStringLiteral("acquire"), QStringLiteral("k"),
                                                 QStringLiteral("--wait"), QStringLiteral("1s"),
                                                 QStringLiteral("--hold"), QStringLiteral("0")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(rows(p).isEmpty()); // acquired and released; the rolled-back row never existed
    }

    // A plain lease's release meets the file write-locked by another program
    // past the busy timeout (2 s): the delete never ran. The manager keeps it
    // and sends it again -- before its next acquire, or when flushed -- so the
    // key is free again long before its TTL (60 s here). The control: until
    // then the file still holds the lease and nobody else may take it.
    void lockedFileReleaseIsSentAgain_data() {
        QTest::addColumn<bool>("flush"); // what sends the kept release
        QTest::newRow("next acquire") << false;
        QTest::newRow("flush") << true;
    }
    void lockedFileReleaseIsSentAgain() {
        QFETCH(bool, flush);
        const ConnectionParams p = test::TestDb::freshSqlite();
        LeaseConfig config;
        config.ttl = 60s;
        LeaseManager holder(p, config);
        LeaseManager other(p, config);
        const QString key = QStringLiteral("locked/k");
        auto lease = holder.tryLock(key);
        QVERIFY2(lease.ok(), qPrintable(lease.ok() ? QString() : lease.error().message));
        QElapsedTimer sinceRelease;
        {
            test::SqliteWriteLock blocker(p, test::SqliteWriteLock::Mode::Exclusive);
            QVERIFY2(blocker.ok(), qPrintable(blocker.error()));
            sinceRelease.start();
            auto released = lease->release();
            QVERIFY(!released.ok());
            QCOMPARE(released.error().kind, ErrorKind::Busy);
            QCOMPARE(holder.pendingReleases(), 1);
            QCOMPARE(holder.flushPendingReleases(), 1); // still locked: kept
        }
        QCOMPARE(rows(p).size(), 1); // the control: the delete never ran
        auto blocked = other.tryLock(key);
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().kind, ErrorKind::NotAcquired);

        if (flush) {
            QCOMPARE(holder.flushPendingReleases(), 0);
        } else {
            auto unrelated = holder.tryLock(QStringLiteral("locked/other")); // sends it first
            QVERIFY2(unrelated.ok(),
                     qPrintable(unrelated.ok() ? QString() : unrelated.error().message));
        }
        QCOMPARE(holder.pendingReleases(), 0);
        auto free = other.tryLock(key);
        QVERIFY2(free.ok(), qPrintable(free.ok() ? QString() : free.error().message));
        QVERIFY2(sinceRelease.elapsed() < 50'000, "freed only near the TTL");
    }
};

QTEST_GUILESS_MAIN(TestSqliteFile)
#include "tst_sqlitefile.moc"
