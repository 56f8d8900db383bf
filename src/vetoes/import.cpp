// The veto file reader: every row validated and every vetoing member mapped to
// the state holding its seat on the veto's date, before anything is written.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/file.hpp"
#include "io/import_common.hpp"
#include "registry/registry.hpp"
#include "vetoes/seats.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum::vetoes {

using io::CsvReader;
using io::CsvRecord;
using io::detail::fail;
using io::detail::field;
using io::detail::trim;

bool Veto::vetoed_by(std::string_view iso3) const {
  return std::find(vetoers.begin(), vetoers.end(), iso3) != vetoers.end();
}

namespace {

// "2/25/2022" (the source's M/D/YYYY) or "2022-02-25".
std::optional<Date> parse_veto_date(std::string_view s) {
  if (auto d = parse_date(s)) return d;
  int part[3] = {0, 0, 0};
  std::size_t k = 0, begin = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '/') {
      if (k >= 3) return std::nullopt;
      std::string_view piece = s.substr(begin, i - begin);
      auto r = std::from_chars(piece.data(), piece.data() + piece.size(), part[k]);
      if (piece.empty() || r.ec != std::errc() || r.ptr != piece.data() + piece.size()) return std::nullopt;
      ++k;
      begin = i + 1;
    }
  }
  if (k != 3 || part[2] < 1000) return std::nullopt;
  if (part[2] > 9999 || part[0] < 1 || part[0] > 12 || part[1] < 1 || part[1] > 31) return std::nullopt;
  const Date d = make_date(part[2], part[0], part[1]);
  // parse_date checks the day against the month's length.
  return parse_date(format_date(d));
}

// Labels of this source the registry would read wrongly, with the state the
// agenda item concerns (docs/vetoes.md lists them).
const std::map<std::string, std::string>& topic_overrides() {
  static const std::map<std::string, std::string> m = {
      // The 1960 drafts concern the crisis in the Republic of the Congo (Leopoldville),
      // today's DR Congo; the registry reads "Congo" as Congo-Brazzaville.
      {"Congo", "COD"},
      {"Malasyia", "MYS"},  // the source's spelling
  };
  return m;
}

