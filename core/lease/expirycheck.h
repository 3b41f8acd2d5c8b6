#pragma once

#include "base/error.h"
#include "db/connectionparams.h"

#include <QString>

#include <optional>

namespace lockscope {

// Why a wait would never end: another program wrote the lease with an expiry
// that is not a finite number (NaN, Infinity, -Infinity, NULL). Acquire never
// takes such a lease over, so LeaseManager looks the row up when an attempt
// fails -- on the first failed attempt and then at most every kInterval -- and
// gives up with an InvalidExpiry error instead of waiting forever.
namespace ExpiryCheck {

constexpr int kIntervalSeconds = 5;

// What the lease's expires_at holds ("NaN", "Infinity", "-Infinity", "NULL") when
// it is not a finite number; nullopt when it is one, when there is no row, or
// when the look-up failed (the next attempt reports a failing database). One
// indexed SELECT on the calling thread's lease connection.
std::optional<QString> invalidExpiry(const ConnectionParams &params, const QString &key);

Error error(const QString &key, const QString &expiry);

} // namespace ExpiryCheck

} // namespace lockscope
