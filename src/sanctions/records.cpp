#include "sanctions/records.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace rostrum::sanctions {
namespace {

template <class T>
void add_unique(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

int strength(NameKind k) {
  switch (k) {
    case NameKind::primary:
      return 3;
    case NameKind::aka:
      return 2;
    case NameKind::fka:
      return 1;
    case NameKind::weak:
      return 0;
  }
  return 0;
}

}  // namespace

const std::string& Record::name() const {
  static const std::string empty;
  return names.empty() ? empty : names.front().text;
}

std::vector<Record> build_records(const Dataset& d) {
  std::vector<Record> records;
  struct Bounds {
    Date lo = 0, hi = 0, censored = 0;
  };
  std::vector<Bounds> bounds;
  std::unordered_map<std::string, std::size_t> index;  // issuer + '\t' + key
  // Newer lists first, so that a designation's primary name is its latest one.
  std::vector<std::size_t> order(d.entries.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return d.list_of(a).as_of > d.list_of(b).as_of; });
  for (std::size_t i : order) {
    const Entry& e = d.entries[i];
    const ListRecord& list = d.list_of(i);
    auto [it, fresh] = index.emplace(list.issuer + '\t' + e.key, records.size());
    if (fresh) {
      records.emplace_back();
      records.back().issuer = list.issuer;
      records.back().key = e.key;
    }
    Record& r = records[it->second];
    r.entries.push_back(static_cast<int>(i));
    if (r.type == EntryType::unknown) r.type = e.type;
    for (const auto& n : e.names) {
      auto found = std::find_if(r.names.begin(), r.names.end(), [&](const Name& m) { return m.folded == n.folded; });
      if (found == r.names.end()) {
        Name copy = n;
        // Only the first (newest) entry's primary name stays primary.
        if (copy.kind == NameKind::primary && !fresh) copy.kind = NameKind::aka;
        r.names.push_back(std::move(copy));
      } else if (strength(n.kind) > strength(found->kind) && n.kind != NameKind::primary) {
        found->kind = n.kind;
      }
    }
    for (const auto& id : e.ids) {
      bool seen = std::any_of(r.ids.begin(), r.ids.end(), [&](const Identifier& x) {
        return x.kind == id.kind && x.value == id.value && x.country == id.country;
      });
      if (seen) continue;
      r.ids.push_back(id);
      if (id.kind == "dob") {
        if (auto range = dob_range(id.value)) {
          r.dobs.push_back(*range);
          r.dob_precisions.push_back(dob_precision(id.value));
        }
      } else if (id.kind == "nationality") {
        add_unique(r.nationalities, id.value);
      }
    }
    for (const auto& p : e.programmes) add_unique(r.programmes, p);
    if (!e.target.empty()) add_unique(r.targets, e.target);
    for (const auto& l : e.links) add_unique(r.links, l);
    for (const auto& c : e.address_countries) add_unique(r.countries, c);

    // Listing dates: the earliest bounded listing [lo, date] and the earliest
    // "on or before" bound; an entry still in a dated snapshot was listed on or
    // before the snapshot.
    if (bounds.size() < records.size()) bounds.resize(records.size());
    Bounds& b = bounds[it->second];
    Date last_listed = 0, last_delisted = 0;
    auto consider = [&](Date date, Date lo) {
      if (date == 0) return;
      if (lo == 0) {
        if (b.censored == 0 || date < b.censored) b.censored = date;
      } else if (b.hi == 0 || date < b.hi) {
        b.hi = date;
        b.lo = lo;
      }
    };
    for (const auto& ev : e.events) {
      if (ev.kind == EventKind::listed) {
        consider(ev.date, ev.date_lo);
        last_listed = std::max(last_listed, ev.date);
      } else if (ev.kind == EventKind::delisted) {
        last_delisted = std::max(last_delisted, ev.date);
      }
    }
    bool delisted = last_delisted > 0 && last_delisted >= last_listed;
    // Only a stated (or given) snapshot date bounds the listing: a list dated by its
    // latest listing may hold undated entries listed later.
    bool snapshot_dated = list.as_of_basis == "stated" || list.as_of_basis == "given";
    if (!delisted && snapshot_dated && list.as_of > 0) consider(list.as_of, 0);

    // The designation is delisted only if every list that holds it says so.
    if (fresh)
      r.delisted = delisted ? last_delisted : 0;
    else if (!delisted)
      r.delisted = 0;
    else if (r.delisted != 0)
      r.delisted = std::max(r.delisted, last_delisted);
  }
  // A bounded listing is the first one unless an "on or before" bound precedes it.
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Bounds& b = bounds[i];
    Record& r = records[i];
    if (b.hi != 0 && (b.censored == 0 || b.censored >= b.lo)) {
      r.listed = b.hi;
      r.listed_lo = b.lo;
    } else {
      r.listed = b.censored;
      r.listed_lo = 0;
    }
  }
  // The SDN history holds the whole SDN list from its base day on: a designation
  // of an older SDN snapshot that the history never holds had left the list by then.
  Date history_base = 0;
  for (std::size_t i = 0; i < d.entries.size(); ++i) {
    if (d.list_of(i).format != "ofac-history") continue;
    for (const auto& ev : d.entries[i].events)
      if (ev.kind == EventKind::listed && ev.date_lo == 0 && ev.date > 0 &&
          (history_base == 0 || ev.date < history_base))
        history_base = ev.date;
  }
  if (history_base > 0) {
    for (auto& r : records) {
      if (r.issuer != "US") continue;
      bool in_history = false, in_old_sdn = false;
      for (int i : r.entries) {
        const auto& list = d.list_of(static_cast<std::size_t>(i));
        in_history = in_history || list.format == "ofac-history";
        in_old_sdn = in_old_sdn || list.key == "ofac-sdn";
      }
      if (in_old_sdn && !in_history && r.delisted == 0) r.delisted = history_base;
    }
  }
  // Within a record, the primary name first.
  for (auto& r : records) {
    std::stable_sort(r.names.begin(), r.names.end(),
                     [](const Name& a, const Name& b) { return strength(a.kind) > strength(b.kind); });
  }
  return records;
}

bool listed_on(const Record& r, Date day) {
  // A first listing known only as "on or before X" may be later than `day` when X
  // is: it counts from X, the first day it is known to hold.
  if (r.listed != 0 && r.listed > day) return false;
  if (r.delisted != 0 && r.delisted <= day) return false;
  return true;
}

}  // namespace rostrum::sanctions