// States a topic names: the whole topic, else each part of "A-B". Parts the
// registry cannot read are left out (they name no state: "Admission", "Korean War").
std::vector<std::string> subjects_of_topic(const std::string& topic, Date on) {
  std::vector<std::string> out;
  auto add = [&](std::string_view iso3) {
    std::string id(un_holder(iso3, on));
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  auto it = topic_overrides().find(topic);
  if (it != topic_overrides().end()) {
    add(it->second);
  } else if (const registry::Country* c = registry::lookup(topic)) {
    add(c->iso3);
  } else if (topic.find('-') != std::string::npos) {
    for (const auto& part : split_list(topic, '-'))
      if (const registry::Country* p = registry::lookup(part)) add(p->iso3);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

VetoBatch import_vetoes(const std::string& path, const std::string& source_name) {
  VetoBatch batch;
  batch.source_name = source_name.empty() ? io::detail::source_stem(path) : source_name;
  batch.paths = {path};
  const std::string data = io::read_file(path);
  CsvReader reader(path, data);
  CsvRecord rec;
  if (!reader.next(rec)) throw InputError(path, 1, 1, "empty file, expected a header row");
  const int c_date = io::detail::require_column(reader, rec, {"date"});
  const int c_draft = io::detail::require_column(reader, rec, {"draft"});
  const int c_agenda = io::detail::require_column(reader, rec, {"agenda_item"});
  const int c_year = io::detail::optional_column(rec, {"year"});
  const int c_meeting = io::detail::optional_column(rec, {"meeting_record", "meeting"});
  const int c_topic = io::detail::optional_column(rec, {"crisis_topic", "topic"});
  const int c_region = io::detail::optional_column(rec, {"region"});
  const int c_target = io::detail::optional_column(rec, {"target"});
  std::vector<int> c_members;
  for (std::size_t i = 0; i < rec.size(); ++i) {
    std::string name = io::detail::lower(trim(rec.fields[i]));
    if (name.rfind("member_veto", 0) == 0) c_members.push_back(static_cast<int>(i));
  }
  if (c_members.empty())
    throw InputError(path, rec.line, 1, "header has no column 'member_veto1' (the vetoing members)");
  // The source's 0/1 indicator per member: checked against the member columns.
  const std::pair<const char*, Seat> indicators[] = {{"China", Seat::china},   {"France", Seat::france},
                                                     {"Russia", Seat::russia}, {"USSR", Seat::russia},
                                                     {"USA", Seat::usa},       {"UK", Seat::uk}};
  std::vector<std::pair<int, std::string>> c_indicators;
  for (const auto& [name, seat] : indicators) {
    int c = io::find_column(rec, name);
    if (c >= 0) c_indicators.emplace_back(c, name);
  }

  std::int64_t relabelled = 0;
  while (reader.next(rec)) {
    Veto v;
    v.line = rec.line;
    std::string_view date_text = trim(field(reader, rec, c_date));
    auto date = parse_veto_date(date_text);
    if (!date)
      fail(reader, rec, c_date, "expected a date M/D/YYYY or YYYY-MM-DD, got '" + std::string(date_text) + "'");
    v.date = *date;
    if (v.date < make_date(1945, 10, 24))
      fail(reader, rec, c_date, "before the UN Charter entered into force (1945-10-24)");
    if (c_year >= 0) {
      std::string_view y = trim(field(reader, rec, c_year));
      if (!y.empty() && y != std::to_string(date_year(v.date)))
        fail(reader, rec, c_year, "year " + std::string(y) + " does not match the date " + format_date(v.date));
    }
    v.draft = std::string(trim(field(reader, rec, c_draft)));
    if (v.draft.empty()) fail(reader, rec, c_draft, "draft: empty (the draft resolution's symbol)");
    v.agenda_item = std::string(trim(field(reader, rec, c_agenda)));
    if (c_meeting >= 0) v.meeting = std::string(trim(field(reader, rec, c_meeting)));
    if (c_topic >= 0) v.topic = std::string(trim(field(reader, rec, c_topic)));
    if (c_region >= 0) v.region = std::string(trim(field(reader, rec, c_region)));

    std::set<Seat> seats;
    for (int c : c_members) {
      std::string label(trim(field(reader, rec, c)));
      if (label.empty()) continue;
      const registry::Country* country = registry::lookup(label);
      Seat seat = country ? permanent_seat(country->iso3) : Seat::none;
      if (seat == Seat::none) fail(reader, rec, c, "'" + label + "' is not a permanent member of the Security Council");
      if (!seats.insert(seat).second) fail(reader, rec, c, "'" + label + "' is listed twice for one veto");
      std::string holder(seat_holder(seat, v.date));
      if (holder != country->iso3) ++relabelled;
      v.labels.push_back(label);
      v.vetoers.push_back(holder);
    }
    if (v.vetoers.empty()) fail(reader, rec, c_members.front(), "no vetoing member given");
    {
      // Sorted by state, each label kept beside its state.
      std::vector<std::pair<std::string, std::string>> both;
      for (std::size_t k = 0; k < v.vetoers.size(); ++k) both.emplace_back(v.vetoers[k], v.labels[k]);
      std::sort(both.begin(), both.end());
      for (std::size_t k = 0; k < both.size(); ++k) std::tie(v.vetoers[k], v.labels[k]) = both[k];
    }
    for (const auto& [c, name] : c_indicators) {
      std::string_view flag = trim(field(reader, rec, c));
      if (flag != "0" && flag != "1" && !flag.empty())
        fail(reader, rec, c, "expected 0 or 1 for " + name + ", got '" + std::string(flag) + "'");
      const Seat seat = permanent_seat(registry::lookup(name)->iso3);
      // "Russia" and "USSR" are one seat, told apart by the date.
      const bool era_matches =
          seat != Seat::russia || (std::string(name) == "USSR") == (v.date < make_date(1991, 12, 25));
      if (!era_matches || flag.empty()) continue;
      if ((flag == "1") != seats.count(seat))
        batch.warnings.add("indicator column disagrees with the member_veto columns (the member columns are used)",
                           "line " + std::to_string(rec.line) + " " + name + " (" + v.draft + ")");
    }

    if (c_target >= 0 && !trim(field(reader, rec, c_target)).empty()) {
      for (const auto& item : split_list(trim(field(reader, rec, c_target)), ';')) {
        const registry::Country* c = registry::lookup(item);
        if (!c) fail(reader, rec, c_target, "target: unknown country '" + item + "'");
        std::string id(un_holder(c->iso3, v.date));
        if (std::find(v.subjects.begin(), v.subjects.end(), id) == v.subjects.end()) v.subjects.push_back(id);
      }
      std::sort(v.subjects.begin(), v.subjects.end());
      v.subject_basis = "target column";
    } else {
      v.subjects = subjects_of_topic(v.topic, v.date);
      v.subject_basis = v.subjects.empty() ? "none" : "topic";
    }
    batch.vetoes.push_back(std::move(v));
  }
  if (batch.vetoes.empty()) throw InputError(path, rec.line, 1, "no vetoes after the header");
  batch.notes.push_back(
      "vetoing members are seats mapped to states by date: the Soviet seat is SUN to 1991-12-23 and RUS from "
      "1991-12-24, the China seat TWN to 1971-10-25 and CHN from 1971-10-26 (" +
      std::to_string(relabelled) + " labels named another holder of the seat).");
  batch.notes.push_back(
      "the states a draft concerns come from a 'target' column when the file has one, else from the crisis topic "
      "(a state's name, or 'A-B'); topics naming no state give none.");
  return batch;
}

}  // namespace rostrum::vetoes
