// The UN Security Council consolidated list (XML, schema sc-sanctions.xsd):
// CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL and ENTITIES/ENTITY, read with pugixml.
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "io/file.hpp"
#include "registry/registry.hpp"
#include "sanctions/countries.hpp"
#include "sanctions/dates.hpp"
#include "sanctions/identifiers.hpp"
#include "sanctions/import.hpp"
#include "sanctions/import_common.hpp"
#include "sanctions/ofac_remarks.hpp"

namespace rostrum::sanctions {
namespace {

// Byte offsets to 1-based line and column, for messages about an element.
class LineIndex {
 public:
  explicit LineIndex(std::string_view data) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < data.size(); ++i)
      if (data[i] == '\n') starts_.push_back(i + 1);
  }
  std::pair<std::uint64_t, std::uint64_t> at(std::ptrdiff_t offset) const {
    if (offset < 0) return {0, 0};
    auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::size_t>(offset));
    std::size_t line = static_cast<std::size_t>(it - starts_.begin());
    return {line, static_cast<std::size_t>(offset) - starts_[line - 1] + 1};
  }

 private:
  std::vector<std::size_t> starts_;
};

std::string text_of(const pugi::xml_node& n) { return std::string(detail::trim(n.text().as_string())); }

struct Reader {
  std::string file;
  const LineIndex& lines;
  SanctionsList& list;

  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& where, const std::string& message) const {
    auto [line, col] = lines.at(node.offset_debug());
    throw InputError(file, line, col, "element " + where + ": " + message);
  }

  // xs:date, possibly with a time zone ("2020-01-01-05:00"); the zone is dropped.
  std::optional<Date> xs_date(std::string_view s) const {
    if (s.size() > 10 && (s[10] == '-' || s[10] == '+' || s[10] == 'Z' || s[10] == 'T')) s = s.substr(0, 10);
    return parse_day(s);
  }

  Entry read(const pugi::xml_node& node, bool individual) {
    Entry e;
    std::string tag = individual ? "INDIVIDUAL" : "ENTITY";
    std::string dataid = text_of(node.child("DATAID"));
    std::string where = tag + "[DATAID=" + dataid + "]";
    if (dataid.empty()) fail(node, tag, "field DATAID: missing");
    e.key = text_of(node.child("REFERENCE_NUMBER"));
    if (e.key.empty()) fail(node, where, "field REFERENCE_NUMBER: missing");
    where = tag + "[" + e.key + "]";
    e.type = individual ? EntryType::person : EntryType::organisation;
    std::string first = text_of(node.child("FIRST_NAME"));
    if (first.empty()) fail(node, where, "field FIRST_NAME: missing");
    for (auto field : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"})
      detail::check_utf8(node.child(field).text().as_string(), file, lines.at(node.child(field).offset_debug()).first,
                         0, field);
    if (individual) {
      std::string full = first;
      for (auto field : {"SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
        std::string part = text_of(node.child(field));
        if (!part.empty()) full += " " + part;
      }
      e.names.push_back(Name{NameKind::primary, full, ""});
    } else {
      // "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)"
      bool primary = true;
      for (auto part : split_outside_parentheses(first, ';')) {
        auto t = detail::trim(part);
        if (t.empty()) continue;
        e.names.push_back(Name{primary ? NameKind::primary : NameKind::aka, std::string(t), ""});
        primary = false;
      }
    }
    if (auto script = text_of(node.child("NAME_ORIGINAL_SCRIPT")); !script.empty())
      e.names.push_back(Name{NameKind::aka, script, ""});
    std::string programme = text_of(node.child("UN_LIST_TYPE"));
    if (programme.empty()) fail(node, where, "field UN_LIST_TYPE: missing");
    e.programmes.push_back(programme);
    auto listed_node = node.child("LISTED_ON");
    auto listed = xs_date(text_of(listed_node));
    if (!listed)
      fail(listed_node ? listed_node : node, where, "field LISTED_ON: '" + text_of(listed_node) + "' is not a date");
    e.events.push_back(Event{EventKind::listed, *listed, *listed, ""});
    for (auto v : node.child("LAST_DAY_UPDATED").children("VALUE")) {
      if (text_of(v).empty()) continue;
      auto d = xs_date(text_of(v));
      if (!d) fail(v, where, "field LAST_DAY_UPDATED: '" + text_of(v) + "' is not a date");
      e.events.push_back(Event{EventKind::amended, *d, *d, ""});
    }
    e.remarks = text_of(node.child("COMMENTS1"));
    for (auto v : node.child("NATIONALITY").children("VALUE")) {
      std::string label = text_of(v);
      if (label.empty()) continue;
      std::string iso3 = country_iso3(label);
      if (iso3.empty())
        list.warnings.add("nationality not mapped", e.key + ": " + label);
      else
        e.ids.push_back(Identifier{"nationality", iso3, "", label, false});
    }
    for (auto alias : node.children(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
      std::string name = text_of(alias.child("ALIAS_NAME"));
      if (name.empty()) continue;
      detail::check_utf8(name, file, lines.at(alias.offset_debug()).first, 0, "ALIAS_NAME");
      std::string quality = text_of(alias.child("QUALITY"));
      NameKind kind = NameKind::aka;
      if (quality == "Low")
        kind = NameKind::weak;
      else if (quality == "f.k.a.")
        kind = NameKind::fka;
      else if (quality != "Good" && quality != "a.k.a." && !quality.empty())
        fail(alias, where + "/" + (individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"),
             "field QUALITY: unknown alias quality '" + quality + "'");
      e.names.push_back(Name{kind, name, ""});
    }
    for (auto addr : node.children(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
      std::string label = text_of(addr.child("COUNTRY"));
      if (label.empty()) continue;
      std::string iso3 = country_iso3(label);
      if (iso3.empty()) list.warnings.add("address country not mapped", label);
      e.address_countries.push_back(iso3);
    }
    for (auto dob : node.children("INDIVIDUAL_DATE_OF_BIRTH")) {
      std::string type = text_of(dob.child("TYPE_OF_DATE"));
      std::string date = text_of(dob.child("DATE")), year = text_of(dob.child("YEAR"));
      std::string from = text_of(dob.child("FROM_YEAR")), to = text_of(dob.child("TO_YEAR"));
      std::optional<std::string> value;
      if (type == "BETWEEN")
        value = parse_dob(std::string(from).append(" to ").append(to));
      else if (!date.empty())
        value = parse_dob(date);
      else if (!year.empty())
        value = parse_dob(type == "APPROXIMATELY" ? "circa " + year : year);
      else
        continue;  // an empty date of birth element
      std::string raw = type;
      raw.append(" ").append(date).append(year).append(from);
      if (!to.empty()) raw.append("-").append(to);
      if (!value) {
        list.warnings.add("date of birth not understood", e.key + ": " + raw);
        continue;
      }
      e.ids.push_back(Identifier{"dob", *value, "", raw, false});
    }
    for (auto doc : node.children("INDIVIDUAL_DOCUMENT")) {
      std::string type = registry::fold_name(text_of(doc.child("TYPE_OF_DOCUMENT")));
      std::string number = text_of(doc.child("NUMBER"));
      if (number.empty()) continue;
      std::string kind;
      if (type.find("passport") != std::string::npos || type.find("pasaporte") != std::string::npos ||
          type.find("passeport") != std::string::npos)
        kind = "passport";
      else if (type.find("national identification") != std::string::npos)
        kind = "national_id";
      else
        continue;
      std::string country_label = text_of(doc.child("ISSUING_COUNTRY"));
      if (country_label.empty()) country_label = text_of(doc.child("COUNTRY_OF_ISSUE"));
      std::string country = country_label.empty() ? "" : country_iso3(country_label);
      if (auto id = make_identifier(kind, number_in_text(number), country, number, false))
        e.ids.push_back(std::move(*id));
    }
    auto [line, col] = lines.at(node.offset_debug());
    e.origin = detail::base_name(file) + ":" + std::to_string(line);
    return e;
  }
};

}  // namespace

SanctionsList read_un_xml(const std::string& path) {
  SanctionsList list;
  list.issuer = "UN";
  list.key = "un-consolidated";
  list.name = "UN Security Council consolidated sanctions list";
  list.format = "un-xml";
  list.paths.push_back(path);
  std::string data = io::read_file(path);
  LineIndex lines(data);
  pugi::xml_document doc;
  auto result = doc.load_buffer(data.data(), data.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    auto [line, col] = lines.at(result.offset);
    throw InputError(path, line, col, std::string("XML: ") + result.description());
  }
  auto root = doc.child("CONSOLIDATED_LIST");
  if (!root) throw InputError(path, 1, 1, "element CONSOLIDATED_LIST: missing (not a UN consolidated list)");
  Reader reader{path, lines, list};
  std::string generated = root.attribute("dateGenerated").as_string();
  if (auto d = reader.xs_date(generated)) {
    list.as_of = *d;
    list.as_of_basis = "stated";
  } else {
    reader.fail(root, "CONSOLIDATED_LIST", "attribute dateGenerated: '" + generated + "' is not a date");
  }
  std::unordered_map<std::string, int> seen;
  for (auto [group, tag, individual] :
       {std::tuple{"INDIVIDUALS", "INDIVIDUAL", true}, std::tuple{"ENTITIES", "ENTITY", false}}) {
    for (auto node : root.child(group).children(tag)) {
      Entry e = reader.read(node, individual);
      if (seen[e.key]++)
        reader.fail(node, std::string(tag) + "[" + e.key + "]", "field REFERENCE_NUMBER: appears twice");
      detail::finish_entry(e, list);
      list.entries.push_back(std::move(e));
    }
  }
  list.notes.push_back(
      "entry id = REFERENCE_NUMBER; LISTED_ON is the listing date, LAST_DAY_UPDATED the amendments; "
      "alias quality Good / a.k.a. -> a.k.a., Low -> weak, f.k.a. -> f.k.a.");
  return list;
}

}  // namespace rostrum::sanctions
