// Unit tests for common/index/interrupt: a first SIGINT or SIGTERM is recorded and does not stop
// the process; clear_interrupt forgets it; after a second one the default action is back, so
// the next signal kills.
#include "index/interrupt.h"

#include <gtest/gtest.h>

#include <csignal>

namespace newsarchive {
namespace {

TEST(Interrupt, NoSignalReadsAsZero) {
  install_interrupt_handlers();
  EXPECT_EQ(interrupt_signal(), 0);
}

TEST(Interrupt, AFirstSignalIsRecordedAndTheProcessGoesOn) {
  install_interrupt_handlers();
  std::raise(SIGTERM);
  EXPECT_EQ(interrupt_signal(), SIGTERM);
  clear_interrupt();
  EXPECT_EQ(interrupt_signal(), 0);
  std::raise(SIGINT);
  EXPECT_EQ(interrupt_signal(), SIGINT);
  clear_interrupt();
}

// The kill comes from the default action, so it needs a process of its own.
TEST(InterruptDeathTest, AfterTwoSignalsTheDefaultActionIsBack) {
  EXPECT_EXIT(
      {
        install_interrupt_handlers();
        std::raise(SIGINT);
        std::raise(SIGINT);
        std::raise(SIGINT);
        std::_Exit(0);
      },
      ::testing::KilledBySignal(SIGINT), "");
}

TEST(InterruptDeathTest, TheSecondSignalMayBeOfTheOtherKind) {
  EXPECT_EXIT(
      {
        install_interrupt_handlers();
        std::raise(SIGINT);
        std::raise(SIGTERM);
        std::raise(SIGTERM);
        std::_Exit(0);
      },
      ::testing::KilledBySignal(SIGTERM), "");
}

// A cleared signal no longer counts as the first of two.
TEST(InterruptDeathTest, AfterClearingTheNextSignalIsAFirstOneAgain) {
  EXPECT_EXIT(
      {
        install_interrupt_handlers();
        std::raise(SIGTERM);
        clear_interrupt();
        std::raise(SIGTERM);
        std::_Exit(interrupt_signal() == SIGTERM ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace newsarchive
