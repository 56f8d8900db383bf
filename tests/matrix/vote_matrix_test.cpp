// VoteMatrix: votes read back after finish(), bit-plane invariants, filters,
// periods and count_cast, checked against brute force on random matrices.
#include <gtest/gtest.h>

#include <bit>
#include <map>
#include <random>
#include <set>

#include "matrix/vote_matrix.hpp"

namespace rostrum {
namespace {

bool bit(const std::vector<Word>& mask, int r) { return (mask[r / kWordBits] >> (r % kWordBits)) & 1; }

struct Random {
  VoteMatrix m;
  std::map<std::pair<int, std::int64_t>, Vote> truth;  // (country, roll call id) -> vote
};

// nc countries, nr roll calls with shuffled dates (ties included), sessions by
// year, emergency sessions (session 0, label ES-n) sprinkled in, random flags.
Random make_random(int nc, int nr, unsigned seed, double density = 0.7) {
  std::mt19937 rng(seed);
  Random out;
  for (int c = 0; c < nc; ++c) out.m.add_country("C" + std::to_string(c));
  for (int r = 0; r < nr; ++r) {
    RollCallInfo info;
    info.id = 1000 + r;
    info.key = std::to_string(r);
    int year = 1946 + static_cast<int>(rng() % 40);
    info.date = make_date(year, 1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
    if (rng() % 10 == 0) {
      info.session = 0;
      info.session_label = "ES-" + std::to_string(1 + rng() % 3);
    } else {
      info.session = year - 1945;
      info.session_label = std::to_string(info.session);
    }
    info.important = rng() % 4 == 0;
    info.amendment = rng() % 6 == 0;
    info.paragraph = rng() % 7 == 0;
    info.issues = static_cast<std::uint8_t>(rng() % 64);
    out.m.add_rollcall(info);
  }
  std::uniform_real_distribution<double> u(0, 1);
  for (int c = 0; c < nc; ++c)
    for (int r = 0; r < nr; ++r) {
      if (u(rng) > density) continue;
      Vote v = static_cast<Vote>(1 + rng() % 4);
      out.m.set_vote(c, r, v);
      out.truth[{c, 1000 + r}] = v;
    }
  out.m.finish();
  return out;
}

Vote truth_of(const Random& x, int c, int r) {
  auto it = x.truth.find({c, x.m.rollcall(r).id});
  return it == x.truth.end() ? Vote::Missing : it->second;
}

TEST(VoteMatrix, VotesAfterFinishEqualWhatWasSet) {
  for (unsigned seed : {1u, 2u, 3u}) {
    for (int nr : {1, 63, 64, 65, 130, 1000}) {
      Random x = make_random(17, nr, seed * 100 + nr);
      ASSERT_EQ(x.m.rollcalls(), nr);
      ASSERT_EQ(x.m.countries(), 17);
      ASSERT_EQ(x.m.words(), (nr + 63) / 64);
      for (int c = 0; c < x.m.countries(); ++c)
        for (int r = 0; r < x.m.rollcalls(); ++r) ASSERT_EQ(x.m.vote(c, r), truth_of(x, c, r)) << c << "," << r;
    }
  }
}

TEST(VoteMatrix, SortedByDateThenId) {
  Random x = make_random(3, 500, 9);
  std::set<std::int64_t> ids;
  for (int r = 0; r < x.m.rollcalls(); ++r) {
    ids.insert(x.m.rollcall(r).id);
    if (r == 0) continue;
    const auto &a = x.m.rollcall(r - 1), &b = x.m.rollcall(r);
    EXPECT_TRUE(a.date < b.date || (a.date == b.date && a.id < b.id)) << r;
  }
  EXPECT_EQ(ids.size(), 500u);  // a permutation: nothing lost or duplicated
  EXPECT_EQ(x.m.rollcall_infos().size(), 500u);
}

TEST(VoteMatrix, PlanesAreDisjointAndPaddingIsClear) {
  Random x = make_random(11, 200, 4, 0.9);
  for (int c = 0; c < x.m.countries(); ++c) {
    for (int w = 0; w < x.m.words(); ++w) {
      Word y = x.m.yes(c)[w], a = x.m.abstain(c)[w], n = x.m.no(c)[w], nv = x.m.nonvoting(c)[w];
      EXPECT_EQ(y & a, 0u);
      EXPECT_EQ(y & n, 0u);
      EXPECT_EQ(y & nv, 0u);
      EXPECT_EQ(a & n, 0u);
      EXPECT_EQ(a & nv, 0u);
      EXPECT_EQ(n & nv, 0u);
    }
    // Bits past the last roll call are zero in every plane.
    const int last = x.m.words() - 1;
    const Word pad = ~Word{0} << (200 % kWordBits);
    EXPECT_EQ((x.m.yes(c)[last] | x.m.abstain(c)[last] | x.m.no(c)[last] | x.m.nonvoting(c)[last]) & pad, 0u);
  }
}

TEST(VoteMatrix, CountryIndex) {
  VoteMatrix m;
  m.add_country("USA");
  m.add_country("RUS");
  m.finish();
  EXPECT_EQ(m.country_index("RUS"), 1);
  EXPECT_EQ(m.country_index("USA"), 0);
  EXPECT_EQ(m.country_index("CHN"), -1);
  EXPECT_EQ(m.iso3(1), "RUS");
  EXPECT_EQ(m.rollcalls(), 0);
  EXPECT_EQ(m.words(), 0);
  EXPECT_TRUE(m.select({}).empty());
  EXPECT_EQ(m.count_cast(0, m.select({})), 0);
  EXPECT_TRUE(make_periods(m, PeriodKind::year, m.select({})).empty());
}

TEST(VoteMatrix, AliasesNameARow) {
  VoteMatrix m;
  m.add_country("USA");
  m.add_country("RUS");
  m.add_alias("SUN", 1);
  m.finish();
  EXPECT_EQ(m.country_index("SUN"), 1);
  EXPECT_EQ(m.iso3(m.country_index("SUN")), "RUS");  // the row keeps its own id
  EXPECT_EQ(m.countries(), 2);
  EXPECT_EQ(m.country_index("SCG"), -1);
  EXPECT_THROW(m.add_alias("SCG", 2), std::out_of_range);
}

TEST(VoteMatrix, BuildersRejectChangesAfterFinish) {
  VoteMatrix m;
  m.add_country("USA");
  m.add_rollcall({});
  m.finish();
  EXPECT_THROW(m.add_country("X"), std::logic_error);
  EXPECT_THROW(m.add_rollcall({}), std::logic_error);
  EXPECT_THROW(m.set_vote(0, 0, Vote::Yes), std::logic_error);
  m.finish();  // a second finish is harmless
  EXPECT_EQ(m.vote(0, 0), Vote::Missing);
}

TEST(VoteMatrix, LaterSetVoteOverwrites) {
  VoteMatrix m;
  m.add_country("USA");
  m.add_rollcall({});
  m.set_vote(0, 0, Vote::Yes);
  m.set_vote(0, 0, Vote::No);
  m.finish();
  EXPECT_EQ(m.vote(0, 0), Vote::No);
}

// The reference predicate select() must implement.
bool passes(const RollCallInfo& rc, const RollCallFilter& f) {
  const bool range = f.session_from || f.session_to;
  if (range) {
    if (rc.session == 0) return false;
    if (f.session_from && rc.session < *f.session_from) return false;
    if (f.session_to && rc.session > *f.session_to) return false;
  } else if (!f.include_emergency && rc.session == 0) {
    return false;
  }
  if (f.date_from && rc.date < *f.date_from) return false;
  if (f.date_to && rc.date > *f.date_to) return false;
  if (f.issues && !(rc.issues & f.issues)) return false;
  if (f.important_only && !rc.important) return false;
  if (f.exclude_amendments && rc.amendment) return false;
  if (f.exclude_paragraphs && rc.paragraph) return false;
  return true;
}

void check_filter(const VoteMatrix& m, const RollCallFilter& f, const char* what) {
  auto mask = m.select(f);
  ASSERT_EQ(static_cast<int>(mask.size()), m.words()) << what;
  int n = 0;
  for (int r = 0; r < m.rollcalls(); ++r) {
    EXPECT_EQ(bit(mask, r), passes(m.rollcall(r), f)) << what << " roll call " << r;
    n += bit(mask, r);
  }
  int pop = 0;
  for (Word w : mask) pop += std::popcount(w);
  EXPECT_EQ(pop, n) << what << ": bits set past the last roll call";
}

TEST(VoteMatrix, SelectFilters) {
  Random x = make_random(2, 700, 21);
  const VoteMatrix& m = x.m;
  RollCallFilter all;
  check_filter(m, all, "all");
  EXPECT_EQ(std::popcount(m.select(all)[0]), 64);

  RollCallFilter f;
  f.session_from = 10;
  f.session_to = 20;
  check_filter(m, f, "sessions 10-20");
  f = {};
  f.session_from = 30;
  check_filter(m, f, "sessions from 30");
  f = {};
  f.session_to = 5;
  check_filter(m, f, "sessions to 5");
  f = {};
  f.date_from = make_date(1960, 3, 15);
  f.date_to = make_date(1970, 6, 30);
  check_filter(m, f, "dates");
  f = {};
  f.issues = kIssueHr | kIssueCo;
  check_filter(m, f, "issues hr,co");
  f = {};
  f.important_only = true;
  check_filter(m, f, "important");
  f = {};
  f.exclude_amendments = true;
  check_filter(m, f, "no amendments");
  f = {};
  f.exclude_paragraphs = true;
  check_filter(m, f, "no paragraphs");
  f = {};
  f.include_emergency = false;
  check_filter(m, f, "no emergency");
  f = {};
  f.session_from = 3;
  f.session_to = 30;
  f.date_from = make_date(1950, 1, 1);
  f.issues = kIssueMe;
  f.important_only = true;
  f.exclude_amendments = true;
  f.exclude_paragraphs = true;
  check_filter(m, f, "combined");
}

TEST(VoteMatrix, SelectByHand) {
  // Hand-made roll calls, so the expected masks do not depend on `passes`.
  VoteMatrix m;
  m.add_country("USA");
  auto rc = [&](int session, std::string label, Date d, bool imp, bool amend, bool para, std::uint8_t issues) {
    RollCallInfo i;
    i.id = m.rollcalls() + 1;
    i.session = session;
    i.session_label = std::move(label);
    i.date = d;
    i.important = imp;
    i.amendment = amend;
    i.paragraph = para;
    i.issues = issues;
    m.add_rollcall(i);
  };
  rc(74, "74", make_date(2019, 10, 1), false, false, false, kIssueMe);            // 0
  rc(74, "74", make_date(2019, 12, 1), true, true, false, kIssueHr);              // 1
  rc(0, "ES-10", make_date(2019, 12, 2), false, false, true, 0);                  // 2
  rc(75, "75", make_date(2020, 10, 1), false, false, true, kIssueHr | kIssueNu);  // 3
  rc(76, "76", make_date(2021, 10, 1), true, false, false, kIssueEc);             // 4
  m.finish();
  auto bits = [&](const RollCallFilter& f) {
    std::string s;
    auto mask = m.select(f);
    for (int r = 0; r < m.rollcalls(); ++r) s += bit(mask, r) ? '1' : '0';
    return s;
  };
  RollCallFilter f;
  EXPECT_EQ(bits(f), "11111");
  f.session_from = 75;
  EXPECT_EQ(bits(f), "00011");
  f = {};
  f.session_to = 74;
  EXPECT_EQ(bits(f), "11000");  // emergency sessions have no number
  f = {};
  f.include_emergency = false;
  EXPECT_EQ(bits(f), "11011");
  f = {};
  f.date_from = make_date(2019, 12, 1);
  f.date_to = make_date(2020, 10, 1);  // inclusive bounds
  EXPECT_EQ(bits(f), "01110");
  f = {};
  f.issues = kIssueHr;
  EXPECT_EQ(bits(f), "01010");
  f.issues = kIssueNu | kIssueEc;
  EXPECT_EQ(bits(f), "00011");
  f = {};
  f.important_only = true;
  EXPECT_EQ(bits(f), "01001");
  f = {};
  f.exclude_amendments = true;
  EXPECT_EQ(bits(f), "10111");
  f = {};
  f.exclude_paragraphs = true;
  EXPECT_EQ(bits(f), "11001");
}

void check_partition(const VoteMatrix& m, PeriodKind kind, const std::vector<Word>& within, const char* what) {
  auto periods = make_periods(m, kind, within);
  std::vector<Word> seen(m.words(), 0);
  std::set<std::string> labels;
  Date last_first = 0;
  for (const auto& p : periods) {
    ASSERT_EQ(static_cast<int>(p.mask.size()), m.words()) << what;
    EXPECT_TRUE(labels.insert(p.label).second) << what << ": label twice: " << p.label;
    bool any = false;
    Date first = 0;
    for (int r = 0; r < m.rollcalls(); ++r) {
      if (!bit(p.mask, r)) continue;
      EXPECT_TRUE(bit(within, r)) << what << ": period " << p.label << " holds an unselected roll call";
      EXPECT_FALSE(bit(seen, r)) << what << ": roll call " << r << " in two periods";
      seen[r / kWordBits] |= Word{1} << (r % kWordBits);
      const auto& rc = m.rollcall(r);
      std::string want = kind == PeriodKind::all    ? "all"
                         : kind == PeriodKind::year ? std::to_string(rc.year())
                                                    : rc.session_label;
      EXPECT_EQ(p.label, want) << what;
      EXPECT_GE(r / kWordBits, p.word_begin) << what;
      EXPECT_LT(r / kWordBits, p.word_end) << what;
      if (!any) first = rc.date;
      any = true;
    }
    EXPECT_TRUE(any) << what << ": empty period " << p.label;
    EXPECT_GE(first, last_first) << what << ": periods not in date order";
    last_first = first;
    // word_begin/word_end are tight.
    EXPECT_NE(p.mask[p.word_begin], 0u) << what;
    EXPECT_NE(p.mask[p.word_end - 1], 0u) << what;
  }
  EXPECT_EQ(seen, within) << what << ": periods do not cover the selection";
}

TEST(VoteMatrix, PeriodsPartitionTheSelection) {
  Random x = make_random(2, 900, 33);
  const VoteMatrix& m = x.m;
  std::vector<RollCallFilter> filters(4);
  filters[1].important_only = true;
  filters[2].date_from = make_date(1970, 1, 1);
  filters[3].session_from = 5;
  filters[3].session_to = 9;
  for (const auto& f : filters) {
    auto within = m.select(f);
    check_partition(m, PeriodKind::session, within, "session");
    check_partition(m, PeriodKind::year, within, "year");
    check_partition(m, PeriodKind::all, within, "all");
  }
  // Emergency sessions interleave with regular ones but keep their own period.
  auto periods = make_periods(m, PeriodKind::session, m.select({}));
  int es = 0;
  for (const auto& p : periods) es += p.label.rfind("ES-", 0) == 0;
  EXPECT_EQ(es, 3);
  // `all` is one period holding every selected roll call.
  auto all = make_periods(m, PeriodKind::all, m.select({}));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].mask, m.select({}));
  EXPECT_EQ(all[0].word_begin, 0);
  EXPECT_EQ(all[0].word_end, m.words());
  // Nothing selected: no periods.
  EXPECT_TRUE(make_periods(m, PeriodKind::year, std::vector<Word>(m.words(), 0)).empty());
}

TEST(VoteMatrix, CountCast) {
  Random x = make_random(9, 333, 5, 0.8);
  const VoteMatrix& m = x.m;
  RollCallFilter f;
  f.exclude_amendments = true;
  for (const auto& mask : {m.select({}), m.select(f)}) {
    for (int c = 0; c < m.countries(); ++c) {
      std::int64_t want = 0;
      for (int r = 0; r < m.rollcalls(); ++r) want += bit(mask, r) && is_cast(m.vote(c, r));
      EXPECT_EQ(m.count_cast(c, mask), want) << c;
    }
  }
  // Non-voting and missing never count.
  VoteMatrix small;
  small.add_country("A");
  for (int r = 0; r < 5; ++r) small.add_rollcall({});
  small.set_vote(0, 0, Vote::Yes);
  small.set_vote(0, 1, Vote::Abstain);
  small.set_vote(0, 2, Vote::No);
  small.set_vote(0, 3, Vote::NonVoting);
  small.finish();
  EXPECT_EQ(small.count_cast(0, small.select({})), 3);
}

TEST(IssueCodes, ParseAndFormat) {
  EXPECT_EQ(parse_issue_code("me"), kIssueMe);
  EXPECT_EQ(parse_issue_code("HR"), kIssueHr);
  EXPECT_EQ(parse_issue_code("me, hr,ec"), kIssueMe | kIssueHr | kIssueEc);
  EXPECT_EQ(parse_issue_code("xx"), 0);
  EXPECT_EQ(parse_issue_code("me,xx"), 0);
  EXPECT_EQ(issue_codes(kIssueMe | kIssueCo), "me,co");
  EXPECT_EQ(issue_codes(0), "");
  for (int mask = 1; mask < 64; ++mask) EXPECT_EQ(parse_issue_code(issue_codes(static_cast<std::uint8_t>(mask))), mask);
  EXPECT_EQ(body_code(Body::GeneralAssembly), "ga");
  EXPECT_EQ(body_code(Body::SecurityCouncil), "sc");
}

}  // namespace
}  // namespace rostrum
