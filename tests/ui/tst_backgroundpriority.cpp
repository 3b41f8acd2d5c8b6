// A worker that decodes a big snapshot runs at a lower priority than the GUI
// thread: nice +10 for that thread alone, once however often it is asked.
#include "common/backgroundpriority.h"

#include <QTest>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <thread>

using lockscope::ui::lowerThisThreadsPriority;

namespace {

int niceOfThisThread() {
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
}

} // namespace

class TestBackgroundPriority final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lowersOnlyTheCallingThreadOnce() {
        const int guiBefore = niceOfThisThread();
        int before = 0;
        int once = 0;
        int twice = 0;
        std::thread worker([&] {
            before = niceOfThisThread();
            lowerThisThreadsPriority();
            once = niceOfThisThread();
            lowerThisThreadsPriority();
            twice = niceOfThisThread();
        });
        worker.join();
        QCOMPARE(before, guiBefore); // a new thread starts with its creator's
        QCOMPARE(once, std::min(before + 10, 19));
        QCOMPARE(twice, once);
        QCOMPARE(niceOfThisThread(), guiBefore); // the GUI thread keeps its own
    }
};

QTEST_GUILESS_MAIN(TestBackgroundPriority)
#include "tst_backgroundpriority.moc"
