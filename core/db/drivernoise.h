#pragma once

namespace lockscope {

// Qt's PostgreSQL driver warns on stderr when it cannot deallocate a prepared
// statement on a connection the server already cut ("Unable to free statement:
// no connection to the server", plus a blank line). LockScope drops and reopens
// such connections and reports the outage itself, once and in words; those lines
// only alarm whoever reads the terminal, as does Qt's "QSocketNotifier: Invalid
// socket" when a listening connection's socket went away under the driver.
// install() filters exactly those and
// passes every other message to the handler that was installed before.
namespace DriverNoise {

void install();

} // namespace DriverNoise

} // namespace lockscope
