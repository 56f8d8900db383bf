// The VoteMatrix -> ideal::Data adapter.
#include <gtest/gtest.h>

#include "ideal/from_matrix.hpp"

using namespace rostrum;

TEST(IdealFromMatrix, SessionsVotesAndText) {
  VoteMatrix m;
  int usa = m.add_country("USA"), cub = m.add_country("CUB"), fra = m.add_country("FRA");
  auto rc = [&](std::int64_t id, int session, Date date, std::string title, bool amend = false) {
    RollCallInfo info;
    info.id = id, info.key = std::to_string(id), info.session = session;
    info.session_label = session > 0 ? std::to_string(session) : "ES-10";
    info.date = date, info.title = std::move(title), info.description = "desc", info.amendment = amend;
    return m.add_rollcall(info);
  };
  int a = rc(1, 18, make_date(1963, 10, 1), "Alpha");
  int b = rc(2, 20, make_date(1965, 10, 1), "Beta", true);
  int c = rc(3, 0, make_date(1965, 12, 1), "Emergency");  // joins session 20
  m.set_vote(usa, a, Vote::Yes);
  m.set_vote(cub, a, Vote::No);
  m.set_vote(fra, a, Vote::NonVoting);  // not a vote
  m.set_vote(usa, b, Vote::Abstain);
  m.set_vote(cub, b, Vote::Yes);
  m.set_vote(usa, c, Vote::No);
  m.set_vote(fra, c, Vote::Yes);
  m.finish();
  ideal::Data d = ideal::from_matrix(m, {});
  EXPECT_EQ(d.n_states, 3);
  EXPECT_EQ(d.n_sessions, 2);
  EXPECT_EQ(d.session_labels, (std::vector<std::string>{"18", "20"}));
  EXPECT_EQ(d.session_time, (std::vector<double>{18, 20}));  // the gap (19) widens the random walk
  ASSERT_EQ(d.rollcalls.size(), 3u);
  EXPECT_EQ(d.rollcalls[0].text, "Alpha");
  EXPECT_EQ(d.rollcalls[0].description, "desc");
  EXPECT_EQ(d.rollcalls[0].year, 1963);
  EXPECT_TRUE(d.rollcalls[1].amendment);
  EXPECT_EQ(d.rollcalls[2].session, 1);
  EXPECT_EQ(d.votes.size(), 6u);
  int counts[3] = {0, 0, 0};
  for (const auto& v : d.votes) counts[v.category]++;
  EXPECT_EQ(counts[0], 3);
  EXPECT_EQ(counts[1], 1);
  EXPECT_EQ(counts[2], 2);
  // A mask selecting only the first roll call.
  std::vector<Word> mask(m.words(), 0);
  mask[0] = 1;
  ideal::Data d1 = ideal::from_matrix(m, mask);
  EXPECT_EQ(d1.rollcalls.size(), 1u);
  EXPECT_EQ(d1.votes.size(), 2u);
  EXPECT_EQ(d1.n_sessions, 1);
}
