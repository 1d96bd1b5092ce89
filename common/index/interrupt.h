// SIGINT/SIGTERM as a request to stop: long runs finish the current article, commit and exit.
#pragma once

namespace newsarchive {

// Installs handlers for SIGINT and SIGTERM that record the signal; a second signal of either
// kind restores the default action, so a user can still kill a stuck process with ^C^C.
void install_interrupt_handlers();

// The signal number received, or 0 when none has been.
int interrupt_signal();

// For tests: forget a received signal.
void clear_interrupt();

}  // namespace newsarchive
