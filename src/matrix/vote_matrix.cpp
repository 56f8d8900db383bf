#include "matrix/vote_matrix.hpp"

#include <algorithm>
#include <bit>
#include <numeric>
#include <stdexcept>

namespace rostrum {

int VoteMatrix::add_country(std::string iso3) {
  if (finished_) throw std::logic_error("VoteMatrix: add_country after finish");
  iso3_.push_back(std::move(iso3));
  return countries() - 1;
}

int VoteMatrix::add_rollcall(RollCallInfo info) {
  if (finished_) throw std::logic_error("VoteMatrix: add_rollcall after finish");
  heads_.push_back(info);
  rollcalls_.push_back(std::move(info));
  return rollcalls() - 1;
}

void VoteMatrix::set_vote(int country, int rollcall, Vote v) {
  if (finished_) throw std::logic_error("VoteMatrix: set_vote after finish");
  if (pending_.size() != iso3_.size() * rollcalls_.size()) {
    // Countries and roll calls are all added before the first vote.
    pending_.assign(iso3_.size() * rollcalls_.size(), 0);
  }
  pending_[static_cast<std::size_t>(country) * rollcalls_.size() + rollcall] = static_cast<std::uint8_t>(v);
}

void VoteMatrix::finish() {
  if (finished_) return;
  const std::size_t nr = rollcalls_.size(), nc = iso3_.size();
  if (pending_.size() != nc * nr) pending_.assign(nc * nr, 0);
  std::vector<int> order(nr);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (rollcalls_[a].date != rollcalls_[b].date) return rollcalls_[a].date < rollcalls_[b].date;
    return rollcalls_[a].id < rollcalls_[b].id;
  });
  std::vector<RollCallInfo> sorted;
  sorted.reserve(nr);
  for (int r : order) sorted.push_back(std::move(rollcalls_[r]));
  rollcalls_ = std::move(sorted);
  heads_.assign(rollcalls_.begin(), rollcalls_.end());
  words_ = static_cast<int>((nr + kWordBits - 1) / kWordBits);
  planes_.assign(nc * 4 * static_cast<std::size_t>(words_), 0);
  for (std::size_t c = 0; c < nc; ++c) {
    for (std::size_t k = 0; k < nr; ++k) {
      auto v = static_cast<Vote>(pending_[c * nr + order[k]]);
      if (v == Vote::Missing) continue;
      int plane = v == Vote::Yes ? 0 : v == Vote::Abstain ? 1 : v == Vote::No ? 2 : 3;
      planes_[plane_offset(static_cast<int>(c), plane) + k / kWordBits] |= Word{1} << (k % kWordBits);
    }
  }
  pending_.clear();
  pending_.shrink_to_fit();
  finished_ = true;
}

int VoteMatrix::country_index(std::string_view iso3) const {
  for (int c = 0; c < countries(); ++c)
    if (iso3_[c] == iso3) return c;
  for (const auto& [alias, c] : aliases_)
    if (alias == iso3) return c;
  return -1;
}

void VoteMatrix::add_alias(std::string iso3, int country) {
  if (country < 0 || country >= countries()) throw std::out_of_range("VoteMatrix: alias of an unknown country");
  aliases_.emplace_back(std::move(iso3), country);
}

Vote VoteMatrix::vote(int c, int r) const {
  const std::size_t w = static_cast<std::size_t>(r) / kWordBits;
  const Word bit = Word{1} << (r % kWordBits);
  if (yes(c)[w] & bit) return Vote::Yes;
  if (abstain(c)[w] & bit) return Vote::Abstain;
  if (no(c)[w] & bit) return Vote::No;
  if (nonvoting(c)[w] & bit) return Vote::NonVoting;
  return Vote::Missing;
}

