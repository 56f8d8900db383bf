#include "query/query.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "matrix/vote_matrix.hpp"
#include "query/catalogue.hpp"
#include "query/selection.hpp"
#include "registry/registry.hpp"
#include "registry/seats.hpp"
#include "store/store.hpp"

namespace rostrum::query {

Context::Context(std::string db_path) : db_path_(std::move(db_path)) {}
Context::~Context() = default;

std::shared_ptr<const VoteMatrix> Context::matrix(std::string_view source, std::string_view body) {
  const Body b = body == "sc" ? Body::SecurityCouncil : Body::GeneralAssembly;
  store::SourceSummary summary;
  std::string key;
  store::Store::MatrixOrigin origin{};
  std::shared_ptr<VoteMatrix> m;
  {
    // Resolve the source name first (cheap) so the cache key is the concrete source.
    auto store = store::Store::open(db_path_, false, true);
    summary = store.resolve_source(std::string(source), std::string(body));
    key = std::to_string(summary.id) + "/" + summary.body + "/" + summary.imported_at;
    {
      std::lock_guard lock(mutex_);
      auto it = cache_.find(key);
      if (it != cache_.end()) return it->second;
    }
    m = std::make_shared<VoteMatrix>(store.load_matrix(summary.id, b, &origin));
  }
  if (origin == store::Store::MatrixOrigin::rows && !read_only_) {
    // No current snapshot: written once through a writer, so the next process
    // reads one blob. The reader above is closed first: the writer, closing last,
    // then copies the write-ahead log into the database file. Best effort: a
    // store that cannot be written still answers.
    try {
      store::Store::open(db_path_, false, false).save_snapshot(summary.id, b, summary.imported_at, *m);
    } catch (const std::exception&) {
    }
  }
  std::lock_guard lock(mutex_);
  return cache_.emplace(key, std::move(m)).first->second;
}

namespace {

// What a user asking for a state across a change of seat must know (registry/seats.hpp):
// whose votes its series carries, and whose votes under its name are not in it.
std::vector<std::string> seat_notes(const Request& request) {
  std::vector<std::string> states;
  for (const auto& p : request.spec().params) {
    if (p.type != ParamType::countries || !request.has(p.name)) continue;
    const std::string& text = request.text(p.name);
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find_first_of(",+", start);
      if (end == std::string::npos) end = text.size();
      if (const auto* c = registry::lookup(trim(std::string_view(text).substr(start, end - start))))
        if (std::find(states.begin(), states.end(), c->iso3) == states.end()) states.emplace_back(c->iso3);
      start = end + 1;
    }
  }
  // The dates the request covers, from its years and from/to (sessions leave them open):
  // a note on a change of seat before or after them is noise ("CHN ... until 1971" for 2030).
  Date lo = registry::kDateMin, hi = registry::kDateMax;
  try {
    const RollCallFilter f = parse_selection(request).filter;
    if (!f.date_spans.empty()) {
      lo = registry::kDateMax;
      hi = registry::kDateMin;
      for (const auto& [a, b] : f.date_spans) lo = std::min(lo, a), hi = std::max(hi, b);
    }
    if (f.date_from) lo = std::max(lo, *f.date_from);
    if (f.date_to) hi = std::min(hi, *f.date_to);
  } catch (const std::exception&) {
    // A selection the analysis rejects: every note applies.
  }
  std::vector<std::string> notes;
  for (const auto& iso3 : states) {
    for (const auto& c : registry::continuations()) {
      if (c.successor == iso3 && lo < c.on)
        notes.push_back(iso3 + "'s series carries " + std::string(c.predecessor) + "'s votes before " +
                        format_date(c.on) + " (" + std::string(c.why) + ")");
      if (c.predecessor == iso3)
        notes.push_back(iso3 + "'s votes are in the series of " + std::string(c.successor) +
                        ", which continues its membership from " + format_date(c.on) + ": ask for " +
                        std::string(c.successor));
    }
    // A seat held under this state's name by another government (the China seat): the
    // earlier holder's votes stay its own.
    for (const auto& rule : registry::seat_rules()) {
      if (rule.label != iso3 || rule.holder.empty() || rule.holder == iso3) continue;
      if (registry::series_of(rule.holder) == iso3) continue;  // joined by a continuation (above)
      if (hi < rule.from || lo > rule.to) continue;            // the request is outside the rule's dates
      notes.push_back(
          "votes a source labels " + iso3 + (rule.from == registry::kDateMin ? "" : " from " + format_date(rule.from)) +
          (rule.to == registry::kDateMax ? "" : " until " + format_date(rule.to)) + " are " + std::string(rule.holder) +
          "'s (" + std::string(rule.why) + "), not in " + iso3 + "'s series: ask for " + std::string(rule.holder));
    }
  }
  return notes;
}

}  // namespace

Table run(Context& ctx, std::string_view name, const Params& params) {
  const AnalysisSpec* spec = find_analysis(name);
  if (!spec) throw UsageError("unknown analysis '" + std::string(name) + "' (see rostrum --help or /api)");
  Request request = validate(*spec, params);
  Table t;
  try {
    t = spec->run(ctx, request);
  } catch (const ParameterError& e) {
    // "CHN has no votes in 1950" is answered by the seat's history.
    auto notes = seat_notes(request);
    if (notes.empty()) throw;
    std::string detail = e.detail();
    for (const auto& n : notes) detail += "; " + n;
    throw ParameterError(e.parameter(), detail);
  }
  add_seat_notes(request, t.meta);
  return t;
}

void add_seat_notes(const Request& request, nlohmann::json& meta) {
  auto notes = seat_notes(request);
  if (notes.empty()) return;
  if (!meta.is_object()) meta = nlohmann::json::object();
  meta["seat_notes"] = notes;
}

}  // namespace rostrum::query
