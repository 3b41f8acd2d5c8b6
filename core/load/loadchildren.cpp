#include "load/loadchildren.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>

#include <csignal>

namespace lockscope {

using std::chrono::milliseconds;

LoadChildren::LoadChildren(QString lockctlPath, ConnectionParams params, LoadConfig config)
    : m_lockctl(std::move(lockctlPath))
    , m_params(std::move(params))
    , m_config(std::move(config)) {}

LoadChildren::~LoadChildren() {
    for (auto &child : m_children) {
        if (child->state() != QProcess::NotRunning) {
            child->kill();
            child->waitForFinished(1000);
        }
    }
}

QStringList LoadChildren::arguments(const ConnectionParams &params, const LoadConfig &c,
                                    qint64 countEach) {
    auto ms = [](milliseconds d) {
        return QStringLiteral("%1ms").arg(d.count());
    };
    QStringList argv{QStringLiteral("--db"),
                     params.displayUrl(),
                     QStringLiteral("load"),
                     QStringLiteral("--child"),
                     QStringLiteral("--run-id"),
                     c.runId,
                     QStringLiteral("--mode"),
                     LoadConfig::modeName(c.mode),
                     QStringLiteral("--scope"),
                     c.advisoryScope == AdvisoryScope::Transaction ? QStringLiteral("xact")
                                                                   : QStringLiteral("session"),
                     QStringLiteral("--threads"),
                     QString::number(c.threads),
                     QStringLiteral("--keys"),
                     QString::number(c.keys),
                     QStringLiteral("--skew"),
                     QString::number(c.skew),
                     QStringLiteral("--hold-range"),
                     ms(c.holdMin) + QLatin1Char(':') + ms(c.holdMax),
                     QStringLiteral("--ttl"),
                     ms(c.ttl),
                     QStringLiteral("--wait"),
                     ms(c.maxWait)};
    if (c.mode == LoadMode::Semaphore) {
        argv << QStringLiteral("--permits") << QString::number(c.permits);
        if (c.admitByCounting)
            argv << QStringLiteral("--admit-by-counting");
    }
    if (c.mode == LoadMode::Rw) {
        argv << QStringLiteral("--readers") << QString::number(c.readers)
             << QStringLiteral("--writers") << QString::number(c.threads - c.readers);
        if (c.noLock)
            argv << QStringLiteral("--no-lock");
    }
    if (c.count)
        argv << QStringLiteral("--count") << QString::number(countEach);
    else if (c.duration)
        argv << QStringLiteral("--duration") << ms(*c.duration);
    return argv;
}

QString LoadChildren::findLockctl() {
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList candidates{dir + QStringLiteral("/lockctl"),
                                 dir + QStringLiteral("/../lockctl/lockctl")};
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QString();
}

void LoadChildren::start(qint64 countEach) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!m_params.password.isEmpty())
        env.insert(m_params.isRedis() ? QStringLiteral("REDISCLI_AUTH")
                                      : QStringLiteral("PGPASSWORD"),
                   m_params.password);
    for (int i = 0; i < m_config.processes; ++i) {
        auto child = std::make_unique<QProcess>();
        child->setProcessEnvironment(env);
        child->start(m_lockctl, arguments(m_params, m_config, countEach));
        m_children.push_back(std::move(child));
    }
}

void LoadChildren::stop() {
    m_stopped = true;
    for (auto &child : m_children) {
        if (child->state() != QProcess::NotRunning)
            ::kill(static_cast<pid_t>(child->processId()), SIGTERM);
    }
}

QList<qint64> LoadChildren::pids() const {
    QList<qint64> list;
    for (const auto &child : m_children)
        list << child->processId();
    return list;
}

int LoadChildren::collect(LoadSummary &summary, QString *error) {
    int failed = 0;
    for (auto &child : m_children) {
        if (!child->waitForFinished(m_stopped ? 1000 : -1)) {
            child->kill();
            child->waitForFinished();
        }
        const QByteArray out = child->readAllStandardOutput();
        if (child->exitStatus() != QProcess::NormalExit || out.trimmed().isEmpty()) {
            ++failed;
            if (error)
                *error = QString::fromUtf8(child->readAllStandardError()).trimmed();
            continue;
        }
        summary.merge(LoadSummary::fromJson(QJsonDocument::fromJson(out).object()));
    }
    return failed;
}

} // namespace lockscope
