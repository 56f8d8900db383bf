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

// A record roll call of unvotes matched to a UN Library record carries the
// Library's title; bridging reads it, so the same resolution in a session of
// unvotes (2019) and of a Library scrape (2020) is one item.
TEST(IdealFromMatrix, LibraryTitleBridgesAcrossSources) {
  VoteMatrix m;
  int usa = m.add_country("USA"), cub = m.add_country("CUB");
  const std::string library =
      "Necessity of ending the economic, commercial and financial embargo imposed by the United States of America "
      "against Cuba : resolution / adopted by the General Assembly";
  auto rc = [&](std::int64_t id, int session, Date date, std::string title, std::string library_title) {
    RollCallInfo info;
    info.id = id, info.key = std::to_string(id), info.session = session, info.session_label = std::to_string(session);
    info.date = date, info.title = std::move(title), info.library_title = std::move(library_title);
    return m.add_rollcall(info);
  };
  int a = rc(1, 74, make_date(2019, 11, 7), "CUBA, EMBARGO", library);
  int b = rc(2, 75, make_date(2021, 6, 23), library, "");  // a 2022-scrape record: its title is the Library's
  // The 2022 scrape's variant ending, "resolution / by the General Assembly".
  int c = rc(3, 76, make_date(2021, 11, 3),
             "Necessity of ending the economic, commercial and financial embargo imposed by the United States of "
             "America against Cuba : resolution / by the General Assembly",
             "");
  for (int r : {a, b, c}) m.set_vote(usa, r, Vote::No), m.set_vote(cub, r, Vote::Yes);
  m.finish();
  ideal::Data d = ideal::from_matrix(m, {});
  EXPECT_EQ(d.rollcalls[0].text, library);
  auto item = ideal::find_bridges(d);
  EXPECT_EQ(item[0], item[1]);
  EXPECT_EQ(item[1], item[2]);
  // Without the Library title the 2019 roll call stands alone.
  VoteMatrix m2;
  m2.add_country("USA");
  RollCallInfo only;
  only.id = 1, only.key = "1", only.session = 74, only.session_label = "74", only.date = make_date(2019, 11, 7);
  only.title = "CUBA, EMBARGO";
  m2.add_rollcall(only);
  m2.finish();
  EXPECT_EQ(ideal::from_matrix(m2, {}).rollcalls[0].text, "CUBA, EMBARGO");
}

// Sessions keep their numbers across a gap of years no source covers: 76 then
// 79 are three steps apart on the time axis (the random walk widens).
TEST(IdealFromMatrix, SessionAxisKeepsItsMeaningAcrossAGap) {
  VoteMatrix m;
  int usa = m.add_country("USA");
  for (auto [id, session, date] :
       {std::tuple{1, 76, make_date(2021, 12, 1)}, std::tuple{2, 79, make_date(2025, 3, 1)},
        std::tuple{3, 0, make_date(2025, 2, 24)}, std::tuple{4, 80, make_date(2025, 12, 1)}}) {
    RollCallInfo info;
    info.id = id, info.key = std::to_string(id), info.session = session;
    info.session_label = session ? std::to_string(session) : "ES-11";
    info.date = date, info.title = "t";
    m.set_vote(usa, m.add_rollcall(info), Vote::Yes);
  }
  m.finish();
  ideal::Data d = ideal::from_matrix(m, {});
  EXPECT_EQ(d.session_labels, (std::vector<std::string>{"76", "79", "80"}));
  EXPECT_EQ(d.session_time, (std::vector<double>{76, 79, 80}));
  // ES-11/7 (2025-02-24) belongs to the session in progress, the 79th, not to
  // the last one the record holds before the gap (76).
  EXPECT_EQ(d.session_labels[d.rollcalls[1].session], "79");
  // Emergency votes alone in their session get it on the axis: ES-10 in 1997.
  VoteMatrix es;
  es.add_country("USA");
  RollCallInfo info;
  info.id = 1, info.key = "1", info.session = 0, info.session_label = "ES-10", info.date = make_date(1997, 4, 25);
  es.set_vote(0, es.add_rollcall(info), Vote::Yes);
  es.finish();
  ideal::Data e = ideal::from_matrix(es, {});
  EXPECT_EQ(e.session_labels, (std::vector<std::string>{"51"}));
  EXPECT_EQ(e.session_time, (std::vector<double>{51}));
}
