#include "lease/sharedlockrow.h"

namespace lockscope {

int SharedKeyRow::heldAt(double dbNow) const {
    int n = 0;
    for (const SharedHolderRow &h : holders)
        n += !h.isWaiter() && h.isLiveAt(dbNow) ? 1 : 0;
    return n;
}

int SharedKeyRow::countAt(const QString &role, double dbNow) const {
    int n = 0;
    for (const SharedHolderRow &h : holders)
        n += h.role == role && h.isLiveAt(dbNow) ? 1 : 0;
    return n;
}

QString SharedKeyRow::summaryAt(double dbNow) const {
    if (kind == QLatin1String("semaphore"))
        return QStringLiteral("%1/%2 held").arg(heldAt(dbNow)).arg(permits);
    const int readers = countAt(QStringLiteral("read"), dbNow);
    const int writers = countAt(QStringLiteral("write"), dbNow);
    const int waitingWriters = countAt(QStringLiteral("write-wait"), dbNow);
    const int waitingReaders = countAt(QStringLiteral("read-wait"), dbNow);
    QString text = QStringLiteral("%1 reader%2, %3")
                       .arg(readers)
                       .arg(readers == 1 ? QString() : QStringLiteral("s"))
                       .arg(writers > 0 ? QStringLiteral("1 writer") : QStringLiteral("no writer"));
    if (waitingWriters > 0)
        text += QStringLiteral(", %1 waiting writer%2")
                    .arg(waitingWriters)
                    .arg(waitingWriters == 1 ? QString() : QStringLiteral("s"));
    if (waitingReaders > 0)
        text += QStringLiteral(", %1 waiting reader%2")
                    .arg(waitingReaders)
                    .arg(waitingReaders == 1 ? QString() : QStringLiteral("s"));
    return text;
}

} // namespace lockscope
