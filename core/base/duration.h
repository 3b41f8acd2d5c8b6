#pragma once

#include "base/result.h"

#include <QString>

#include <chrono>

namespace lockscope {

// Durations as people type them: "250ms", "3s", "1.5s", "2m", "1h"; a bare number
// means seconds.
namespace Duration {

Result<std::chrono::milliseconds> parse(const QString &text, const QString &what);
QString format(std::chrono::milliseconds duration);
// Time left on a lease as people read it: "12.3 s", "4 m 05 s", "2 h 07 m",
// "26701 d 12 h"; a negative value is "… ago". A value that is not a finite
// number (an expiry another program wrote as NaN or Infinity) is "—"; one too
// large for whole days is written in days with an exponent. Nothing is ever cast
// out of range.
QString formatRemaining(double seconds);

} // namespace Duration

} // namespace lockscope
