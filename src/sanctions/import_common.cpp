#include "sanctions/import_common.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "sanctions/countries.hpp"
#include "sanctions/names.hpp"

namespace rostrum::sanctions::detail {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string ofac_field(std::string_view field) {
  auto t = trim(field);
  if (t == "-0-") return "";
  return std::string(t);
}

std::string origin(const std::string& file, std::uint64_t line) { return file + ":" + std::to_string(line); }

std::string base_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

void check_utf8(std::string_view s, const std::string& file, std::uint64_t line, std::uint64_t column,
                std::string_view field) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
    if (!ok)
      throw InputError(file, line, column,
                       "field '" + std::string(field) + "': invalid UTF-8 at byte " + std::to_string(i + 1));
    i += n;
  }
}

void check_utf8(const io::CsvRecord& rec, const std::string& file) {
  for (std::size_t i = 0; i < rec.size(); ++i)
    check_utf8(rec.fields[i], file, rec.lines[i], rec.columns[i], "column " + std::to_string(i + 1));
}

void finish_entry(Entry& e, SanctionsList& list) {
  // Names: fold, drop empty, keep the first of each (folded) name; a later
  // stronger kind upgrades it (an alias repeated as the primary name is primary).
  auto strength = [](NameKind k) {
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
  };
  std::vector<Name> names;
  for (auto& n : e.names) {
    n.text = std::string(trim(n.text));
    if (n.text.empty()) continue;
    n.folded = names::fold(n.text);
    if (n.folded.empty()) continue;
    auto it = std::find_if(names.begin(), names.end(), [&](const Name& m) { return m.folded == n.folded; });
    if (it == names.end())
      names.push_back(std::move(n));
    else if (strength(n.kind) > strength(it->kind))
      it->kind = n.kind;
  }
  e.names = std::move(names);

  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::vector<Identifier> ids;
  for (auto& id : e.ids)
    if (seen.insert({id.kind, id.value, id.country}).second) ids.push_back(std::move(id));
  e.ids = std::move(ids);

  std::vector<std::string> countries;
  for (auto& c : e.address_countries)
    if (!c.empty() && std::find(countries.begin(), countries.end(), c) == countries.end()) countries.push_back(c);
  e.address_countries = std::move(countries);

  bool has_programme_table = list.issuer == "US" || list.issuer == "EU" || list.issuer == "UN";
  if (e.target.empty() && has_programme_table) {
    for (const auto& p : e.programmes) {
      auto t = programme_target(list.issuer, p);
      if (!t.known) list.warnings.add("programme not in the target table (target from nationality)", p);
      if (e.target.empty() && !t.iso3.empty()) {
        e.target = t.iso3;
        e.target_basis = "programme";
      }
    }
  }
  if (e.target.empty()) {
    for (const auto& id : e.ids) {
      if (id.kind == "nationality") {
        e.target = id.value;
        e.target_basis = "nationality";
        break;
      }
    }
  }
  if (e.target.empty() && !e.address_countries.empty()) {
    e.target = e.address_countries.front();
    e.target_basis = "country";
  }
}

}  // namespace rostrum::sanctions::detail
