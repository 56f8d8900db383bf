// Whole-matrix comparison for the tests of the matrix image and the store's snapshot.
#pragma once

#include <gtest/gtest.h>

#include <tuple>

#include "matrix/vote_matrix.hpp"

namespace rostrum::testing {

// Every field of RollCallInfo.
inline ::testing::AssertionResult same_rollcall(const RollCallInfo& a, const RollCallInfo& b) {
  auto fields = [](const RollCallInfo& x) {
    return std::tuple(x.id, x.key, x.body, x.session, x.session_label, x.date, x.symbol, x.title, x.description,
                      x.important, x.amendment, x.paragraph, x.issues, x.issues_predicted, x.subjects, x.library_title,
                      x.source);
  };
  static_assert(sizeof(RollCallHead) == sizeof(std::string) + 32 &&
                    sizeof(RollCallInfo) == sizeof(RollCallHead) + 7 * sizeof(std::string),
                "a RollCallInfo field was added: compare it here and write it in VoteMatrix::serialize");
  if (fields(a) == fields(b)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "roll calls " << a.id << " (" << a.key << ") and " << b.id << " (" << b.key
                                       << ") differ";
}

// Countries, aliases, every roll call's fields, the bit-planes and every vote.
inline void expect_same_matrix(const VoteMatrix& a, const VoteMatrix& b) {
  ASSERT_EQ(a.countries(), b.countries());
  ASSERT_EQ(a.rollcalls(), b.rollcalls());
  EXPECT_EQ(a.words(), b.words());
  for (int c = 0; c < a.countries(); ++c) EXPECT_EQ(a.iso3(c), b.iso3(c));
  EXPECT_EQ(a.aliases(), b.aliases());
  for (int r = 0; r < a.rollcalls(); ++r) EXPECT_TRUE(same_rollcall(a.rollcall(r), b.rollcall(r))) << "roll call " << r;
  EXPECT_TRUE(a.planes() == b.planes());
  for (int c = 0; c < a.countries(); ++c)
    for (int r = 0; r < a.rollcalls(); ++r) ASSERT_EQ(a.vote(c, r), b.vote(c, r));
}

}  // namespace rostrum::testing
