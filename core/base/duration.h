#pragma once

#include "base/result.h"

#include <QString>

#include <chrono>
#include <optional>

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
// For one statement of a bounded wait that a store's own timeout (a
// lock_timeout, a busy timeout) would otherwise bound: the time left before
// `deadline` when it is shorter than `backstop` -- but at least `floor` --
// and nothing when there is no deadline or the backstop comes first.
std::optional<std::chrono::milliseconds>
leftBelow(std::optional<std::chrono::steady_clock::time_point> deadline,
          std::chrono::milliseconds backstop, std::chrono::milliseconds floor);

} // namespace Duration

} // namespace lockscope
