#include "query/dated_record.hpp"

#include <map>
#include <string>
#include <vector>

#include "vetoes/seats.hpp"

namespace rostrum::query {

DatedRecord dated_by_seat(const VoteMatrix& m) {
  DatedRecord out;
  // Target row of every (country, roll call) with a vote; rows that never move map to themselves.
  std::vector<std::string> names;
  std::map<std::string, int> index;
  auto row_of = [&](std::string_view iso3) {
    auto it = index.find(std::string(iso3));
    if (it != index.end()) return it->second;
    int r = static_cast<int>(names.size());
    names.emplace_back(iso3);
    index.emplace(std::string(iso3), r);
    return r;
  };
  for (int c = 0; c < m.countries(); ++c) row_of(m.iso3(c));
  std::vector<std::vector<int>> target(static_cast<std::size_t>(m.countries()));
  for (int c = 0; c < m.countries(); ++c) {
    const std::string& label = m.iso3(c);
    const bool can_move = vetoes::un_labels_for(label).size() > 1;
    auto& t = target[static_cast<std::size_t>(c)];
    t.assign(static_cast<std::size_t>(m.rollcalls()), row_of(label));
    if (!can_move) continue;
    for (int r = 0; r < m.rollcalls(); ++r) {
      if (m.vote(c, r) == Vote::Missing) continue;
      t[static_cast<std::size_t>(r)] = row_of(vetoes::un_holder(label, m.rollcall_head(r).date));
    }
  }
  for (const auto& n : names) out.matrix.add_country(n);
  for (int r = 0; r < m.rollcalls(); ++r) out.matrix.add_rollcall(m.rollcall(r));
  // A state's own label first, so that a moved vote never overwrites one recorded under the holder's id.
  std::vector<std::vector<bool>> filled(names.size(),
                                        std::vector<bool>(static_cast<std::size_t>(m.rollcalls()), false));
  for (int pass = 0; pass < 2; ++pass)
    for (int c = 0; c < m.countries(); ++c)
      for (int r = 0; r < m.rollcalls(); ++r) {
        const Vote v = m.vote(c, r);
        if (v == Vote::Missing) continue;
        const int to = target[static_cast<std::size_t>(c)][static_cast<std::size_t>(r)];
        const bool moves = to != c;
        if (moves != (pass == 1)) continue;
        if (filled[static_cast<std::size_t>(to)][static_cast<std::size_t>(r)]) {
          ++out.conflicts;
          continue;
        }
        filled[static_cast<std::size_t>(to)][static_cast<std::size_t>(r)] = true;
        out.matrix.set_vote(to, r, v);
        if (moves) ++out.moved;
      }
  out.matrix.finish();
  return out;
}

}  // namespace rostrum::query
