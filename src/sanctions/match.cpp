#include "sanctions/match.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <deque>
#include <numeric>
#include <unordered_map>

#include "sanctions/identifiers.hpp"
#include "sanctions/names.hpp"

namespace rostrum::sanctions {
namespace {

constexpr double kTokenSimilarity = 0.9;  // Cohen et al.'s theta for SoftTFIDF
constexpr double kWeakAliasFactor = 0.9;
constexpr double kOneWordFactor = 0.85;
constexpr std::uint64_t kRareTag = 1ull << 62, kPairTag = 2ull << 62, kIdTag = 3ull << 62;

struct NameFeature {
  std::vector<int> tokens;      // unique token ids
  std::vector<double> weights;  // TF-IDF, unit length
  int name = 0;                 // index into Record::names
  NameKind kind = NameKind::primary;
};

struct IdFeature {
  const Identifier* id = nullptr;
  std::uint64_t key = 0;
};

bool is_person(EntryType t) { return t == EntryType::person; }

// Words too frequent and too meaningless to block on: articles, prepositions and
// the particles of Arabic and Iberian names.
bool is_particle(const std::string& w) {
  static const char* const words[] = {"of",  "and", "the", "for", "de",   "del", "la",  "le",  "el",  "al", "s",
                                      "abu", "abd", "bin", "ibn", "bint", "da",  "do",  "das", "dos", "y",  "i",
                                      "in",  "on",  "a",   "an",  "van",  "von", "der", "ul",  "ud",  "ur"};
  for (const char* x : words)
    if (w == x) return true;
  return false;
}

bool types_compatible(EntryType a, EntryType b) {
  if (is_person(a) || is_person(b)) return a == b;
  if (a == b) return true;
  auto org_like = [](EntryType t) { return t == EntryType::organisation || t == EntryType::unknown; };
  return org_like(a) && org_like(b);
}

// Minimum lengths below which a shared number is too likely a coincidence.
std::size_t min_length(const std::string& kind) {
  if (kind == "tax_id") return 8;
  if (kind == "passport" || kind == "national_id" || kind == "registration" || kind == "okpo") return 6;
  return 4;
}

bool id_applies(const std::string& kind, EntryType type) {
  if (kind == "passport" || kind == "national_id") return is_person(type);
  if (kind == "imo" || kind == "mmsi") return !is_person(type);
  if (kind == "lei" || kind == "swift" || kind == "ogrn" || kind == "okpo" || kind == "registration")
    return !is_person(type);
  return true;  // tax_id: companies and persons both have them
}

// Lists label the same number differently (the EU's registrationNumber often
// holds the INN OFAC calls a tax ID): numbers of organisations are compared as
// one family, personal numbers other than passports as another.
std::string id_family(const std::string& kind, EntryType type) {
  if (kind == "tax_id" || kind == "ogrn" || kind == "okpo" || kind == "registration")
    return type == EntryType::person ? (kind == "tax_id" ? "personal-number" : kind) : "company-number";
  if (kind == "national_id") return "personal-number";
  return kind;
}

std::string id_compare_value(const Identifier& id) {
  if (id.kind == "swift" && id.value.size() > 8) return id.value.substr(0, 8);  // branch codes aside
  return id.value;
}

std::uint64_t hash_id(const std::string& kind, const std::string& value) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : kind) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  h = (h ^ 0xffu) * 1099511628211ull;
  for (char c : value) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return kIdTag | (h >> 2);
}

// Two full dates that differ as a typing error would: in the day only, in the year
// only (by one), or with day and month swapped.
bool close_dates(Date a, Date b) {
  int ya = date_year(a), ma = date_month(a), da = date_day(a);
  int yb = date_year(b), mb = date_month(b), db = date_day(b);
  if (ya == yb && ma == mb) return true;
  if (ma == mb && da == db && std::abs(ya - yb) == 1) return true;
  return ya == yb && ma == db && da == mb;
}

std::string fixed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

struct Matcher::Impl {
  std::vector<std::string> token_text;
  std::vector<std::array<std::uint8_t, 37>> token_letters;  // counts of a-z, 0-9, other
  std::vector<int> df;
  std::vector<std::vector<NameFeature>> names;   // per record
  std::vector<std::vector<IdFeature>> ids;       // per record, strong identifiers only
  std::vector<std::vector<std::uint64_t>> keys;  // per record, blocking keys (sorted, unique)

