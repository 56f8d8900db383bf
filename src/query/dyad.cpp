#include "query/dyad.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <bit>
#include <cmath>

#include "alliances/portfolio.hpp"
#include "core/error.hpp"
#include "query/channel_support.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"
#include "vetoes/seats.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum::query {

using alliances::StateLine;

ChannelCells::ChannelCells(std::size_t pairs, int years, std::size_t columns)
    : years_(static_cast<std::size_t>(std::max(years, 0))), columns_(columns), cells_(pairs * years_ * columns) {}

Cell& ChannelCells::at(std::size_t pair, int year_offset, std::size_t column) {
  return cells_[(pair * years_ + static_cast<std::size_t>(year_offset)) * columns_ + column];
}
const Cell& ChannelCells::at(std::size_t pair, int year_offset, std::size_t column) const {
  return cells_[(pair * years_ + static_cast<std::size_t>(year_offset)) * columns_ + column];
}

bool ChannelCells::any() const {
  return std::any_of(cells_.begin(), cells_.end(),
                     [](const Cell& c) { return !std::holds_alternative<std::monostate>(c); });
}

const alliances::AllianceData* DyadScope::alliance_data() const {
  if (!alliances_loaded_) {
    alliances_loaded_ = true;
    auto store = store::Store::open(ctx.db_path(), false, true);
    if (alliances::has_alliances(store)) {
      std::vector<std::string> ids;
      for (const auto& [a, b] : pairs)
        for (const auto* line : {&a, &b})
          for (int id : line->ids) ids.push_back(std::string(registry::countries()[static_cast<std::size_t>(id)].iso3));
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      alliances_ = alliances::load_alliances(store, ids);
    }
  }
  return alliances_ ? &*alliances_ : nullptr;
}

