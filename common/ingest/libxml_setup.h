// What every user of libxml2's parsers needs around a parse: the library initialised once, and
// its messages kept off stderr.
#pragma once

namespace newsarchive {

// Initialises libxml2 once per process, safely from any thread; call before parsing
// (xmlInitParser must not race with a first parse on another thread).
void ensure_libxml_initialized();

// Silences libxml2's generic error channel on this thread while it lives, restoring the previous
// handler after. Parser errors go to a context's own handlers, but some are raised outside any
// context (the encoding layer's "input conversion failed due to input error") and would
// otherwise be printed to stderr. libxml2 keeps this channel per thread.
class QuietLibxmlErrors {
 public:
  QuietLibxmlErrors();
  ~QuietLibxmlErrors();
  QuietLibxmlErrors(const QuietLibxmlErrors&) = delete;
  QuietLibxmlErrors& operator=(const QuietLibxmlErrors&) = delete;

 private:
  using Handler = void (*)(void* context, const char* message, ...);
  Handler saved_handler_;
  void* saved_context_;
};

}  // namespace newsarchive
