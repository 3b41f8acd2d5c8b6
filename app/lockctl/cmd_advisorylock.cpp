#include "commands.h"

#include "advisory/advisorylock.h"
#include "signalwaiter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace lockctl {

using namespace lockscope;
using std::chrono::milliseconds;

int runAdvisoryLock(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Take a PostgreSQL advisory lock, print it as JSON, hold it for --hold (or until "
        "SIGINT/SIGTERM), release it and exit. Exit 3 when --wait ran out. While holding, the "
        "lock is watched from a second connection: if its session ends (terminated, "
        "connection cut, server restarted) lockctl prints {\"event\":\"lost\"} and exits 4 at "
        "once."));
    parser.addPositionalArgument(
        QStringLiteral("KEY"),
        QStringLiteral("A 64-bit integer (42), a pair (1,2), or text:STRING (hashed by the server "
                       "with hashtextextended). A negative key goes after `--`, which ends the "
                       "options: advisory-lock --hold 5s -- -7"));
    const QCommandLineOption shared(QStringLiteral("shared"), QStringLiteral("A shared lock."));
    const QCommandLineOption xact(QStringLiteral("xact"),
                                  QStringLiteral("Transaction scope (held until commit)."));
    const QCommandLineOption wait(QStringLiteral("wait"),
                                  QStringLiteral("Give up after this long (default: as long as it "
                                                 "takes; 0 = one attempt)."),
                                  QStringLiteral("DURATION"));
    const QCommandLineOption hold(QStringLiteral("hold"),
                                  QStringLiteral("Hold this long (default: until SIGINT/SIGTERM)."),
                                  QStringLiteral("DURATION"));
    parser.addOptions({shared, xact, wait, hold});
    // A negative key ("-5") would read as an option: mark it as a key first.
    static const QRegularExpression negative(QStringLiteral("^-[0-9]+$"));
    QStringList argv;
    for (const QString &a : args)
        argv << (negative.match(a).hasMatch() ? QStringLiteral("int:") + a : a);
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("advisory-lock"), argv, &code))
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return ctx.usage(QStringLiteral("advisory-lock takes exactly one KEY"));
    auto key = AdvisoryKey::parse(positional.first());
    if (!key.ok())
        return ctx.fail(key.error());
    code = -1;
    const auto waitValue = durationOption(ctx, parser, QStringLiteral("wait"), &code);
    if (code >= 0)
        return code;
    const auto holdValue = durationOption(ctx, parser, QStringLiteral("hold"), &code);
    if (code >= 0)
        return code;
    const auto params = ctx.params();
    if (!params)
        return ExitUsage;

    SignalWaiter signals;
    AdvisoryLockOptions options;
    options.scope = parser.isSet(xact) ? AdvisoryScope::Transaction : AdvisoryScope::Session;
    options.mode = parser.isSet(shared) ? AdvisoryMode::Shared : AdvisoryMode::Exclusive;
    if (holdValue)
        options.idleInTransactionTimeout = *holdValue + milliseconds(60'000);
    else
        options.idleInTransactionTimeout = milliseconds(0); // held until a signal: no reaping
    AdvisoryLock lock(*params, key.value(), options);
    Status locked;
    if (waitValue && waitValue->count() == 0) {
        auto got = lock.tryLock();
        if (!got.ok())
            locked = got.error();
        else if (!got.value())
            locked = Error{ErrorKind::NotAcquired,
                           QStringLiteral("The advisory lock %1 is held by another session.")
                               .arg(key->display())};
    } else {
        locked = lock.lock(waitValue, &signals.token());
    }
    if (!locked.ok()) {
        if (locked.error().kind == ErrorKind::Cancelled) {
            ctx.err << "lockctl: interrupted while waiting for " << key->display()
                    << "; nothing is held." << Qt::endl;
            return 128 + signals.signalNumber();
        }
        return ctx.fail(locked.error());
    }
    QJsonObject o{{QStringLiteral("key"), key->display()},
                  {QStringLiteral("pid"), lock.backendPid()},
                  {QStringLiteral("mode"),
                   parser.isSet(shared) ? QStringLiteral("shared") : QStringLiteral("exclusive")},
                  {QStringLiteral("scope"),
                   parser.isSet(xact) ? QStringLiteral("transaction") : QStringLiteral("session")}};
    ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    // The watch ends the hold at once when the server no longer shows the lock.
    lock.startWatch([&signals](const QString &, const QString &) { signals.cancel(); });
    signals.token().sleepFor(holdValue.value_or(milliseconds(std::numeric_limits<qint32>::max())));
    if (lock.isLost()) {
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("lost")},
                                             {QStringLiteral("key"), key->display()},
                                             {QStringLiteral("reason"), lock.lostReason()}})
                       .toJson(QJsonDocument::Compact)
                << Qt::endl;
        ctx.err << "lockctl: " << lock.lostReason() << Qt::endl;
        return ExitChanged;
    }
    if (auto s = lock.unlock(); !s.ok())
        return ctx.fail(s.error());
    return ExitOk;
}

} // namespace lockctl
