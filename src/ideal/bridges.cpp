// Bridge detection and data conventions.
#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

#include "ideal/ideal.hpp"

namespace rostrum::ideal {
namespace {
struct UnionFind {
  std::vector<int> p;
  explicit UnionFind(int n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  int find(int x) {
    while (p[x] != x) x = p[x] = p[p[x]];
    return x;
  }
  void unite(int a, int b) {
    a = find(a), b = find(b);
    if (a != b) p[std::max(a, b)] = std::min(a, b);
  }
};
}  // namespace

std::string normalise_text(const std::string& text) {
  // Whitespace-separated tokens holding a digit or a slash (symbols such as
  // "A/RES/47/19", years, "40th") are dropped; of the rest only letters are kept,
  // lower-cased, words separated by single spaces. What changes from one session's
  // version of a resolution to the next is folded away.
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    while (i < n && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    bool skip = false;
    while (j < n && !std::isspace(static_cast<unsigned char>(text[j]))) {
      const unsigned char c = text[j];
      skip |= (c >= '0' && c <= '9') || c == '/';
      ++j;
    }
    if (!skip) {
      bool gap = true;
      for (std::size_t k = i; k < j; ++k) {
        const unsigned char c = text[k];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
          if (gap && !out.empty()) out += ' ';
          gap = false;
          out += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
        } else {
          gap = true;
        }
      }
    }
    i = j;
  }
  return out;
}

std::vector<int> find_bridges(const Data& d, const std::vector<std::pair<int, int>>& manual) {
  const int R = static_cast<int>(d.rollcalls.size());
  UnionFind uf(R);
  // Group roll calls by each of their keys.
  // The UN Library's titles end in " : resolution / adopted by the General
  // Assembly", a few in " : resolution / by the General Assembly".
  static const std::string kSuffixes[] = {" resolution adopted by the general assembly",
                                          " adopted by the general assembly", " resolution by the general assembly",
                                          " draft resolution", " resolution"};
  auto key_of = [](std::string k) {
    for (const auto& suf : kSuffixes)
      if (k.size() > suf.size() && k.compare(k.size() - suf.size(), suf.size(), suf) == 0) {
        k.resize(k.size() - suf.size());
        break;
      }
    int letters = 0;
    for (char c : k) letters += c != ' ';
    return letters >= 40 ? k : std::string();
  };
  std::unordered_map<std::string, std::vector<int>> groups;
  for (int r = 0; r < R; ++r) {
    const auto& rc = d.rollcalls[r];
    if (rc.amendment || rc.paragraph) continue;
    std::string keys[3] = {key_of(normalise_text(rc.text)), key_of(normalise_text(rc.description)),
                           key_of(normalise_text(rc.text + " " + rc.description))};
    for (int k = 0; k < 3; ++k) {
      if (keys[k].empty()) continue;
      bool dup = false;
      for (int j = 0; j < k; ++j) dup |= keys[j] == keys[k];
      if (!dup) groups[keys[k]].push_back(r);
    }
  }
  for (auto& [key, rcs] : groups) {
    if (rcs.size() < 2) continue;
    std::map<int, std::vector<int>> by_session;
    for (int r : rcs) by_session[d.rollcalls[r].session].push_back(r);
    if (by_session.size() < 2) continue;
    int first = -1;
    for (auto& [s, list] : by_session) {
      if (list.size() != 1) continue;  // ambiguous within the session
      if (first < 0)
        first = list[0];
      else
        uf.unite(first, list[0]);
    }
  }
  for (auto [a, b] : manual) {
    if (a < 0 || b < 0 || a >= R || b >= R) throw std::invalid_argument("manual bridge: roll call index out of range");
    uf.unite(a, b);
  }
  std::vector<int> item(R, -1);
  int next = 0;
  for (int r = 0; r < R; ++r) {
    int root = uf.find(r);
    if (item[root] < 0) item[root] = next++;
    item[r] = item[root];
  }
  return item;
}

std::vector<std::pair<int, int>> parse_bridge_pairs(const Data& d, const std::string& text) {
  std::unordered_map<std::string, int> index;
  for (int r = 0; r < static_cast<int>(d.rollcalls.size()); ++r) index.emplace(d.rollcalls[r].key, r);
  std::vector<std::pair<int, int>> out;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    for (char& c : line)
      if (c == ',' || c == '\t' || c == '\r' || c == ';') c = ' ';
    std::vector<std::string> fields;
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && line[i] == ' ') ++i;
      std::size_t j = i;
      while (j < line.size() && line[j] != ' ') ++j;
      if (j > i) fields.push_back(line.substr(i, j - i));
      i = j;
    }
    if (fields.empty()) continue;
    if (fields.size() != 2)
      throw std::invalid_argument("bridge file line " + std::to_string(line_no) + ": expected two roll-call ids");
    int ab[2];
    for (int k = 0; k < 2; ++k) {
      auto it = index.find(fields[k]);
      if (it == index.end())
        throw std::invalid_argument("bridge file line " + std::to_string(line_no) + ": unknown roll call '" +
                                    fields[k] + "'");
      ab[k] = it->second;
    }
    out.push_back({ab[0], ab[1]});
    if (end == text.size()) break;
  }
  return out;
}