namespace {

int year_of(const std::string& date) { return date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0; }

// The newest year of a body's record: the named source's, or the stitched record's
// (the newest of every source of the body).
int record_last_year(Context& ctx, const std::string& source, const char* body) {
  auto store = store::Store::open(ctx.db_path(), false, true);
  int last = 0;
  for (const auto& s : store.sources())
    if (s.body == body && (source.empty() || s.name == source)) last = std::max(last, year_of(s.last_date));
  return last;
}

int sql_year(Context& ctx, const char* table, const char* sql) {
  auto store = store::Store::open(ctx.db_path(), false, true);
  SQLite::Statement exists(store.db(), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
  exists.bind(1, table);
  if (!exists.executeStep() || exists.getColumn(0).getInt() == 0) return 0;
  SQLite::Statement q(store.db(), sql);
  if (!q.executeStep() || q.getColumn(0).isNull()) return 0;
  return q.getColumn(0).isText() ? year_of(q.getColumn(0).getString()) : q.getColumn(0).getInt();
}

// ---- GA agreement: Voeten's agree with n and a bootstrap interval ---------------

// A body's record for a channel, named in the channel's notes; nullopt (and a note) when the store has none.
std::optional<support::Record> channel_record(const DyadScope& s, const std::string& source, Body body,
                                              bool drop_unanimous, ChannelCells& out) {
  auto rec = support::load_record(s.ctx, source, body, drop_unanimous, false);
  out.notes.push_back(rec ? "record: " + rec->source.name
                          : std::string("no ") +
                                (body == Body::GeneralAssembly ? "General Assembly" : "Security Council") +
                                " source in this store");
  return rec;
}

void fill_ga(const DyadScope& s, ChannelCells& out) {
  auto rec = channel_record(s, s.request.source, Body::GeneralAssembly, true, out);
  if (!rec) return;
  measures::BootstrapOptions boot;
  if (s.request.ci > 0) {
    boot.level = s.request.ci;
    boot.replicates = s.request.boot;
    boot.seed = s.request.seed;
  }
  for (int y = s.from; y <= s.to; ++y) {
    auto it = rec->by_year.find(y);
    if (it == rec->by_year.end()) continue;
    std::int64_t rollcalls = 0;
    for (int w = it->second.word_begin; w < it->second.word_end; ++w) rollcalls += std::popcount(it->second.mask[w]);
    for (std::size_t p = 0; p < s.pairs.size(); ++p) {
      const auto t = support::joint_counts(*rec, s.pairs[p].first, s.pairs[p].second, it->second);
      const auto v = measures::compute(measures::Measure::agree, t);
      if (v.n == 0) continue;
      out.at(p, y - s.from, 0) = v.value;
      out.at(p, y - s.from, 1) = v.n;
      if (boot.replicates > 0) {
        const auto [lo, hi] =
            measures::bootstrap_interval(t, rollcalls, measures::Measure::agree, measures::CoincidenceRule::partial,
                                         boot, (static_cast<std::uint64_t>(p) << 16) ^ static_cast<std::uint64_t>(y));
        if (std::isfinite(lo)) out.at(p, y - s.from, 2) = lo;
        if (std::isfinite(hi)) out.at(p, y - s.from, 3) = hi;
      }
    }
  }
}

// ---- ideal points: distance on the latest saved run ---------------------------

void fill_ideal(const DyadScope& s, ChannelCells& out) {
  auto store = store::Store::open(s.ctx.db_path(), false, true);
  std::optional<store::SourceSummary> ga;
  try {
    ga = store.resolve_source(s.request.source, "ga");
  } catch (const UsageError&) {
    out.notes.push_back("no General Assembly source in this store");
    return;
  }
  const auto ideal = support::load_ideal(store, *ga);
  if (!ideal.run) {
    out.notes.push_back("no ideal-point run saved for '" + ga->name + "' (rostrum ideal saves one)");
    return;
  }
  out.notes.push_back("run " + std::to_string(ideal.run));
  for (std::size_t p = 0; p < s.pairs.size(); ++p)
    for (int y = s.from; y <= s.to; ++y) {
      const auto* a = ideal.find(s.pairs[p].first, y);
      const auto* b = ideal.find(s.pairs[p].second, y);
      if (a) out.at(p, y - s.from, 0) = a->first;
      if (b) out.at(p, y - s.from, 1) = b->first;
      if (a && b) {
        out.at(p, y - s.from, 2) = std::fabs(a->first - b->first);
        out.at(p, y - s.from, 3) = std::sqrt(a->second * a->second + b->second * b->second);
      }
    }
}

int ideal_last_year(Context& ctx, const DyadRequest& r) {
  auto store = store::Store::open(ctx.db_path(), false, true);
  try {
    auto ga = store.resolve_source(r.source, "ga");
    auto run = store.latest_run("ideal", ga.id);
    if (!run) return 0;
    int last = 0;
    for (const auto& p : store.load_ideal_points(run->id)) last = std::max(last, p.year);
    return last;
  } catch (const UsageError&) {
    return 0;
  }
}

// ---- Security Council: agreement with and without vetoed drafts ----------------

void fill_sc(const DyadScope& s, ChannelCells& out) {
  auto rec = channel_record(s, s.request.sc_source, Body::SecurityCouncil, false, out);
  if (!rec) return;
  auto store = store::Store::open(s.ctx.db_path(), false, true);
  std::optional<support::Record> with;
  if (vetoes::has_vetoes(store)) {
    with = *rec;
    with->dated.matrix = vetoes::with_vetoed_drafts(rec->dated.matrix, vetoes::load_vetoes(store));
    with->mask = with->dated.matrix.select({});
    with->by_year.clear();
    for (auto& p : make_periods(with->dated.matrix, PeriodKind::year, with->mask))
      with->by_year.emplace(std::stoi(p.label), std::move(p));
  } else {
    out.notes.push_back("no vetoes imported: sc_agree_with_vetoes is null");
  }
  for (std::size_t p = 0; p < s.pairs.size(); ++p)
    for (int y = s.from; y <= s.to; ++y) {
      std::size_t col = 0;
      for (const support::Record* r : {&*rec, with ? &*with : nullptr}) {
        if (r) {
          auto it = r->by_year.find(y);
          if (it != r->by_year.end()) {
            const auto v = measures::compute(
                measures::Measure::agree, support::joint_counts(*r, s.pairs[p].first, s.pairs[p].second, it->second));
            if (v.n > 0) {
              out.at(p, y - s.from, col) = v.value;
              out.at(p, y - s.from, col + 1) = v.n;
            }
          }
        }
        col += 2;
      }
    }
}

// ---- vetoes: each side's vetoes and their co-vetoes -----------------------------

bool holds_seat(const StateLine& s, int year) {
  for (int id : s.ids) {
    const std::string iso3 = support::registry_iso3(id);
    const auto seat = vetoes::permanent_seat(iso3);
    if (seat == vetoes::Seat::none) continue;
    for (Date d : {make_date(year, 1, 1), make_date(year, 12, 31)})
      if (vetoes::seat_holder(seat, d) == iso3) return true;
  }
  return false;
}

bool vetoed_by(const vetoes::Veto& v, const StateLine& s) {
  for (int id : s.ids)
    if (v.vetoed_by(support::registry_iso3(id))) return true;
  return false;
}

void fill_vetoes(const DyadScope& s, ChannelCells& out) {
  auto store = store::Store::open(s.ctx.db_path(), false, true);
  if (!vetoes::has_vetoes(store)) {
    out.notes.push_back("no vetoes imported");
    return;
  }
  const auto all = vetoes::load_vetoes(store);
  // Years the veto files speak for: from the first Council year to the newest veto listed.
  const int first = 1946, last = all.empty() ? 0 : date_year(all.back().date);
  out.notes.push_back("veto records 1946-" + std::to_string(last) + "; null for a state not holding a permanent seat");
  for (std::size_t p = 0; p < s.pairs.size(); ++p) {
    const auto& [a, b] = s.pairs[p];
    for (int y = std::max(s.from, first); y <= std::min(s.to, last); ++y) {
      const bool sa = holds_seat(a, y), sb = holds_seat(b, y);
      std::int64_t na = 0, nb = 0, both = 0;
      for (const auto& v : all) {
        if (date_year(v.date) != y) continue;
        const bool va = vetoed_by(v, a), vb = vetoed_by(v, b);
        na += va;
        nb += vb;
        both += va && vb;
      }
      if (sa) out.at(p, y - s.from, 0) = na;
      if (sb) out.at(p, y - s.from, 1) = nb;
      if (sa && sb) out.at(p, y - s.from, 2) = both;
    }
  }
}

// ---- alliance commitments by type ---------------------------------------------

const alliances::AllianceData* alliance_data_or_note(const DyadScope& s, ChannelCells& out) {
  const alliances::AllianceData* data = s.alliance_data();
  if (!data) out.notes.push_back("no alliance data imported");
  return data;
}

void fill_alliance(const DyadScope& s, ChannelCells& out) {
  const alliances::AllianceData* loaded = alliance_data_or_note(s, out);
  if (!loaded) return;
  const auto& data = *loaded;
  for (std::size_t p = 0; p < s.pairs.size(); ++p)
    for (int y = s.from; y <= s.to; ++y) {
      const auto& [a, b] = s.pairs[p];
      const std::uint8_t mask = alliances::between(data, a, b, y);
      const bool complete = data.complete(y), tied = alliances::any_tie(data, a, b, y);
      for (std::size_t k = 0; k < alliances::kObligationNames.size(); ++k) {
        const bool on = mask & (1u << k);
        if (complete || on) out.at(p, y - s.from, k) = static_cast<std::int64_t>(on ? 1 : 0);
      }
      if (complete || tied) out.at(p, y - s.from, 5) = std::string(complete ? "complete" : "treaties");
    }
}

// ---- alliance-portfolio similarity ------------------------------------------------

void fill_portfolio(const DyadScope& s, ChannelCells& out) {
  const alliances::AllianceData* loaded = alliance_data_or_note(s, out);
  if (!loaded) return;
  const auto& data = *loaded;
  alliances::StateSystem system;
  for (std::size_t p = 0; p < s.pairs.size(); ++p)
    for (int y = s.from; y <= s.to; ++y) {
      auto in_system = [&](const StateLine& line) {
        for (int id : line.ids)
          if (system.contains(y, id)) return id;
        return -1;
      };
      const int a = in_system(s.pairs[p].first), b = in_system(s.pairs[p].second);
      if (a < 0 || b < 0) continue;
      const auto sim = alliances::portfolio_similarity(data, system, a, b, y);
      if (sim.n == 0) continue;
      out.at(p, y - s.from, 0) = sim.s;
      out.at(p, y - s.from, 1) = sim.kappa;
      out.at(p, y - s.from, 2) = sim.pi;
      out.at(p, y - s.from, 3) = sim.n;
    }
}

int alliance_last_year(Context& ctx, const DyadRequest&) {
  return sql_year(ctx, "alliance_sources", "SELECT max(last_year) FROM alliance_sources");
}

ColumnSpec number(const char* name, const char* help) { return {name, ColumnType::number, help, true}; }
ColumnSpec integer(const char* name, const char* help) { return {name, ColumnType::integer, help, true}; }
ColumnSpec text(const char* name, const char* help) { return {name, ColumnType::text, help, true}; }

std::vector<DyadChannel> make_channels() {
  std::vector<DyadChannel> c;
  c.push_back({"ga",
               "General Assembly agreement (Voeten's agree: 1 - |vi - vj|/2 over joint votes, unanimous roll calls "
               "dropped), 0 to 1",
               "ga_n joint votes; [ga_lo, ga_hi] bootstrap percentile interval over roll calls",
               {number("ga_agree", "GA agreement"), integer("ga_n", "joint GA votes"),
                number("ga_lo", "lower bound of the bootstrap interval"), number("ga_hi", "upper bound")},
               fill_ga,
               [](Context& ctx, const DyadRequest& r) { return record_last_year(ctx, r.source, "ga"); }});
  c.push_back({"ideal",
               "dynamic ordinal ideal points of the latest saved run (docs/ideal-points.md), pooled SD 1; distance "
               "|ideal_a - ideal_b|",
               "ideal_distance_sd = sqrt(sd_a^2 + sd_b^2), treating the two estimates as independent",
               {number("ideal_a", "a's ideal point"), number("ideal_b", "b's ideal point"),
                number("ideal_distance", "|ideal_a - ideal_b|"), number("ideal_distance_sd", "sd of the distance")},
               fill_ideal,
               ideal_last_year});
  c.push_back({"sc",
               "Security Council agreement (agree, every roll call kept), 0 to 1; with vetoed drafts joined as failed "
               "roll calls on which only the vetoing members' No is known",
               "sc_n and sc_n_with_vetoes joint votes",
               {number("sc_agree", "SC agreement"), integer("sc_n", "joint SC votes"),
                number("sc_agree_with_vetoes", "SC agreement with vetoed drafts"),
                integer("sc_n_with_vetoes", "joint votes with vetoed drafts")},
               fill_sc,
               [](Context& ctx, const DyadRequest& r) { return record_last_year(ctx, r.sc_source, "sc"); }});
  c.push_back(
      {"vetoes",
       "vetoes cast that year by each side and drafts both vetoed (counts)",
       "complete counts of the imported veto files' years; null for a state not holding a permanent seat",
       {integer("vetoes_a", "vetoes by a"), integer("vetoes_b", "vetoes by b"),
        integer("covetoes", "drafts both vetoed")},
       fill_vetoes,
       [](Context& ctx, const DyadRequest&) { return sql_year(ctx, "vetoes", "SELECT max(date) FROM vetoes"); }});
  c.push_back({"alliance",
               "formal commitments by ATOP type in either direction (1/0)",
               "alliance_coverage: 'complete' (a source holding every commitment covers the year: 0 is a known 0) or "
               "'treaties' (only listed treaties speak: types they do not name are null)",
               {integer("defense", "defence pledge"), integer("offense", "offence pledge"),
                integer("neutral", "neutrality pledge"), integer("nonagg", "non-aggression pledge"),
                integer("consul", "consultation pledge"), text("alliance_coverage", "complete or treaties")},
               fill_alliance,
               alliance_last_year});
  c.push_back({"portfolio",
               "alliance-portfolio similarity over the COW state system: Signorino-Ritter S (-1 to 1), Haege's kappa "
               "and pi (chance-corrected), weights defense/offense 3, neutral/nonagg 2, consul 1",
               "portfolio_n states in the system; null in years no complete alliance source covers",
               {number("portfolio_s", "S"), number("portfolio_kappa", "kappa"), number("portfolio_pi", "pi"),
                integer("portfolio_n", "states in the system")},
               fill_portfolio,
               [](Context& ctx, const DyadRequest&) {
                 return sql_year(ctx, "alliance_sources",
                                 "SELECT max(last_year) FROM alliance_sources WHERE complete = 1");
               }});
  // The sanctions stance channel joins here once the sanctions stage lands: one
  // entry with its columns and a fill function in its own file.
  return c;
}

}  // namespace

const std::vector<DyadChannel>& dyad_channels() {
  static const std::vector<DyadChannel> channels = make_channels();
  return channels;
}

Table dyad_view(Context& ctx, const DyadRequest& request) {
  if (request.from && request.to && request.from > request.to)
    throw ParameterError("from", std::to_string(request.from) + " is after 'to' " + std::to_string(request.to));
  if (!(request.ci >= 0 && request.ci < 1)) throw ParameterError("ci", "expected a level in [0, 1)");
  if (request.ci > 0 && (request.boot < 10 || request.boot > 100000))
    throw ParameterError("boot", "expected 10 to 100000 replicates");
  std::vector<std::pair<StateLine, StateLine>> pairs;
  std::string label;
  if (!request.group.empty()) {
    if (!request.a.empty() || !request.b.empty()) throw ParameterError("group", "give either a and b, or a group");
    const auto g = alliances::resolve_group(request.group, "group");
    for (std::size_t i = 0; i < g.lines.size(); ++i)
      for (std::size_t j = i + 1; j < g.lines.size(); ++j) pairs.emplace_back(g.lines[i], g.lines[j]);
    label = g.name;
  } else {
    StateLine a = alliances::resolve_state(request.a, "a"), b = alliances::resolve_state(request.b, "b");
    if (a.ids == b.ids) throw ParameterError("b", "the same state as 'a'");
    pairs.emplace_back(std::move(a), std::move(b));
  }
  int from = request.from, to = request.to;
  if (!from) {
    // From the UN's first year, or the first year both states are in the state system.
    alliances::StateSystem system;
    from = 1946;
    if (pairs.size() == 1)
      for (int y = 1946; y < 2100; ++y)
        if (alliances::exists(system, pairs[0].first, y) && alliances::exists(system, pairs[0].second, y)) {
          from = y;
          break;
        }
  }
  if (!to) {
    for (const auto& ch : dyad_channels()) to = std::max(to, ch.last_year(ctx, request));
    if (!to)
      throw NotAvailableError("no data in this store for any channel: import a vote record, alliances or vetoes first");
  }
  if (to < from) to = from;
  if (to - from > 400) throw ParameterError("from", "at most 400 years in one view");
  const DyadScope scope(ctx, request, pairs, from, to);

  Table t;
  t.columns = {"year", "a", "b", "a_id", "b_id"};
  std::vector<ChannelCells> cells;
  nlohmann::json channels = nlohmann::json::array();
  for (const auto& ch : dyad_channels()) {
    cells.emplace_back(pairs.size(), scope.years(), ch.columns.size());
    ch.fill(scope, cells.back());
    std::vector<std::string> names;
    for (const auto& c : ch.columns) {
      t.columns.push_back(c.name);
      names.push_back(c.name);
    }
    channels.push_back({{"name", ch.name},
                        {"columns", names},
                        {"scale", ch.scale},
                        {"uncertainty", ch.uncertainty},
                        {"notes", cells.back().notes}});
  }
  for (std::size_t p = 0; p < pairs.size(); ++p)
    for (int y = from; y <= to; ++y) {
      const auto& [a, b] = pairs[p];
      std::vector<Cell> row{static_cast<std::int64_t>(y), a.label, b.label, a.holder(y), b.holder(y)};
      for (std::size_t c = 0; c < cells.size(); ++c)
        for (std::size_t k = 0; k < dyad_channels()[c].columns.size(); ++k) row.push_back(cells[c].at(p, y - from, k));
      t.add_row(std::move(row));
    }
  t.meta = {{"channels", channels}, {"from", from}, {"to", to}, {"composite", nullptr}};
  // Years past every channel's data (--from 2030): rows of nulls, and a reason saying where the data end.
  const bool any = std::any_of(cells.begin(), cells.end(), [](const ChannelCells& c) { return c.any(); });
  if (!any) {
    std::string ends;
    for (const auto& ch : dyad_channels())
      if (const int last = ch.last_year(ctx, request))
        ends += (ends.empty() ? "" : ", ") + ch.name + " " + std::to_string(last);
    const std::string who = label.empty() ? pairs[0].first.label + "-" + pairs[0].second.label : label;
    const std::string why = "no channel has data for " + who + " in " + std::to_string(from) + "-" +
                            std::to_string(to) +
                            (ends.empty() ? std::string() : "; the store's channels end in: " + ends);
    t.meta["reason"] = why;
    t.meta["notice"] = "rostrum: note: " + why;
  }
  if (!label.empty())
    t.meta["group"] = label;
  else {
    t.meta["a"] = pairs[0].first.label;
    t.meta["b"] = pairs[0].second.label;
  }
  return t;
}

}  // namespace rostrum::query
