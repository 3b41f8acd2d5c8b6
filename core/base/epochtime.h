#pragma once

#include <QString>

namespace lockscope {

// Epoch seconds (a lease's acquired_at and expires_at, an audit row's time) as
// people read them. The tables are written by other programs too, so a value may
// be NaN, ±Infinity or absurdly large: it is named, never cast to an integer.
namespace EpochTime {

// "NaN", "Infinity" or "-Infinity" for a value that is not a finite number;
// empty for one that is.
QString nonFiniteName(double seconds);

// Local date and time, "2026-11-22 16:46:50.320" (with milliseconds) or
// "2026-11-22 16:46:50"; "invalid (NaN)" (etc.) for a value that is not a
// finite number, and "epoch 1e+300" for one outside the years 1 to 9999.
QString format(double seconds, bool milliseconds = true);

} // namespace EpochTime

} // namespace lockscope
