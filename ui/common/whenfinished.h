#pragma once

#include <QFuture>
#include <QMetaObject>
#include <QObject>

#include <memory>
#include <utility>

namespace lockscope::ui {

// Hands a worker's result to `handler` on `context`'s (the GUI) thread, always
// from the event loop, after the caller has returned.
//
// QFuture::then(context, …) alone calls the handler inside then() when the
// worker has already finished (a fast SQLite query on a busy machine): the
// continuation then runs on the caller's thread, and QMetaObject::invokeMethod
// with Qt::AutoConnection calls it directly. A caller that emits a signal from
// the handler would emit it before whoever waits for it has started waiting.
// Here that case is queued instead, so every outcome arrives the same way.
template <typename T, typename Handler>
void whenFinished(QFuture<T> future, QObject *context, Handler handler) {
    // Read and written only on context's thread: inside then() when the
    // future had finished, else from the queued continuation.
    auto attached = std::make_shared<bool>(false);
    std::move(future).then(
        context, [context, attached, handler = std::move(handler)](const T &result) mutable {
            if (*attached) {
                handler(result);
                return;
            }
            QMetaObject::invokeMethod(
                context, [handler = std::move(handler), result]() mutable { handler(result); },
                Qt::QueuedConnection);
        });
    *attached = true;
}

} // namespace lockscope::ui
