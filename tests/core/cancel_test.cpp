// The cancellation token: reasons, deadlines, the thread's current token and the
// exception it raises.
#include <gtest/gtest.h>

#include <thread>

#include "core/cancel.hpp"

namespace rostrum {
namespace {

TEST(CancelToken, StartsClearAndKeepsTheFirstReason) {
  CancelToken t;
  EXPECT_FALSE(t.requested());
  EXPECT_EQ(t.reason(), CancelReason::none);
  t.cancel(CancelReason::disconnected);
  t.cancel(CancelReason::shutdown);
  EXPECT_TRUE(t.requested());
  EXPECT_EQ(t.reason(), CancelReason::disconnected);
}

TEST(CancelToken, APassedDeadlineTripsItAsDeadline) {
  CancelToken t;
  t.set_deadline(CancelToken::Clock::now() + std::chrono::hours(1));
  EXPECT_FALSE(t.requested());
  t.set_deadline(CancelToken::Clock::now() - std::chrono::milliseconds(1));
  EXPECT_TRUE(t.requested());
  EXPECT_EQ(t.reason(), CancelReason::deadline);
  t.cancel(CancelReason::shutdown);  // already tripped: the deadline stays the reason
  EXPECT_EQ(t.reason(), CancelReason::deadline);
}

TEST(CancelToken, CurrentTokenIsPerThreadAndScoped) {
  EXPECT_EQ(current_cancel_token(), nullptr);
  EXPECT_FALSE(cancel_requested());
  EXPECT_NO_THROW(throw_if_cancelled());  // no token: nothing is ever cancelled (the CLI)
  CancelToken outer, inner;
  {
    CancelScope a(&outer);
    EXPECT_EQ(current_cancel_token(), &outer);
    {
      CancelScope b(&inner);
      EXPECT_EQ(current_cancel_token(), &inner);
      const CancelToken* seen = &inner;
      std::thread([&] { seen = current_cancel_token(); }).join();
      EXPECT_EQ(seen, nullptr);  // another thread has its own (none)
    }
    EXPECT_EQ(current_cancel_token(), &outer);
    outer.cancel(CancelReason::shutdown);
    EXPECT_TRUE(cancel_requested());
    try {
      throw_if_cancelled();
      ADD_FAILURE() << "no exception";
    } catch (const Cancelled& e) {
      EXPECT_EQ(e.reason(), CancelReason::shutdown);
      EXPECT_NE(std::string(e.what()).find("shutdown"), std::string::npos);
    }
  }
  EXPECT_EQ(current_cancel_token(), nullptr);
}

TEST(CancelToken, TrippedFromAnotherThread) {
  CancelToken t;
  std::thread([&] { t.cancel(CancelReason::disconnected); }).join();
  EXPECT_TRUE(cancel_requested(&t));
  EXPECT_THROW(throw_if_cancelled(&t), Cancelled);
}

}  // namespace
}  // namespace rostrum