  double token_sim(int a, int b) const {
    if (a == b) return 1.0;
    const std::string& x = token_text[static_cast<std::size_t>(a)];
    const std::string& y = token_text[static_cast<std::size_t>(b)];
    // Upper bound of Jaro-Winkler from the letters the words share (as if every
    // shared letter matched, untransposed, with the full prefix bonus): when it
    // cannot exceed the SoftTFIDF threshold the exact value is not needed.
    // Words of one to three letters (initials, particles, acronyms) only match exactly.
    if (x.size() < 4 || y.size() < 4) return 0.0;
    double lx = static_cast<double>(x.size()), ly = static_cast<double>(y.size());
    if (std::min(lx, ly) < 0.5 * std::max(lx, ly)) return 0.0;
    const auto& cx = token_letters[static_cast<std::size_t>(a)];
    const auto& cy = token_letters[static_cast<std::size_t>(b)];
    int common = 0;
    for (std::size_t i = 0; i < cx.size(); ++i) common += std::min(cx[i], cy[i]);
    double jaro_max = (common / lx + common / ly + 1.0) / 3.0;
    if (jaro_max + 0.4 * (1.0 - jaro_max) <= kTokenSimilarity) return 0.0;
    return names::jaro_winkler(x, y);
  }

  // SoftTFIDF(S, T), one direction.
  double soft(const NameFeature& s, const NameFeature& t) const {
    double sum = 0;
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      double best = 0;
      std::size_t best_j = 0;
      for (std::size_t j = 0; j < t.tokens.size(); ++j) {
        double sim = token_sim(s.tokens[i], t.tokens[j]);
        if (sim > best) {
          best = sim;
          best_j = j;
        }
      }
      if (best > kTokenSimilarity) sum += s.weights[i] * t.weights[best_j] * best;
    }
    return sum;
  }

  double name_similarity(const NameFeature& s, const NameFeature& t) const {
    double v = 0.5 * (soft(s, t) + soft(t, s));
    // A one-word name inside a longer one ("Atef" in "Muhammad Atef", "Rosneft" in
    // "Rosneft Trading") is weaker evidence than its word weights say.
    if (s.tokens.size() != t.tokens.size() && std::min(s.tokens.size(), t.tokens.size()) == 1) v *= kOneWordFactor;
    if (s.kind == NameKind::weak) v *= kWeakAliasFactor;
    if (t.kind == NameKind::weak) v *= kWeakAliasFactor;
    return std::min(1.0, v);
  }

  // The comparison of records a and b; the evidence text is only written when the
  // score reaches `min_score`.
  MatchResult compare(const std::vector<Record>& records, int a, int b, double min_score) const {
    const Record& ra = records[static_cast<std::size_t>(a)];
    const Record& rb = records[static_cast<std::size_t>(b)];
    MatchResult out;
    out.a = a;
    out.b = b;
    if (!types_compatible(ra.type, rb.type)) return out;
    const auto& na = names[static_cast<std::size_t>(a)];
    const auto& nb = names[static_cast<std::size_t>(b)];
    const auto& ida = ids[static_cast<std::size_t>(a)];
    const auto& idb = ids[static_cast<std::size_t>(b)];

    // Names: the best pair.
    double best = 0;
    int best_a = -1, best_b = -1;
    for (const auto& fa : na)
      for (const auto& fb : nb) {
        double s = name_similarity(fa, fb);
        if (s > best) {
          best = s;
          best_a = fa.name;
          best_b = fb.name;
        }
      }
    out.name_score = best;

    // Strong identifiers: one agreeing is enough.
    const Identifier* agreed = nullptr;
    const Identifier* agreed_b = nullptr;
    for (const auto& ia : ida) {
      for (const auto& ib : idb) {
        if (ia.key != ib.key) continue;
        const Identifier& x = *ia.id;
        const Identifier& y = *ib.id;
        if (id_family(x.kind, ra.type) != id_family(y.kind, rb.type) || id_compare_value(x) != id_compare_value(y))
          continue;
        if (!x.country.empty() && !y.country.empty() && x.country != y.country) continue;
        if ((x.kind == "imo" || x.kind == "mmsi") && ra.type != rb.type)
          continue;  // a ship's number is not its owner's
        agreed = &x;
        agreed_b = &y;
        break;
      }
      if (agreed) break;
    }
    // Conflicts: a single-valued identifier both hold, with no value shared.
    const char* conflict = nullptr;
    if (!agreed) {
      for (const char* kind : {"imo", "lei", "ogrn", "tax_id"}) {
        bool tax = kind == std::string_view("tax_id");
        for (const auto& ia : ida) {
          const Identifier& x = *ia.id;
          if (x.kind != kind) continue;
          bool b_has = false, shared = false;
          for (const auto& ib : idb) {
            const Identifier& y = *ib.id;
            // Tax numbers of different states are not comparable; an unstated state is not a conflict.
            if (y.kind != x.kind || (tax && !x.country.empty() && !y.country.empty() && y.country != x.country))
              continue;
            b_has = true;
            for (const auto& ja : ida)
              if (ja.key == ib.key) shared = true;
          }
          if (b_has && !shared) conflict = kind;
          break;
        }
        if (conflict) break;
      }
    }

    // Dates of birth: exact agreement, partial overlap or none.
    int dob_state = 0;  // 0 unknown, 1 partial, 2 exact, 3 close (a likely typo), -1 differs
    Date dob_day = 0;
    int dob_year = 0;
    if (!ra.dobs.empty() && !rb.dobs.empty()) {
      dob_state = -1;
      for (std::size_t i = 0; i < ra.dobs.size(); ++i)
        for (std::size_t j = 0; j < rb.dobs.size(); ++j) {
          const auto& x = ra.dobs[i];
          const auto& y = rb.dobs[j];
          if (x.lo > y.hi || y.lo > x.hi) {
            if (dob_state == -1 && ra.dob_precisions[i] == 3 && rb.dob_precisions[j] == 3 && close_dates(x.lo, y.lo))
              dob_state = 3;
            continue;
          }
          if (ra.dob_precisions[i] == 3 && rb.dob_precisions[j] == 3) {
            dob_state = 2;
            dob_day = x.lo;
          } else if (dob_state < 1 || dob_state == 3) {
            dob_state = 1;
            dob_year = date_year(std::max(x.lo, y.lo));
          }
        }
    }
    double dob_adjust = dob_state == 2 ? 0.10 : dob_state == 1 ? 0.04 : dob_state == -1 ? -0.30 : 0.0;
    const std::string* nationality = nullptr;
    int nat_state = 0;
    if (!ra.nationalities.empty() && !rb.nationalities.empty()) {
      nat_state = -1;
      for (const auto& x : ra.nationalities)
        if (std::find(rb.nationalities.begin(), rb.nationalities.end(), x) != rb.nationalities.end()) {
          nat_state = 1;
          nationality = &x;
        }
    }
    // Organisations: the countries of their addresses and registration play the
    // part of a nationality.
    if (nat_state == 0 && !is_person(ra.type) && !ra.countries.empty() && !rb.countries.empty()) {
      nat_state = -2;
      for (const auto& x : ra.countries)
        if (std::find(rb.countries.begin(), rb.countries.end(), x) != rb.countries.end()) {
          nat_state = 2;
          nationality = &x;
        }
    }
    // Within one sanctions programme most entries share a nationality, so agreement
    // says little; disagreement says more.
    double nat_adjust = nat_state > 0 ? 0.02 : nat_state < 0 ? -0.08 : 0.0;

    double score;
    if (agreed) {
      score = 0.9 + 0.1 * best + std::min(dob_adjust, 0.0);
    } else {
      score = best + dob_adjust + nat_adjust + (conflict ? -0.40 : 0.0);
    }
    out.score = std::clamp(score, 0.0, 1.0);
    if (out.score < min_score) return out;

    std::string& ev = out.evidence;
    auto add = [&](const std::string& item) {
      if (!ev.empty()) ev += "; ";
      ev += item;
    };
    if (agreed)
      add(agreed->kind + " " + agreed->value +
          (agreed_b->kind == agreed->kind ? "" : " (" + agreed_b->kind + " in b)"));
    if (best_a >= 0)
      add("name " + fixed(best) + " '" + ra.names[static_cast<std::size_t>(best_a)].text + "' ~ '" +
          rb.names[static_cast<std::size_t>(best_b)].text + "'");
    if (dob_state == 3) add("dob close (one field differs)");
    if (dob_state == 2)
      add("dob " + format_date(dob_day));
    else if (dob_state == 1)
      add("dob " + std::to_string(dob_year) + " (partial)");
    else if (dob_state == -1)
      add("dob differs");
    if (nat_state == 1)
      add("nationality " + *nationality);
    else if (nat_state == -1)
      add("nationality differs");
    else if (nat_state == 2)
      add("country " + *nationality);
    else if (nat_state == -2)
      add("country differs");
    if (conflict) add(std::string(conflict) + " differs");
    add("type " + std::string(to_string(ra.type)) + (ra.type == rb.type ? "" : "/" + std::string(to_string(rb.type))));
    return out;
  }
};

