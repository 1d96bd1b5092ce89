// Signal recording for graceful interruption.
#include "index/interrupt.h"

#include <atomic>
#include <csignal>

namespace newsarchive {
namespace {

std::atomic<int> received_signal{0};

extern "C" void record_signal(int signal_number) {
  if (received_signal.exchange(signal_number) != 0) {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
  }
}

}  // namespace

void install_interrupt_handlers() {
  std::signal(SIGINT, record_signal);
  std::signal(SIGTERM, record_signal);
}

int interrupt_signal() {
  return received_signal.load();
}

void clear_interrupt() {
  received_signal.store(0);
}

}  // namespace newsarchive
