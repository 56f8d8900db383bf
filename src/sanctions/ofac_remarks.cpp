#include "sanctions/ofac_remarks.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "sanctions/countries.hpp"
#include "sanctions/dates.hpp"
#include "sanctions/identifiers.hpp"

namespace rostrum::sanctions {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Strips straight and typographic quotes around an alias and a final period.
std::string unquote(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  s = trim(s);
  auto strip = [&](std::string_view q) {
    if (s.size() >= 2 * q.size() && starts_with(s, q)) s.remove_prefix(q.size());
    if (s.size() >= q.size() && s.substr(s.size() - q.size()) == q) s.remove_suffix(q.size());
  };
  strip("'");
  strip("\u2018");
  strip("\u2019");
  strip("\"");
  return std::string(trim(s));
}

struct Label {
  std::string_view prefix;
  std::string_view kind;
};

// Longer labels first where one is a prefix of another.
constexpr std::array<Label, 40> kLabels = {{
    {"Vessel Registration Identification IMO ", "imo"},
    {"Identification Number IMO ", "imo"},
    {"Company Number IMO ", "imo"},
    {"IMO ", "imo"},
    {"MMSI ", "mmsi"},
    {"SWIFT/BIC ", "swift"},
    {"Legal Entity Number ", "lei"},
    {"Diplomatic Passport ", "passport"},
    {"Passport ", "passport"},
    {"National ID No. ", "national_id"},
    {"National ID No ", "national_id"},
    {"National Foreign ID Number ", "national_id"},
    {"Cedula No. ", "national_id"},
    {"D.N.I. ", "national_id"},
    {"C.U.R.P. ", "national_id"},
    {"Personal ID Card ", "national_id"},
    {"Identification Number ", "national_id"},
    {"Tax ID No. ", "tax_id"},
    {"Tax ID No ", "tax_id"},
    {"R.F.C. ", "tax_id"},
    {"RFC ", "tax_id"},
    {"NIT # ", "tax_id"},
    {"RUC # ", "tax_id"},
    {"RIF # ", "tax_id"},
    {"V.A.T. Number ", "tax_id"},
    {"Italian Fiscal Code ", "tax_id"},
    {"Government Gazette Number ", "okpo"},
    {"Business Registration Number ", "registration"},
    {"Business Registration Document # ", "registration"},
    {"Registration Number ", "registration"},
    {"Registration ID ", "registration"},
    {"Company Number ", "registration"},
    {"Commercial Registry Number ", "registration"},
    {"Unified Social Credit Code (USCC) ", "registration"},
    {"Chamber of Commerce Number ", "registration"},
    {"Trade License No. ", "registration"},
    {"Public Registration Number ", "registration"},
    {"Folio Mercantil No. ", "registration"},
    {"Matricula Mercantil No ", "registration"},
    {"Economic Register Number (CBLS) ", "registration"},
}};

void read_numbered(OfacRemarks& out, std::string_view part, const Label& label) {
  std::string_view rest = trim(part.substr(label.prefix.size()));
  // "Passport C17HLRL3 issued 30 Dec 2015", "Passport E59165201 (China) expires 01 Sep 2025"
  for (std::string_view stop : {" issued", " expires", " expiring", " expired"})
    if (auto p = rest.find(stop); p != std::string_view::npos) rest = trim(rest.substr(0, p));
  std::string_view value = rest;
  std::string country;
  if (auto open = rest.find('('); open != std::string_view::npos) {
    value = trim(rest.substr(0, open));
    auto close = rest.find(')', open);
    if (close != std::string_view::npos) country = country_iso3(rest.substr(open + 1, close - open - 1));
  }
  if (auto id = make_identifier(std::string(label.kind), value, country, std::string(part), true)) {
    out.ids.push_back(std::move(*id));
  } else {
    out.unreadable.emplace_back(part);
  }
}

}  // namespace

std::vector<std::string_view> split_outside_parentheses(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(')
      ++depth;
    else if (c == ')' && depth > 0)
      --depth;
    else if (c == sep && depth == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

OfacRemarks parse_ofac_remarks(std::string_view remarks) {
  OfacRemarks out;
  for (std::string_view raw : split_outside_parentheses(remarks, ';')) {
    std::string_view part = trim(raw);
    if (part.empty()) continue;
    if (starts_with(part, "alt. ")) part = trim(part.substr(5));
    // One final period ends the whole remarks text; it is not part of any value.
    if (part.size() > 1 && part.back() == '.' && part[part.size() - 2] != '.') {
      bool is_abbrev = part.size() >= 3 && part[part.size() - 3] == '.';  // "Co." is left alone
      if (!is_abbrev) part.remove_suffix(1);
    }
    if (starts_with(part, "a.k.a. ") || starts_with(part, "n.k.a. ")) {
      auto name = unquote(part.substr(7));
      if (!name.empty()) out.aliases.push_back(Name{NameKind::weak, name, ""});
    } else if (starts_with(part, "f.k.a. ")) {
      auto name = unquote(part.substr(7));
      if (!name.empty()) out.aliases.push_back(Name{NameKind::fka, name, ""});
    } else if (starts_with(part, "Linked To: ")) {
      auto name = std::string(trim(part.substr(11)));
      if (!name.empty()) out.links.push_back(name);
    } else if (starts_with(part, "DOB ")) {
      if (auto dob = parse_dob(part.substr(4))) {
        out.ids.push_back(Identifier{"dob", *dob, "", std::string(part), true});
      } else {
        out.unreadable.emplace_back(part);
      }
    } else if (starts_with(part, "nationality ") || starts_with(part, "citizen ")) {
      std::string_view label = part.substr(part.find(' ') + 1);
      std::string iso3 = country_iso3(label);
      if (!iso3.empty())
        out.ids.push_back(Identifier{"nationality", iso3, "", std::string(part), true});
      else
        out.unreadable.emplace_back(part);
    } else {
      for (const auto& label : kLabels) {
        if (starts_with(part, label.prefix)) {
          read_numbered(out, part, label);
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace rostrum::sanctions
