#include "ideal/from_matrix.hpp"

#include <map>

namespace rostrum::ideal {

Data from_matrix(const VoteMatrix& m, const std::vector<Word>& mask) {
  const int R = m.rollcalls();
  auto selected = [&](int r) {
    return mask.empty() || ((mask[static_cast<std::size_t>(r) / kWordBits] >> (r % kWordBits)) & 1u);
  };
  // Regular session of every selected roll call (emergency ones attached by date order).
  std::vector<int> session_of(R, 0);
  std::map<int, std::string> labels;
  int current = 0, first_regular = 0;
  for (int r = 0; r < R; ++r) {
    if (!selected(r)) continue;
    const auto& rc = m.rollcall(r);
    if (rc.session > 0) {
      if (first_regular == 0) first_regular = rc.session;
      current = rc.session;
      labels.emplace(rc.session, rc.session_label.empty() ? std::to_string(rc.session) : rc.session_label);
    }
    session_of[r] = rc.session > 0 ? rc.session : current;
  }
  for (int r = 0; r < R; ++r)
    if (selected(r) && session_of[r] == 0) session_of[r] = first_regular;
  Data d;
  if (labels.empty() && first_regular == 0) {
    // Only emergency sessions (or nothing): one pseudo-session.
    labels.emplace(0, "ES");
  }
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
    meta.text = rc.title;
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
