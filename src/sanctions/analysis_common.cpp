#include "sanctions/analysis_common.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "registry/registry.hpp"
#include "sanctions/identifiers.hpp"

namespace rostrum::sanctions::detail {

std::vector<std::vector<int>> entity_members(const Universe& u) {
  const auto& ent = u.entities();
  std::vector<std::vector<int>> members(static_cast<std::size_t>(u.entity_count()));
  for (std::size_t r = 0; r < ent.size(); ++r) members[static_cast<std::size_t>(ent[r])].push_back(static_cast<int>(r));
  return members;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool listed_now(const Universe& u, const std::vector<int>& members, const std::string& issuer) {
  for (int r : members) {
    const auto& rec = u.records()[static_cast<std::size_t>(r)];
    if (rec.issuer == issuer && rec.delisted == 0) return true;
  }
  return false;
}

int first_listed(const Universe& u, const std::vector<int>& members, const std::string& issuer) {
  int best = -1;
  for (int r : members) {
    const auto& rec = u.records()[static_cast<std::size_t>(r)];
    if (rec.issuer != issuer || rec.listed == 0) continue;
    if (best < 0 || rec.listed < u.records()[static_cast<std::size_t>(best)].listed) best = r;
  }
  return best;
}

std::string identifiers_text(const Record& r) {
  std::string out;
  for (const auto& id : r.ids) {
    if (!is_strong_kind(id.kind)) continue;
    if (!out.empty()) out += "; ";
    out += id.kind + " " + id.value + (id.country.empty() ? "" : " (" + id.country + ")");
  }
  return out;
}

std::string country_name(const std::string& iso3) {
  if (const auto* c = registry::lookup(iso3)) return std::string(c->name);
  return iso3;
}

void check_issuers(const Universe& u, const std::vector<std::string>& issuers, const char* parameter) {
  auto present = u.issuers();
  for (const auto& i : issuers)
    if (!has(present, i)) throw ParameterError(std::string(parameter), "no list of '" + i + "' in the store");
}

}  // namespace rostrum::sanctions::detail