bool SessionSpan::contains(const RollCallHead& rc) const {
  int number = 0;
  switch (kind) {
    case Kind::regular:
      number = rc.session;
      break;
    case Kind::emergency:
    case Kind::special: {
      const std::string_view prefix = kind == Kind::emergency ? "ES-" : "S-";
      const std::string& label = rc.session_label;
      if (rc.session != 0 || label.size() <= prefix.size() || label.compare(0, prefix.size(), prefix) != 0)
        return false;
      for (std::size_t i = prefix.size(); i < label.size(); ++i) {
        if (label[i] < '0' || label[i] > '9' || number > 100000) return false;
        number = number * 10 + (label[i] - '0');
      }
      break;
    }
  }
  return number > 0 && number >= from && number <= to;
}

std::vector<Word> VoteMatrix::select(const RollCallFilter& f) const {
  std::vector<Word> mask(words_, 0);
  const bool session_range = f.session_from || f.session_to;
  for (int r = 0; r < rollcalls(); ++r) {
    const RollCallHead& rc = heads_[r];
    if (!f.sessions.empty()) {
      if (std::none_of(f.sessions.begin(), f.sessions.end(), [&](const SessionSpan& s) { return s.contains(rc); }))
        continue;
    } else if (session_range) {
      if (rc.session == 0) continue;  // emergency sessions have no number to compare
      if (f.session_from && rc.session < *f.session_from) continue;
      if (f.session_to && rc.session > *f.session_to) continue;
    } else if (!f.include_emergency && rc.session == 0) {
      continue;
    }
    if (f.date_from && rc.date < *f.date_from) continue;
    if (f.date_to && rc.date > *f.date_to) continue;
    if (!f.date_spans.empty() && std::none_of(f.date_spans.begin(), f.date_spans.end(), [&](const auto& span) {
          return rc.date >= span.first && rc.date <= span.second;
        }))
      continue;
    if (f.issues && !(rc.issues & f.issues)) continue;
    if (f.important_only && !rc.important) continue;
    if (f.exclude_amendments && rc.amendment) continue;
    if (f.exclude_paragraphs && rc.paragraph) continue;
    mask[r / kWordBits] |= Word{1} << (r % kWordBits);
  }
  return mask;
}

std::int64_t VoteMatrix::count_cast(int c, const std::vector<Word>& mask) const {
  std::int64_t n = 0;
  const Word *y = yes(c), *a = abstain(c), *no_ = no(c);
  for (int w = 0; w < words_; ++w) n += std::popcount((y[w] | a[w] | no_[w]) & mask[w]);
  return n;
}

std::vector<Period> make_periods(const VoteMatrix& m, PeriodKind kind, const std::vector<Word>& within) {
  std::vector<Period> periods;
  auto label_of = [&](const RollCallHead& rc) -> std::string {
    switch (kind) {
      case PeriodKind::session:
        return rc.session_label.empty() ? std::to_string(rc.session) : rc.session_label;
      case PeriodKind::year:
        return std::to_string(rc.year());
      case PeriodKind::all:
        break;
    }
    return "all";
  };
  std::vector<std::pair<std::string, int>> index;  // label -> period, in first-seen (date) order
  for (int r = 0; r < m.rollcalls(); ++r) {
    if (!(within[r / kWordBits] >> (r % kWordBits) & 1)) continue;
    std::string label = label_of(m.rollcall_head(r));
    int p = -1;
    // Few periods and labels arrive mostly in runs: look at the latest first.
    for (int k = static_cast<int>(index.size()) - 1; k >= 0; --k)
      if (index[k].first == label) {
        p = index[k].second;
        break;
      }
    if (p < 0) {
      p = static_cast<int>(periods.size());
      index.emplace_back(label, p);
      Period period;
      period.label = label;
      period.word_begin = r / kWordBits;
      period.mask.assign(m.words(), 0);
      periods.push_back(std::move(period));
    }
    Period& period = periods[p];
    period.mask[r / kWordBits] |= Word{1} << (r % kWordBits);
    period.word_end = r / kWordBits + 1;
  }
  return periods;
}

}  // namespace rostrum
