#include "ideal/from_matrix.hpp"

#include <algorithm>
#include <map>

namespace rostrum::ideal {

Data from_matrix(const VoteMatrix& m, const std::vector<Word>& mask) {
  const int R = m.rollcalls();
  auto selected = [&](int r) {
    return mask.empty() || ((mask[static_cast<std::size_t>(r) / kWordBits] >> (r % kWordBits)) & 1u);
  };
  // Regular session of every selected roll call. An emergency or special session's
  // roll call belongs to the regular session in progress on its date (the GA
  // opens each September: the 79th ran from September 2024 to September 2025), so
  // ES-11's votes of February 2025 are the 79th session's even when the record
  // has nothing between 2021 and them.
  std::vector<int> session_of(R, 0);
  std::map<int, std::string> labels;
  for (int r = 0; r < R; ++r) {
    if (!selected(r)) continue;
    const auto& rc = m.rollcall(r);
    if (rc.session > 0) {
      labels.emplace(rc.session, rc.session_label.empty() ? std::to_string(rc.session) : rc.session_label);
      session_of[r] = rc.session;
    } else {
      const int y = date_year(rc.date), month = date_month(rc.date), day = date_day(rc.date);
      session_of[r] = std::max(1, (month > 9 || (month == 9 && day >= 15)) ? y - 1945 : y - 1946);
    }
  }
  for (int r = 0; r < R; ++r)
    if (selected(r) && m.rollcall(r).session == 0) labels.emplace(session_of[r], std::to_string(session_of[r]));
  Data d;
  std::map<int, int> index;
  for (const auto& [num, label] : labels) {
    index[num] = d.n_sessions++;
    d.session_labels.push_back(label);
    d.session_time.push_back(num);
  }
  d.n_states = m.countries();
  for (int c = 0; c < m.countries(); ++c) d.state_ids.push_back(m.iso3(c));
  std::vector<int> rc_index(R, -1);
  for (int r = 0; r < R; ++r) {
    if (!selected(r)) continue;
    const auto& rc = m.rollcall(r);
    RollCallMeta meta;
    meta.session = index.at(session_of[r]);
    meta.key = rc.key;
    // The UN Library's title where the record has one: the resolution's name as
    // the later sources write it, so a resolution repeated every session bridges
    // across the change of source (unvotes to 2019, the Library after).
    meta.text = rc.library_title.empty() ? rc.title : rc.library_title;
    meta.description = rc.description;
    meta.symbol = rc.symbol;
    meta.amendment = rc.amendment;
    meta.paragraph = rc.paragraph;
    meta.year = rc.year();
    rc_index[r] = static_cast<int>(d.rollcalls.size());
    d.rollcalls.push_back(std::move(meta));
  }
  for (int c = 0; c < m.countries(); ++c)
    for (int r = 0; r < R; ++r) {
      if (rc_index[r] < 0) continue;
      Vote v = m.vote(c, r);
      if (!is_cast(v)) continue;
      std::uint8_t cat = v == Vote::Yes ? 0 : (v == Vote::Abstain ? 1 : 2);
      d.votes.push_back({c, rc_index[r], cat});
    }
  return d;
}

}  // namespace rostrum::ideal
