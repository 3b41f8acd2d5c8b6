#pragma once

namespace lockscope::ui {

// Lowers the calling thread's scheduling priority (Linux: nice +10 for this
// thread alone), once per thread. For worker threads that parse a large
// snapshot while the GUI thread paints: on a loaded desktop the scheduler then
// lets the GUI thread in first instead of sharing the core evenly with a
// worker's 300 ms of decoding. Qt's QThread priorities do nothing under Linux's
// default scheduling policy except IdlePriority, which would let any other
// load on the machine starve the refresh.
void lowerThisThreadsPriority();

} // namespace lockscope::ui
