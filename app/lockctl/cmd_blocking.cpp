#include "commands.h"
#include "serverlocksoutput.h"

#include "base/visibletext.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace lockctl {

using namespace lockscope;

namespace {

const ServerLock *waitOf(const ServerLockSnapshot &snap, int pid) {
    auto it = std::lower_bound(snap.locks.cbegin(), snap.locks.cend(), pid,
                               [](const ServerLock &l, int p) { return l.pid < p; });
    for (; it != snap.locks.cend() && it->pid == pid; ++it) {
        if (!it->granted)
            return &*it;
    }
    return nullptr;
}

void printNode(Context &ctx, const BlockerNode &node, const ServerLockSnapshot &snap) {
    const QString indent(node.depth * 4, QLatin1Char(' '));
    ctx.out << indent << node.pid;
    const ServerSession *s = snap.session(node.pid);
    if (const ServerLock *wait = waitOf(snap, node.pid)) {
        ctx.out << " waits " << ServerLocksOutput::shortDuration(wait->waitSeconds)
                << (wait->waitEstimated ? "*" : "") << " for " << wait->mode << " on "
                << VisibleText::forTerminal(wait->target());
    }
    if (!node.blocks.isEmpty() || node.depth == 0)
        ctx.out << (node.depth == 0 ? "" : ";") << " blocks " << node.blockedTotal << " session"
                << (node.blockedTotal == 1 ? "" : "s");
    if (node.inCycle)
        ctx.out << " (DEADLOCK: waits on itself)";
    ctx.out << '\n' << indent << "    ";
    if (!s || !s->known) {
        ctx.out << (node.pid == 0 ? "a prepared transaction" : "session gone") << '\n';
    } else {
        const QString state = s->idleInTransaction() ? s->state.toUpper() : s->state;
        ctx.out << VisibleText::forTerminal(state.isEmpty() ? s->backendType : state);
        if (s->stateAge >= 0)
            ctx.out << " for " << ServerLocksOutput::shortDuration(s->stateAge);
        if (s->transactionAge >= 0)
            ctx.out << ", transaction " << ServerLocksOutput::shortDuration(s->transactionAge);
        ctx.out << ", " << VisibleText::forTerminal(s->user) << '@'
                << VisibleText::forTerminal(s->database) << ", "
                << (s->application.isEmpty() ? QStringLiteral("(no application)")
                                             : VisibleText::forTerminal(s->application))
                << " from "
                << (s->clientAddress.isEmpty() ? QStringLiteral("local socket") : s->clientAddress)
                << '\n'
                << indent << "    last query: " << ServerLocksOutput::oneLine(s->query, 100)
                << '\n';
    }
    for (const BlockerNode &child : node.blocks)
        printNode(ctx, child, snap);
}

} // namespace

int runBlocking(Context &ctx, const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Who blocks whom on the PostgreSQL server, for every lock type: root blockers first, "
        "each with the sessions waiting behind it."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON array of root nodes."));
    parser.addOptions({json});
    int code = ExitOk;
    if (!parseArgs(ctx, parser, QStringLiteral("blocking"), args, &code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("blocking takes no arguments"));
    QString error;
    const auto snap = ServerLocksOutput::take(ctx, &error, &code);
    if (!snap) {
        ctx.err << "lockctl: " << error << Qt::endl;
        return code;
    }
    const QList<BlockerNode> roots = BlockingTree::build(*snap);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const BlockerNode &root : roots)
            array.append(ServerLocksOutput::nodeJson(root, *snap));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (roots.isEmpty()) {
        ctx.out << "No session is waiting for a lock." << Qt::endl;
        return ExitOk;
    }
    for (const BlockerNode &root : roots)
        printNode(ctx, root, *snap);
    const auto waiting =
        std::count_if(snap->sessions.cbegin(), snap->sessions.cend(),
                      [](const ServerSession &s) { return !s.blockedBy.isEmpty(); });
    ctx.out << roots.size() << " root blocker" << (roots.size() == 1 ? "" : "s") << ", " << waiting
            << " session" << (waiting == 1 ? "" : "s") << " waiting behind them." << Qt::endl;
    return ExitOk;
}

} // namespace lockctl
