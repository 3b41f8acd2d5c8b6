// A password in a --db URL is blanked in lockctl's own argument memory, so
// /proc/PID/cmdline (what `ps` shows) never carries it -- also when the
// argument is not valid UTF-8: the offsets are found in the raw bytes, never in
// a re-encoded copy, whose lengths differ (an overwrite at the wrong place leaves
// part of the password and runs into the host, the next argument, or beyond).
//
// lockctl is started with raw bytes (posix_spawn: QProcess can only pass text)
// against a listener of the test's own that accepts the connection and never
// answers, so the process stays in its connect while its cmdline is read; it
// blanks the password before it connects.
#include "support/lockctlprocess.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <memory>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using lockscope::test::LockctlProcess;

namespace {

struct Spawned {
    pid_t pid = -1;
    ~Spawned() {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            int status = 0;
            ::waitpid(pid, &status, 0);
        }
    }
};

QByteArray cmdlineOf(pid_t pid) {
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestArgvPassword final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passwordBlankedInRawBytes_data() {
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("prefix"); // "--db=" or "" (then --db is its own argument)
        // Invalid UTF-8 before the password: each byte decodes to U+FFFD, three
        // bytes when encoded again, so a re-encoded offset lands 2 bytes later each.
        QTest::newRow("invalid UTF-8 in the user")
            << QByteArray("us\xff\xfe\xfdr") << QByteArray("S3cretPassw0rd") << QByteArray("--db=");
        // Invalid UTF-8 in the password: a re-encoded length runs past it.
        QTest::newRow("invalid UTF-8 in the password")
            << QByteArray("lockscope") << QByteArray("pw\xff\xff\xff\xff\xff\xff\xffS3cret")
            << QByteArray();
        QTest::newRow("valid UTF-8 (control)") << QByteArray("l\xc3\xb6"
                                                             "ckscope")
                                               << QByteArray("S3cret-p\xc3\xa4ss") << QByteArray();
    }
    void passwordBlankedInRawBytes() {
        QFETCH(QByteArray, user);
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, prefix);
        QTcpServer silent; // accepts and never answers: lockctl waits in its connect
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QByteArray hostPart = "@127.0.0.1:" + QByteArray::number(silent.serverPort()) + "/db";
        const QByteArray url = "postgres://" + user + ':' + password + hostPart;

        const QByteArray program = LockctlProcess::path().toLocal8Bit();
        QList<QByteArray> args{program};
        if (prefix.isEmpty())
            args << QByteArray("--db") << url;
        else
            args << prefix + url;
        args << QByteArray("list") << QByteArray("--json");
        std::vector<char *> argv;
        for (QByteArray &a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);

        Spawned child;
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        const int spawned =
            posix_spawn(&child.pid, program.constData(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        QCOMPARE(spawned, 0);

        // Connected: the arguments were blanked before the connection was made.
        QVERIFY2(silent.waitForNewConnection(20000), "lockctl never connected");
        std::unique_ptr<QTcpSocket> connection(silent.nextPendingConnection());
        const QByteArray cmdline = cmdlineOf(child.pid);
        QVERIFY(!cmdline.isEmpty());

        QByteArray expected = program + '\0';
        const QByteArray blanked =
            "postgres://" + user + ':' + QByteArray(password.size(), 'x') + hostPart;
        if (prefix.isEmpty())
            expected += "--db" + QByteArray(1, '\0') + blanked;
        else
            expected += prefix + blanked;
        expected +=
            QByteArray(1, '\0') + "list" + QByteArray(1, '\0') + "--json" + QByteArray(1, '\0');
        QCOMPARE(cmdline, expected);
        QVERIFY(!cmdline.contains("S3cret"));
    }
};

QTEST_GUILESS_MAIN(TestArgvPassword)
#include "tst_argvpassword.moc"
