// VoteMatrix::serialize / deserialize: a round trip gives the same matrix (every
// RollCallInfo field, aliases, bit-planes), and damaged images are refused.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <thread>
#include <tuple>
#include <vector>

#include "matrix/vote_matrix.hpp"
#include "support/matrix_compare.hpp"

namespace rostrum {
namespace {

// Every RollCallInfo field set to a value other than its default, differing by roll call.
VoteMatrix make_matrix(int nc, int nr, unsigned seed) {
  std::mt19937 rng(seed);
  VoteMatrix m;
  for (int c = 0; c < nc; ++c) m.add_country("C" + std::to_string(c));
  for (int r = 0; r < nr; ++r) {
    RollCallInfo info;
    info.id = 5000 + r;
    info.key = "k" + std::to_string(r);
    info.body = r % 3 == 0 ? Body::SecurityCouncil : Body::GeneralAssembly;
    info.session = r % 5 == 0 ? 0 : 30 + r / 20;
    info.session_label = info.session == 0 ? "ES-" + std::to_string(1 + r % 4) : std::to_string(info.session);
    info.date = make_date(1960 + static_cast<int>(rng() % 50), 1 + static_cast<int>(rng() % 12),
                          1 + static_cast<int>(rng() % 28));
    info.symbol = "A/RES/" + std::to_string(r);
    info.title = "title " + std::to_string(r) + std::string(r % 7, 'x');
    info.description =
        r % 4 == 0 ? "" : "description with \"quotes\", commas and UTF-8: Côte d'Ivoire " + std::to_string(r);
    info.important = rng() % 2;
    info.amendment = rng() % 2;
    info.paragraph = rng() % 2;
    info.issues = static_cast<std::uint8_t>(rng() % 64);
    info.issues_predicted = rng() % 2;
    info.subjects = "A|B|" + std::to_string(r);
    info.library_title = r % 2 ? "library " + std::to_string(r) : "";
    info.source = r % 2 ? "unvotes" : "undl-2025";
    m.add_rollcall(info);
  }
  for (int c = 0; c < nc; ++c)
    for (int r = 0; r < nr; ++r)
      if (rng() % 10 < 7) m.set_vote(c, r, static_cast<Vote>(1 + rng() % 4));
  m.add_alias("ALIAS0", 0);
  m.add_alias("ALIAS1", nc - 1);
  m.finish();
  return m;
}

using rostrum::testing::expect_same_matrix;

TEST(VoteMatrixImage, RoundTripIsIdentical) {
  for (auto [nc, nr] : {std::pair{1, 1}, std::pair{7, 64}, std::pair{13, 65}, std::pair{40, 333}}) {
    const VoteMatrix m = make_matrix(nc, nr, static_cast<unsigned>(nc * 1000 + nr));
    const auto back = VoteMatrix::deserialize(m.serialize());
    ASSERT_TRUE(back.has_value()) << nc << "x" << nr;
    expect_same_matrix(m, *back);
    EXPECT_EQ(back->country_index("ALIAS1"), nc - 1);
    // A deserialized matrix serializes to the same bytes.
    EXPECT_EQ(back->serialize(), m.serialize());
  }
}

TEST(VoteMatrixImage, EmptyMatrix) {
  VoteMatrix m;
  m.finish();
  const auto back = VoteMatrix::deserialize(m.serialize());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->countries(), 0);
  EXPECT_EQ(back->rollcalls(), 0);
}

TEST(VoteMatrixImage, DamagedImagesAreRefused) {
  const std::string image = make_matrix(9, 100, 3).serialize();
  // Every truncation, and one byte too many.
  for (std::size_t n = 0; n < image.size(); n += 1 + n / 8)
    EXPECT_FALSE(VoteMatrix::deserialize(std::string_view(image).substr(0, n)).has_value()) << n;
  EXPECT_FALSE(VoteMatrix::deserialize(image + '\0').has_value());
  // Another magic, another format version, a word count that does not fit the roll calls.
  std::string bad = image;
  bad[0] = 'X';
  EXPECT_FALSE(VoteMatrix::deserialize(bad).has_value());
  bad = image;
  bad[4] = static_cast<char>(VoteMatrix::kImageFormat + 1);
  EXPECT_FALSE(VoteMatrix::deserialize(bad).has_value());
  bad = image;
  bad[20] = static_cast<char>(bad[20] + 1);  // words
  EXPECT_FALSE(VoteMatrix::deserialize(bad).has_value());
  // Huge counts are refused before anything is allocated.
  bad = image;
  bad[8] = bad[9] = bad[10] = bad[11] = '\xff';  // countries
  EXPECT_FALSE(VoteMatrix::deserialize(bad).has_value());
}

TEST(VoteMatrixImage, DamagedTextSectionIsRefused) {
  const VoteMatrix m = make_matrix(5, 40, 4);
  const std::string image = m.serialize();
  // The image ends with the last roll call's source, after its u32 length.
  const std::string& last = m.rollcall(m.rollcalls() - 1).source;
  const std::size_t at = image.size() - last.size() - 4;
  for (std::uint32_t n :
       {static_cast<std::uint32_t>(last.size() + 1), static_cast<std::uint32_t>(last.size() - 1), 0xffffffffu}) {
    std::string bad = image;
    std::memcpy(bad.data() + at, &n, sizeof n);
    EXPECT_FALSE(VoteMatrix::deserialize(bad).has_value()) << n;
  }
}

TEST(VoteMatrixImage, TextIsFilledOnFirstUseOnceForAllThreads) {
  const VoteMatrix m = make_matrix(6, 200, 5);
  auto back = VoteMatrix::deserialize(m.serialize());
  ASSERT_TRUE(back.has_value());
  // Before any roll call's text is asked for: every field of the heads is there
  // (the heads have no text fields to fill).
  for (int r = 0; r < m.rollcalls(); ++r) {
    const RollCallHead& h = back->rollcall_head(r);
    const RollCallInfo& x = m.rollcall(r);
    EXPECT_EQ(std::tuple(h.id, h.body, h.session, h.session_label, h.date, h.important, h.amendment, h.paragraph,
                         h.issues, h.issues_predicted),
              std::tuple(x.id, x.body, x.session, x.session_label, x.date, x.important, x.amendment, x.paragraph,
                         x.issues, x.issues_predicted))
        << "roll call " << r;
  }
  // A copy taken now carries the text.
  const VoteMatrix copy = *back;
  expect_same_matrix(m, copy);
  // Many threads asking at once all see every field.
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int r = 0; r < m.rollcalls(); ++r)
        if (!rostrum::testing::same_rollcall(back->rollcall((r + 25 * t) % m.rollcalls()),
                                             m.rollcall((r + 25 * t) % m.rollcalls())))
          ++mismatches[t];
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
  expect_same_matrix(m, *back);
}

TEST(VoteMatrixImage, UnfinishedMatrixIsAnError) {
  VoteMatrix m;
  m.add_country("A");
  EXPECT_THROW(m.serialize(), std::logic_error);
}

}  // namespace
}  // namespace rostrum
