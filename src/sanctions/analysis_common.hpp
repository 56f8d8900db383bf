// Helpers shared by the analysis files: per-entity views of the designations.
#pragma once

#include <string>
#include <vector>

#include "sanctions/universe.hpp"

namespace rostrum::sanctions::detail {

// The records of each entity, grouped: members[e] = record indices.
std::vector<std::vector<int>> entity_members(const Universe& u);

bool has(const std::vector<std::string>& v, const std::string& x);

// Does `issuer` list the entity now (a member record of that issuer not delisted)?
bool listed_now(const Universe& u, const std::vector<int>& members, const std::string& issuer);

// The issuer's earliest-listed member record with a listing date, or -1.
int first_listed(const Universe& u, const std::vector<int>& members, const std::string& issuer);

// Strong identifiers of a record as "kind value" items joined by "; ".
std::string identifiers_text(const Record& r);

// Display name of a country id ("RUS" -> "Russian Federation"), the id when unknown.
std::string country_name(const std::string& iso3);

void check_issuers(const Universe& u, const std::vector<std::string>& issuers, const char* parameter);

}  // namespace rostrum::sanctions::detail