Data apply_conventions(const Data& d, const Conventions& c) {
  const int R = static_cast<int>(d.rollcalls.size());
  std::vector<char> keep_rc(R, 1);
  for (int r = 0; r < R; ++r) {
    const auto& rc = d.rollcalls[r];
    if (c.drop_amendments_after > 0 && rc.year > c.drop_amendments_after && (rc.amendment || rc.paragraph))
      keep_rc[r] = 0;
    const std::string& label = d.session_labels.at(rc.session);
    if (std::find(c.drop_sessions.begin(), c.drop_sessions.end(), label) != c.drop_sessions.end()) keep_rc[r] = 0;
  }
  if (c.drop_unanimous) {
    std::vector<std::uint8_t> seen(R, 0);
    for (const auto& v : d.votes) seen[v.rollcall] |= static_cast<std::uint8_t>(1u << v.category);
    for (int r = 0; r < R; ++r)
      if (seen[r] == 0 || (seen[r] & (seen[r] - 1)) == 0) keep_rc[r] = 0;
  }
  std::vector<int> state_n(d.n_states, 0), session_n(d.n_sessions, 0), rc_n(R, 0);
  for (const auto& v : d.votes)
    if (keep_rc[v.rollcall]) state_n[v.state]++, rc_n[v.rollcall]++;
  for (int r = 0; r < R; ++r)
    if (keep_rc[r] && rc_n[r] > 0) session_n[d.rollcalls[r].session]++;
  Data out;
  std::vector<int> smap(d.n_states, -1), tmap(d.n_sessions, -1), rmap(R, -1);
  for (int i = 0; i < d.n_states; ++i)
    if (state_n[i] > 0) smap[i] = out.n_states++, out.state_ids.push_back(d.state_ids[i]);
  for (int t = 0; t < d.n_sessions; ++t)
    if (session_n[t] > 0) {
      tmap[t] = out.n_sessions++;
      out.session_labels.push_back(d.session_labels[t]);
      out.session_time.push_back(d.session_time.empty() ? t : d.session_time[t]);
    }
  for (int r = 0; r < R; ++r)
    if (keep_rc[r] && rc_n[r] > 0) {
      rmap[r] = static_cast<int>(out.rollcalls.size());
      out.rollcalls.push_back(d.rollcalls[r]);
      out.rollcalls.back().session = tmap[d.rollcalls[r].session];
    }
  out.votes.reserve(d.votes.size());
  for (const auto& v : d.votes)
    if (rmap[v.rollcall] >= 0) out.votes.push_back({smap[v.state], rmap[v.rollcall], v.category});
  return out;
}

}  // namespace rostrum::ideal
