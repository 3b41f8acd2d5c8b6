// whenFinished hands a worker's result to the GUI thread from the event loop,
// never inside the call — including when the worker finished first, the case
// that made a window emit `connected` before the test waiting for it listened.
#include "common/whenfinished.h"

#include <QFuture>
#include <QPromise>
#include <QTest>
#include <QThread>

#include <thread>

using lockscope::ui::whenFinished;

class TestWhenFinished final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The control: Qt's own then(context, …) on a finished future runs the
    // handler inside then(). This is what whenFinished exists to prevent; if a
    // Qt release changes it, the wrapper is harmless and this test says so.
    void qtThenRunsAFinishedFutureInline() {
        QObject context;
        int calls = 0;
        QtFuture::makeReadyFuture(7).then(&context, [&](int) { ++calls; });
        QCOMPARE(calls, 1);
    }

    void finishedFutureIsDeliveredFromTheEventLoop() {
        QObject context;
        int got = 0;
        int calls = 0;
        whenFinished(QtFuture::makeReadyFuture(7), &context, [&](int value) {
            got = value;
            ++calls;
        });
        QCOMPARE(calls, 0); // not inside the call
        QTRY_COMPARE(calls, 1);
        QCOMPARE(got, 7);
        QTest::qWait(50);
        QCOMPARE(calls, 1);
    }

    void workerResultArrivesOnTheContextThread() {
        QObject context;
        QPromise<QString> promise;
        QFuture<QString> future = promise.future();
        promise.start();
        Qt::HANDLE handledOn = nullptr;
        QString got;
        int calls = 0;
        whenFinished(future, &context, [&](const QString &value) {
            handledOn = QThread::currentThreadId();
            got = value;
            ++calls;
        });
        std::thread worker([&promise] {
            promise.addResult(QStringLiteral("done"));
            promise.finish();
        });
        worker.join();
        QTRY_COMPARE(calls, 1);
        QCOMPARE(got, QStringLiteral("done"));
        QCOMPARE(handledOn, QThread::currentThreadId());
    }

    // A context destroyed before the event loop runs drops the result instead
    // of calling into a deleted object.
    void destroyedContextDropsTheResult() {
        int calls = 0;
        {
            QObject context;
            whenFinished(QtFuture::makeReadyFuture(1), &context, [&](int) { ++calls; });
        }
        QTest::qWait(50);
        QCOMPARE(calls, 0);
    }
};

QTEST_MAIN(TestWhenFinished)
#include "tst_whenfinished.moc"
