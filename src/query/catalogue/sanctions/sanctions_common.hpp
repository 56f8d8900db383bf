// Shared by the sanctions entries of the catalogue: the parameter definitions
// they have in common and their conversion to the library's requests.
#pragma once

#include <string>
#include <vector>

#include "core/text.hpp"
#include "query/catalogue.hpp"
#include "sanctions/analyses.hpp"

namespace rostrum::query::sanctions_params {

inline ParamSpec issuers(const std::string& fallback) {
  return {.name = "issuers",
          .type = ParamType::text,
          .help = "Issuers, comma-separated: US, EU, UN, CN",
          .fallback = fallback,
          .example = fallback};
}

inline ParamSpec target(const std::string& help = "Target state (ISO3, ISO2 or a name; default: every target)") {
  return {.name = "target", .type = ParamType::text, .help = help, .example = "RUS"};
}

inline std::vector<std::string> issuer_list(const Request& r, const char* name) {
  std::vector<std::string> out;
  for (const auto& item : split_list(r.text(name))) out.push_back(sanctions::parse_issuer(item, name));
  return out;
}

inline std::string country(const Request& r, const char* name) {
  return r.has(name) ? sanctions::parse_country(r.text(name), name) : std::string();
}

inline Date bound(const Request& r, const char* name, bool end) {
  return r.has(name) ? sanctions::parse_bound(r.text(name), end, name) : 0;
}

}  // namespace rostrum::query::sanctions_params
