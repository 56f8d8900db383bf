#include "query/selection.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>

#include "core/error.hpp"
#include "core/text.hpp"
#include "registry/groups.hpp"
#include "registry/registry.hpp"

namespace rostrum::query {

namespace {

std::optional<int> whole_number(std::string_view s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// One item of a session list: "74", "70-74", "ES-11", "ES-10-11", "ES-10-ES-11", "S-26".
SessionSpan session_item(std::string_view item, const std::string& param) {
  SessionSpan span;
  std::string_view rest = item;
  std::string_view prefix;
  const std::string upper = [&] {
    std::string u(item);
    for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return u;
  }();
  if (starts_with(upper, "ES-")) {
    span.kind = SessionSpan::Kind::emergency;
    prefix = "ES-";
  } else if (starts_with(upper, "S-")) {
    span.kind = SessionSpan::Kind::special;
    prefix = "S-";
  }
  rest.remove_prefix(prefix.size());
  const std::string rest_upper = upper.substr(prefix.size());
  std::string_view first = rest, second = rest;
  if (auto dash = rest.find('-'); dash != std::string_view::npos) {
    first = rest.substr(0, dash);
    second = rest.substr(dash + 1);
    // "ES-10-ES-11": the second bound may repeat the prefix.
    if (!prefix.empty() && starts_with(rest_upper.substr(dash + 1), prefix)) second.remove_prefix(prefix.size());
  }
  auto a = whole_number(first), b = whole_number(second);
  const int limit = span.kind == SessionSpan::Kind::regular ? 500 : 100;
  if (!a || !b)
    throw ParameterError(param,
                         "expected a session number, a range (70-74), an emergency or special session "
                         "(ES-11, S-26) or a comma list of these; got '" +
                             std::string(item) + "'");
  if (*a < 1 || *b < 1 || *a > limit || *b > limit)
    throw ParameterError(param,
                         "session '" + std::string(item) + "' is out of range [1, " + std::to_string(limit) + "]");
  if (*a > *b)
    throw ParameterError(param, "reversed range '" + std::string(item) + "' (write the earlier session first)");
  span.from = *a;
  span.to = *b;
  return span;
}

}  // namespace

std::vector<SessionSpan> parse_session_list(std::string_view text, const std::string& param) {
  std::vector<SessionSpan> out;
  for (const std::string& item : split_list(text)) out.push_back(session_item(item, param));
  if (out.empty()) throw ParameterError(param, "empty session list");
  return out;
}

std::vector<std::pair<Date, Date>> parse_year_list(std::string_view text, const std::string& param) {
  std::vector<std::pair<Date, Date>> out;
  for (const std::string& item : split_list(text)) {
    const auto dash = item.find('-');
    const std::string_view first = std::string_view(item).substr(0, dash);
    const std::string_view second = dash == std::string::npos ? first : std::string_view(item).substr(dash + 1);
    auto a = whole_number(first), b = whole_number(second);
    if (!a || !b)
      throw ParameterError(
          param, "expected a year, a range (1990-1999) or a comma list (1989-1993,2005-2012); got '" + item + "'");
    if (*a < 1900 || *b < 1900 || *a > 2200 || *b > 2200)
      throw ParameterError(param, "year '" + item + "' is out of range [1900, 2200]");
    if (*a > *b) throw ParameterError(param, "reversed range '" + item + "' (write the earlier year first)");
    out.emplace_back(make_date(*a, 1, 1), make_date(*b, 12, 31));
  }
  if (out.empty()) throw ParameterError(param, "empty year list");
  return out;
}

std::string Selection::describe() const {
  std::vector<std::string> parts;
  parts.push_back(body == "sc" ? "Security Council" : "General Assembly");
  if (!source.empty()) parts.push_back("source " + source);
  if (!filter.sessions.empty() || filter.date_from || filter.date_to || !filter.date_spans.empty())
    parts.push_back("period " + label);
  if (filter.issues) parts.push_back("issue " + issue_codes(filter.issues));
  if (filter.important_only) parts.push_back("important votes only");
  if (filter.exclude_amendments) parts.push_back("no amendments");
  if (filter.exclude_paragraphs) parts.push_back("no paragraph votes");
  return join(parts, ", ");
}

Selection parse_selection(const Request& r) {
  const AnalysisSpec& spec = r.spec();
  auto declared = [&](const char* name) { return spec.param(name) != nullptr; };
  // from/to are date bounds here; an analysis may use the names for something else (drift's periods).
  auto declared_date = [&](const char* name) {
    const ParamSpec* p = spec.param(name);
    return p && p->type == ParamType::date;
  };
  Selection s;
  if (declared("source")) s.source = r.text("source");
  if (declared("body")) s.body = r.text("body");
  RollCallFilter& f = s.filter;
  if (declared("by")) {
    const std::string& by = r.text("by");
    s.by = by == "session" ? PeriodKind::session : by == "year" ? PeriodKind::year : PeriodKind::all;
  }
  std::vector<std::string> labels;
  if (declared("session") && r.has("session")) {
    f.sessions = parse_session_list(r.text("session"), "session");
    labels.push_back(r.text("session"));
  }
  if (declared("year") && r.has("year")) {
    f.date_spans = parse_year_list(r.text("year"), "year");
    labels.push_back(r.text("year"));
  }
  std::string from, to;
  if (declared_date("from") && r.has("from")) {
    from = r.text("from");
    f.date_from = *parse_date_bound(from, false);
  }
  if (declared_date("to") && r.has("to")) {
    to = r.text("to");
    f.date_to = *parse_date_bound(to, true);
  }
  if (f.date_from && f.date_to && *f.date_from > *f.date_to)
    throw ParameterError("from", "'" + from + "' is after to '" + to + "'");
  if (!from.empty() || !to.empty())
    labels.push_back((from.empty() ? "start" : from) + ".." + (to.empty() ? "end" : to));
  s.label = labels.empty() ? "all" : join(labels, " ");
  if (declared("issue") && r.has("issue")) {
    f.issues = parse_issue_code(r.text("issue"));
    if (!f.issues) {
      std::string codes;
      for (const auto& i : issue_code_table()) codes += (codes.empty() ? "" : ", ") + std::string(i.code);
      throw ParameterError("issue",
                           "unknown issue '" + r.text("issue") + "' (expected " + codes + ", or a comma list)");
    }
  }
  if (declared("important")) f.important_only = r.flag("important");
  if (declared("no-amendments")) f.exclude_amendments = r.flag("no-amendments");
  if (declared("no-paragraphs")) f.exclude_paragraphs = r.flag("no-paragraphs");
  return s;
}

std::vector<Word> measure_mask(const VoteMatrix& m, Selection& sel, measures::Measure measure, bool keep_unanimous) {
  if (measure == measures::Measure::coincidence) {
    sel.filter.exclude_amendments = true;
    sel.filter.exclude_paragraphs = true;
  }
  std::vector<Word> mask = m.select(sel.filter);
  if (measure == measures::Measure::agree && !keep_unanimous) mask = measures::drop_unanimous(m, mask);
  return mask;
}

std::string explain_empty(const VoteMatrix& m, const Selection& sel) {
  auto count = [&](const RollCallFilter& f) {
    std::int64_t n = 0;
    for (Word w : m.select(f)) n += std::popcount(w);
    return n;
  };
  if (count(sel.filter) > 0) return "";
  const std::string what = "no roll call matches the selection (" + sel.describe() + ")";
  if (m.rollcalls() == 0) return what + ": the record of this body is empty";
  Date first = m.rollcall_head(0).date, last = m.rollcall_head(0).date;
  for (int r = 0; r < m.rollcalls(); ++r) {
    first = std::min(first, m.rollcall_head(r).date);
    last = std::max(last, m.rollcall_head(r).date);
  }
  const std::string span = " (the record runs from " + format_date(first) + " to " + format_date(last) + ")";
  // Drop one filter at a time: the first whose removal brings roll calls back is the reason.
  RollCallFilter period_only;
  period_only.sessions = sel.filter.sessions;
  period_only.session_from = sel.filter.session_from;
  period_only.session_to = sel.filter.session_to;
  period_only.date_from = sel.filter.date_from;
  period_only.date_to = sel.filter.date_to;
  period_only.date_spans = sel.filter.date_spans;
  const std::int64_t in_period = count(period_only);
  if (in_period == 0) return what + ": the period holds no roll call" + span;
  if (sel.filter.issues) {
    RollCallFilter no_issue = sel.filter;
    no_issue.issues = 0;
    const std::int64_t without = count(no_issue);
    std::int64_t coded = 0;
    RollCallFilter any_code = period_only;
    any_code.issues = 0x3f;
    coded = count(any_code);
    if (without > 0)
      return what + ": " + std::to_string(without) + " roll calls match without the issue filter, none with issue " +
             issue_codes(sel.filter.issues) + (coded == 0 ? " (no roll call of the period carries an issue code)" : "");
  }
  if (sel.filter.important_only) {
    RollCallFilter f = sel.filter;
    f.important_only = false;
    if (count(f) > 0) return what + ": none of the " + std::to_string(count(f)) + " roll calls is marked important";
  }
  return what + ": " + std::to_string(in_period) + " roll calls in the period, none left after the other filters";
}

std::vector<Period> selected_periods(const VoteMatrix& m, const Selection& sel, const std::vector<Word>& mask) {
  auto periods = make_periods(m, sel.by, mask);
  if (sel.by == PeriodKind::all)
    for (auto& p : periods) p.label = sel.label;
  return periods;
}

std::vector<int> parse_countries(const VoteMatrix& m, std::string_view value, const std::string& param, bool allow_all,
                                 const std::vector<registry::Group>& user_groups) {
  if (value.empty()) throw ParameterError(param, "required (a country, a comma list, a group or all)");
  std::vector<int> out;
  if (value == "all") {
    if (!allow_all) throw ParameterError(param, "'all' is not allowed here");
    for (int c = 0; c < m.countries(); ++c) out.push_back(c);
    return out;
  }
  std::vector<std::string> items;
  for (const std::string& one : split_list(value))
    for (const std::string& part : split_list(one, '+')) items.push_back(part);
  for (const std::string& one : items) {
    if (const registry::Group* g = registry::find_group(one, user_groups)) {
      for (const auto& iso3 : g->ever_members()) {
        int c = m.country_index(iso3);
        if (c >= 0) out.push_back(c);
      }
    } else {
      const registry::Country* country = registry::lookup(one);
      if (!country) throw ParameterError(param, "unknown country or group '" + one + "'");
      int c = m.country_index(country->iso3);
      if (c < 0)
        throw ParameterError(
            param, std::string(country->iso3) + " (" + std::string(country->name) + ") has no votes in this record");
      out.push_back(c);
    }
  }
  std::vector<int> unique;
  for (int c : out)
    if (std::find(unique.begin(), unique.end(), c) == unique.end()) unique.push_back(c);
  return unique;
}

bool GroupSpec::is_member(std::string_view iso3, Date on) const {
  if (group) return group->is_member(iso3, on);
  return std::find(members.begin(), members.end(), iso3) != members.end();
}

std::vector<std::string> GroupSpec::ever_members() const { return group ? group->ever_members() : members; }

GroupSpec parse_group(std::string_view value, const std::string& param, const std::vector<registry::Group>& user_groups,
                      std::size_t min_members) {
  GroupSpec spec;
  if (value.empty())
    throw ParameterError(param, "required (a group name such as G7, or a list USA,GBR,FRA or USA+GBR+FRA)");
  if (const registry::Group* group = registry::find_group(value, user_groups)) {
    spec.name = group->name;
    spec.group = group;
    return spec;
  }
  const char separator = value.find('+') != std::string_view::npos ? '+' : ',';
  for (const std::string& one : split_list(value, separator)) {
    if (const registry::Group* g = registry::find_group(one, user_groups)) {
      for (const auto& iso3 : g->ever_members())
        if (std::find(spec.members.begin(), spec.members.end(), iso3) == spec.members.end())
          spec.members.push_back(iso3);
      continue;
    }
    const registry::Country* c = registry::lookup(one);
    if (!c) throw ParameterError(param, "'" + one + "' is neither a group nor a country");
    if (std::find(spec.members.begin(), spec.members.end(), c->iso3) == spec.members.end())
      spec.members.emplace_back(c->iso3);
  }
  if (spec.members.size() < min_members)
    throw ParameterError(param, min_members == 2
                                    ? "an ad-hoc group needs at least two countries"
                                    : "give a group or at least " + std::to_string(min_members) + " countries");
  spec.name = std::string(value);
  return spec;
}

std::pair<Pole, Pole> parse_poles(const VoteMatrix& m, std::string_view spec, const std::string& param,
                                  const std::vector<registry::Group>& user_groups) {
  const auto sides = split_list(spec);
  if (sides.size() != 2)
    throw ParameterError(
        param, "expected two poles 'A,B' (each a country, a group or X+Y+Z), got '" + std::string(spec) + "'");
  std::array<Pole, 2> poles;
  for (int k = 0; k < 2; ++k) {
    poles[k].label = sides[k];
    poles[k].members = parse_countries(m, sides[k], param, false, user_groups);
    if (poles[k].members.size() == 1) poles[k].label = m.iso3(poles[k].members[0]);
  }
  return {poles[0], poles[1]};
}

std::function<bool(int, Date)> membership(const VoteMatrix& m, const GroupSpec& spec) {
  if (spec.group) {
    const registry::Group* g = spec.group;
    return [&m, g](int c, Date d) { return g->is_member(m.iso3(c), d); };
  }
  std::vector<bool> in(m.countries(), false);
  for (const auto& iso3 : spec.members) {
    int c = m.country_index(iso3);
    if (c >= 0) in[c] = true;
  }
  return [in](int c, Date) { return static_cast<bool>(in[c]); };
}

}  // namespace rostrum::query
