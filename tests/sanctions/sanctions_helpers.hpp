// Shared by the sanctions tests: small lists built in code.
#pragma once

#include <string>
#include <vector>

#include "sanctions/import_common.hpp"
#include "sanctions/model.hpp"

namespace rostrum::sanctions::testing {

struct EntrySpec {
  std::string key;
  EntryType type = EntryType::organisation;
  std::vector<std::string> names;  // the first is primary, the others a.k.a.
  std::vector<std::string> programmes;
  std::vector<Identifier> ids;
  std::vector<Event> events;
  std::vector<std::string> links;
  std::string sector;
  std::string target;  // set directly (China's list) when not from programmes
};

inline SanctionsList make_list(const std::string& key, const std::string& issuer, Date as_of,
                               const std::vector<EntrySpec>& specs, const std::string& format = "test") {
  SanctionsList l;
  l.key = key;
  l.issuer = issuer;
  l.name = key;
  l.format = format;
  l.as_of = as_of;
  l.as_of_basis = as_of ? "stated" : "";
  for (const auto& s : specs) {
    Entry e;
    e.key = s.key;
    e.type = s.type;
    for (std::size_t i = 0; i < s.names.size(); ++i)
      e.names.push_back(Name{i == 0 ? NameKind::primary : NameKind::aka, s.names[i], ""});
    e.programmes = s.programmes;
    e.ids = s.ids;
    e.events = s.events;
    e.links = s.links;
    e.sector = s.sector;
    if (!s.target.empty()) {
      e.target = s.target;
      e.target_basis = "country";
    }
    detail::finish_entry(e, l);
    l.entries.push_back(std::move(e));
  }
  return l;
}

inline Identifier id(const std::string& kind, const std::string& value, const std::string& country = "") {
  return Identifier{kind, value, country, value, false};
}

inline Event listed(Date d, Date lo) { return Event{EventKind::listed, d, lo, ""}; }

}  // namespace rostrum::sanctions::testing