Matcher::~Matcher() = default;

Matcher::Matcher(const std::vector<Record>& records) : records_(records), impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  std::unordered_map<std::string, int> token_id;
  m.names.resize(records.size());
  m.ids.resize(records.size());
  m.keys.resize(records.size());
  std::size_t total_names = 0;
  for (std::size_t r = 0; r < records.size(); ++r) {
    const Record& rec = records[r];
    // Each name, and for a name with parentheses ("Shahid Hemmat Industrial Group
    // (SHIG)", "Fater (or Faater) Institute") also the name without them and a
    // one-word parenthesis (the acronym) alone.
    std::vector<std::pair<int, std::string_view>> variants;
    std::deque<std::string> derived;  // storage for the variants made here
    for (std::size_t n = 0; n < rec.names.size(); ++n) {
      variants.emplace_back(static_cast<int>(n), rec.names[n].folded);
      const std::string& text = rec.names[n].text;
      auto open = text.find('(');
      auto close = text.find(')', open == std::string::npos ? 0 : open);
      if (open == std::string::npos || close == std::string::npos) continue;
      std::string outside = text.substr(0, open) + " " + text.substr(close + 1);
      std::string inside = text.substr(open + 1, close - open - 1);
      variants.emplace_back(static_cast<int>(n), derived.emplace_back(names::fold(outside)));
      // Only a closing parenthesis names the whole entry ("... Group (SHIG)"); one in
      // the middle ("Guard Corps (IRGC) Regional Corps ...") names a part of it.
      bool trailing = text.find_first_not_of(" .,", close + 1) == std::string::npos;
      std::string inner = names::fold(inside);
      if (trailing && !inner.empty() && inner.find(' ') == std::string::npos && inner.size() >= 3)
        variants.emplace_back(static_cast<int>(n), derived.emplace_back(std::move(inner)));
    }
    for (const auto& [n, folded] : variants) {
      NameFeature f;
      f.name = n;
      f.kind = rec.names[static_cast<std::size_t>(n)].kind;
      for (auto& word : names::tokens(folded, rec.type)) {
        auto [it, fresh] = token_id.emplace(word, static_cast<int>(m.token_text.size()));
        if (fresh) {
          m.token_text.push_back(word);
          m.df.push_back(0);
          std::array<std::uint8_t, 37> letters{};
          for (char c : word) {
            std::size_t slot = (c >= 'a' && c <= 'z')   ? static_cast<std::size_t>(c - 'a')
                               : (c >= '0' && c <= '9') ? 26 + static_cast<std::size_t>(c - '0')
                                                        : 36;
            if (letters[slot] < 255) ++letters[slot];
          }
          m.token_letters.push_back(letters);
        }
        if (std::find(f.tokens.begin(), f.tokens.end(), it->second) == f.tokens.end()) f.tokens.push_back(it->second);
      }
      if (f.tokens.empty()) continue;
      for (int t : f.tokens) ++m.df[static_cast<std::size_t>(t)];
      m.names[r].push_back(std::move(f));
      ++total_names;
    }
    for (const auto& id : rec.ids) {
      if (!is_strong_kind(id.kind) || id.value.size() < min_length(id.kind) || !id_applies(id.kind, rec.type)) continue;
      m.ids[r].push_back(IdFeature{&id, hash_id(id_family(id.kind, rec.type), id_compare_value(id))});
    }
  }
  // IDF = log(1 + N / df) over all names of all lists; each name's vector has unit length.
  double n_names = static_cast<double>(std::max<std::size_t>(total_names, 1));
  for (std::size_t r = 0; r < records.size(); ++r) {
    auto& keys = m.keys[r];
    for (auto& f : m.names[r]) {
      double norm = 0;
      f.weights.resize(f.tokens.size());
      for (std::size_t i = 0; i < f.tokens.size(); ++i) {
        double w = std::log(1.0 + n_names / m.df[static_cast<std::size_t>(f.tokens[i])]);
        f.weights[i] = w;
        norm += w * w;
      }
      norm = std::sqrt(norm);
      for (auto& w : f.weights) w /= norm;
      // Blocking keys: the name's rare words; a name without one gives the pairs of
      // its three rarest words. Particles never key ("al", "of", "abu", ...).
      std::vector<int> common;
      bool has_rare = false;
      for (int t : f.tokens) {
        if (is_particle(m.token_text[static_cast<std::size_t>(t)])) continue;
        if (m.df[static_cast<std::size_t>(t)] <= kRareTokenDf) {
          keys.push_back(kRareTag | static_cast<std::uint64_t>(t));
          has_rare = true;
        } else {
          common.push_back(t);
        }
      }
      if (!has_rare) {
        std::sort(common.begin(), common.end(),
                  [&](int x, int y) { return m.df[static_cast<std::size_t>(x)] < m.df[static_cast<std::size_t>(y)]; });
        if (common.size() > 3) common.resize(3);
        std::sort(common.begin(), common.end());
        for (std::size_t i = 0; i < common.size(); ++i)
          for (std::size_t j = i + 1; j < common.size(); ++j)
            keys.push_back(kPairTag | (static_cast<std::uint64_t>(common[i]) << 31) |
                           static_cast<std::uint64_t>(common[j]));
        // A one-word name keys on that word.
        if (common.size() == 1) keys.push_back(kRareTag | static_cast<std::uint64_t>(common[0]));
      }
    }
    for (const auto& id : m.ids[r]) keys.push_back(id.key);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  }
}

