#pragma once

#include "result.h"

#include <QString>

#include <chrono>

namespace lockscope {

// Durations as people type them: "250ms", "3s", "1.5s", "2m", "1h"; a bare number
// means seconds.
namespace Duration {

Result<std::chrono::milliseconds> parse(const QString &text, const QString &what);
QString format(std::chrono::milliseconds duration);

} // namespace Duration

} // namespace lockscope