bool Matcher::blocked_together(int a, int b) const {
  const auto& ka = impl_->keys[static_cast<std::size_t>(a)];
  const auto& kb = impl_->keys[static_cast<std::size_t>(b)];
  std::size_t i = 0, j = 0;
  while (i < ka.size() && j < kb.size()) {
    if (ka[i] == kb[j]) return true;
    if (ka[i] < kb[j])
      ++i;
    else
      ++j;
  }
  return false;
}

MatchResult Matcher::compare(int a, int b) const { return impl_->compare(records_, a, b, -1.0); }

std::vector<MatchResult> Matcher::match(const std::vector<int>& as, const std::vector<int>& bs,
                                        double min_score) const {
  const Impl& m = *impl_;
  bool same_sets = as == bs;
  // Inverted index of the b side: key -> records.
  std::unordered_map<std::uint64_t, std::vector<int>> postings;
  postings.reserve(bs.size() * 8);
  for (int b : bs)
    for (auto k : m.keys[static_cast<std::size_t>(b)]) postings[k].push_back(b);
  std::vector<std::vector<MatchResult>> per_a(as.size());
  const long n = static_cast<long>(as.size());
#pragma omp parallel
  {
    std::vector<int> stamp(records_.size(), -1);
    std::vector<int> candidates;
#pragma omp for schedule(dynamic, 64)
    for (long i = 0; i < n; ++i) {
      int a = as[static_cast<std::size_t>(i)];
      candidates.clear();
      for (auto k : m.keys[static_cast<std::size_t>(a)]) {
        auto it = postings.find(k);
        if (it == postings.end()) continue;
        for (int b : it->second) {
          if (b == a || (same_sets && b < a) || stamp[static_cast<std::size_t>(b)] == a) continue;
          stamp[static_cast<std::size_t>(b)] = a;
          candidates.push_back(b);
        }
      }
      std::sort(candidates.begin(), candidates.end());
      const Record& ra = records_[static_cast<std::size_t>(a)];
      for (int b : candidates) {
        if (!types_compatible(ra.type, records_[static_cast<std::size_t>(b)].type)) continue;
        MatchResult r = m.compare(records_, a, b, min_score);
        if (r.score >= min_score) per_a[static_cast<std::size_t>(i)].push_back(std::move(r));
      }
    }
  }
  std::vector<MatchResult> out;
  for (auto& v : per_a)
    for (auto& r : v) out.push_back(std::move(r));
  return out;
}

std::vector<int> cluster_records(const Matcher& m, double threshold) {
  const std::size_t n = m.records().size();
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[static_cast<std::size_t>(x)] != x) {
      parent[static_cast<std::size_t>(x)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
      x = parent[static_cast<std::size_t>(x)];
    }
    return x;
  };
  std::vector<int> all(n);
  std::iota(all.begin(), all.end(), 0);
  for (const auto& r : m.match(all, all, threshold)) {
    int x = find(r.a), y = find(r.b);
    if (x != y) parent[static_cast<std::size_t>(std::max(x, y))] = std::min(x, y);
  }
  std::vector<int> id(n, -1), out(n);
  int next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    int root = find(static_cast<int>(i));
    if (id[static_cast<std::size_t>(root)] < 0) id[static_cast<std::size_t>(root)] = next++;
    out[i] = id[static_cast<std::size_t>(root)];
  }
  return out;
}

}  // namespace rostrum::sanctions
