// The record in the store: rebuilt from the sources after every import
// (restitch), loaded as a VoteMatrix, and read back for `info` and the conflicts
// listing. The composition rules are in record.hpp; docs/store.md describes the
// tables.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <array>
#include <bit>
#include <map>
#include <set>
#include <unordered_map>

#include "classify/issues.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"
#include "store/record.hpp"
#include "store/store.hpp"
#include "store/store_internal.hpp"

namespace rostrum::store {

namespace {

struct SourceRow {
  std::int64_t id = 0;
  std::string name, format;
};

// What the record needs of a roll call besides the stitcher's Item.
struct RollMeta {
  std::int64_t source_id = 0;
  Body body = Body::GeneralAssembly;
  Date date = 0;
  std::string title, description, subjects;
  std::uint8_t issues = 0;
};

constexpr int kValidationYears = 10;  // held-out years of the issue classifier's evaluation

int body_index(Body b) { return b == Body::SecurityCouncil ? 1 : 0; }

void set_bit(std::vector<std::uint64_t>& v, int c) {
  v[static_cast<std::size_t>(c) / 64] |= std::uint64_t{1} << (c % 64);
}

}  // namespace

void Store::restitch() {
  SQLite::Database& db = *db_;
  db.exec(
      "DELETE FROM record_rollcalls; DELETE FROM record_matches; DELETE FROM record_conflicts; "
      "DELETE FROM record_issue_model;");
  std::vector<SourceRow> sources;
  {
    SQLite::Statement q(db, "SELECT id, name, format FROM sources WHERE format != 'record' ORDER BY id");
    while (q.executeStep())
      sources.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  }
  std::int64_t record_source = -1;
  {
    SQLite::Statement q(db, "SELECT id FROM sources WHERE format = 'record'");
    if (q.executeStep()) record_source = q.getColumn(0).getInt64();
  }
  if (record_source < 0) {
    SQLite::Statement ins(db,
                          "INSERT INTO sources (name, format, paths, imported_at, notes, warnings) VALUES (?, "
                          "'record', '[]', ?, '[]', '{}')");
    ins.bind(1, std::string(kRecordName));
    ins.bind(2, now_utc(true));
    ins.exec();
    record_source = db.getLastInsertRowid();
  } else {
    // The record's version: runs estimated on an earlier record are not current.
    SQLite::Statement up(db, "UPDATE sources SET imported_at = ? WHERE id = ?");
    up.bind(1, now_utc(true));
    up.bind(2, record_source);
    up.exec();
  }
  {
    SQLite::Statement del(db, "DELETE FROM source_stats WHERE source_id = ?");
    del.bind(1, record_source);
    del.exec();
  }

  // Countries: store ids <-> registry indices (the stitcher's vote bit sets).
  const auto n_registry = registry::countries().size();
  const std::size_t words = (n_registry + 63) / 64;
  std::vector<int> registry_of_id;
  std::vector<std::int64_t> id_of_registry(n_registry, -1);
  {
    SQLite::Statement q(db, "SELECT id, iso3 FROM countries");
    while (q.executeStep()) {
      const auto id = static_cast<std::size_t>(q.getColumn(0).getInt64());
      const int r = registry::index_of_iso3(q.getColumn(1).getString());
      if (registry_of_id.size() <= id) registry_of_id.resize(id + 1, -1);
      registry_of_id[id] = r;
      if (r >= 0) id_of_registry[static_cast<std::size_t>(r)] = static_cast<std::int64_t>(id);
    }
  }

  // Roll calls of every source, by source and body.
  std::map<std::int64_t, std::array<std::vector<record::Item>, 2>> items;
  std::unordered_map<std::int64_t, RollMeta> meta;
  std::map<std::int64_t, std::string> format_of, name_of;
  for (const auto& s : sources) format_of[s.id] = s.format, name_of[s.id] = s.name;
  {
    SQLite::Statement q(db, R"SQL(SELECT id, source_id, body, date, symbol, title, description, subjects, amendment,
                                         paragraph, issues FROM rollcalls ORDER BY id)SQL");
    while (q.executeStep()) {
      record::Item it;
      it.id = q.getColumn(0).getInt64();
      RollMeta m;
      m.source_id = q.getColumn(1).getInt64();
      m.body = q.getColumn(2).getString() == "sc" ? Body::SecurityCouncil : Body::GeneralAssembly;
      it.date = m.date = parse_date(q.getColumn(3).getString()).value_or(0);
      it.symbol = q.getColumn(4).getString();
      it.title = m.title = q.getColumn(5).getString();
      m.description = q.getColumn(6).getString();
      m.subjects = q.getColumn(7).getString();
      it.amendment = q.getColumn(8).getInt() != 0;
      it.paragraph = q.getColumn(9).getInt() != 0;
      m.issues = static_cast<std::uint8_t>(q.getColumn(10).getInt());
      items[m.source_id][static_cast<std::size_t>(body_index(m.body))].push_back(std::move(it));
      meta.emplace(items[m.source_id][static_cast<std::size_t>(body_index(m.body))].back().id, std::move(m));
    }
  }

  // Votes of a source, read once for both bodies (its roll-call ids are one range).
  std::set<std::int64_t> votes_read;
  auto load_votes = [&](const std::vector<std::int64_t>& source_ids) {
    std::vector<record::Item*> by_id;  // roll-call id -> item (ids are dense)
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    for (std::int64_t sid : source_ids) {
      if (!votes_read.insert(sid).second) continue;
      std::int64_t lo = -1, hi = -1;
      for (auto& list : items[sid])
        for (auto& it : list) {
          it.yes.assign(words, 0), it.abstain.assign(words, 0), it.no.assign(words, 0), it.nonvoting.assign(words, 0);
          if (by_id.size() <= static_cast<std::size_t>(it.id))
            by_id.resize(static_cast<std::size_t>(it.id) + 1, nullptr);
          by_id[static_cast<std::size_t>(it.id)] = &it;
          lo = lo < 0 ? it.id : std::min(lo, it.id);
          hi = std::max(hi, it.id);
        }
      if (lo >= 0) ranges.emplace_back(lo, hi);
    }
    for (const auto& range : ranges) {
      auto bind = [&range](sqlite3_stmt* q) {
        sqlite3_bind_int64(q, 1, range.first);
        sqlite3_bind_int64(q, 2, range.second);
      };
      for_each_vote_row(db, "SELECT rollcall_id, country_id, vote FROM votes WHERE rollcall_id BETWEEN ? AND ?", bind,
                        [&](std::int64_t rid, std::int64_t cid64, int v) {
                          record::Item* item = rid >= 0 && static_cast<std::size_t>(rid) < by_id.size()
                                                   ? by_id[static_cast<std::size_t>(rid)]
                                                   : nullptr;
                          if (!item) return;
                          const auto cid = static_cast<std::size_t>(cid64);
                          const int c = cid < registry_of_id.size() ? registry_of_id[cid] : -1;
                          if (c < 0) return;
                          switch (static_cast<Vote>(v)) {
                            case Vote::Yes:
                              set_bit(item->yes, c);
                              break;
                            case Vote::Abstain:
                              set_bit(item->abstain, c);
                              break;
                            case Vote::No:
                              set_bit(item->no, c);
                              break;
                            case Vote::NonVoting:
                              set_bit(item->nonvoting, c);
                              break;
                            default:
                              break;
                          }
                        });
    }
  };

  struct BodyResult {
    Body body;
    std::vector<record::Source> sources;  // precedence order
    std::vector<std::string> names;       // of those sources
    std::vector<std::int64_t> ids;        // their source ids
    record::Result result;
    bool votes_loaded = false;
  };
  std::vector<BodyResult> bodies;
  for (Body body : {Body::GeneralAssembly, Body::SecurityCouncil}) {
    const auto b = static_cast<std::size_t>(body_index(body));
    std::vector<std::int64_t> holding;  // import order
    for (const auto& s : sources)
      if (!items[s.id][b].empty()) holding.push_back(s.id);
    if (holding.empty()) continue;
    BodyResult br;
    br.body = body;
    // Votes are needed to match and to find conflicts only when sources overlap.
    br.votes_loaded = holding.size() >= 2;
    if (br.votes_loaded) load_votes(holding);
    std::vector<std::string> formats;
    formats.reserve(holding.size());
    for (std::int64_t sid : holding) formats.push_back(format_of[sid]);
    for (std::size_t k : record::order_sources(formats)) {
      const std::int64_t sid = holding[k];
      br.sources.push_back({format_of[sid], std::move(items[sid][b])});
      br.names.push_back(name_of[sid]);
      br.ids.push_back(sid);
    }
    br.result = record::stitch(br.sources);
    bodies.push_back(std::move(br));
  }

  // Per record roll call: the matched roll calls in precedence order, then the
  // record's date, the UN Library's title and the issue codes.
  struct Entry {
    std::int64_t id = 0;
    Body body = Body::GeneralAssembly;
    Date date = 0;
    std::string library_title;
    std::uint8_t issues = 0;
    bool truth = false, predicted = false;
  };
  std::vector<Entry> entries;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> group;
  for (const auto& br : bodies) {
    for (const auto& m : br.result.matches) group[m.record].push_back(m.rollcall);
    for (std::int64_t id : br.result.record) {
      const RollMeta& k = meta.at(id);
      Entry e;
      e.id = id;
      e.body = br.body;
      e.date = k.date;
      const std::string& kf = format_of[k.source_id];
      bool dated = record::has_exact_dates(kf);
      if (kf == "undl" || kf == "wide") e.library_title = k.title;
      for (std::int64_t other : group[id]) {
        const RollMeta& o = meta.at(other);
        const std::string& of = format_of[o.source_id];
        if (!dated && record::has_exact_dates(of)) e.date = o.date, dated = true;
        if (e.library_title.empty() && (of == "undl" || of == "wide")) e.library_title = o.title;
      }
      e.truth = record::has_issue_codes(kf);
      e.issues = e.truth ? k.issues : 0;
      entries.push_back(std::move(e));
    }
  }

  // Issue codes after the source that has them: the classifier, trained on the
  // General Assembly roll calls whose codes are known (classify/issues.hpp).
  nlohmann::json model_note = nullptr;
  {
    std::vector<classify::Example> truth, held_out, train_early;
    int last_truth = 0;
    for (const auto& e : entries)
      if (e.truth && e.body == Body::GeneralAssembly) last_truth = std::max(last_truth, date_year(e.date));
    for (const auto& e : entries) {
      if (!e.truth || e.body != Body::GeneralAssembly) continue;
      const RollMeta& k = meta.at(e.id);
      classify::Example ex{date_year(e.date), k.title + " " + k.description + " " + e.library_title, e.issues};
      if (ex.year <= last_truth - kValidationYears) train_early.push_back(ex);
      // Held out, the model reads what it reads in use: the UN Library's title.
      else if (!e.library_title.empty())
        held_out.push_back({ex.year, e.library_title, e.issues});
      truth.push_back(std::move(ex));
    }
    const bool any_to_predict = std::any_of(entries.begin(), entries.end(),
                                            [](const Entry& e) { return !e.truth && e.body == Body::GeneralAssembly; });
    if (truth.size() >= 200 && any_to_predict) {
      if (held_out.size() >= 50 && train_early.size() >= 200) {
        const auto scores =
            classify::evaluate(classify::IssueClassifier::train(train_early, kValidationYears), held_out);
        const std::string train_years = "to " + std::to_string(last_truth - kValidationYears);
        const std::string test_years =
            std::to_string(last_truth - kValidationYears + 1) + "-" + std::to_string(last_truth);
        SQLite::Statement ins(db, "INSERT INTO record_issue_model VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        model_note = nlohmann::json::array();
        for (const auto& s : scores) {
          ins.bind(1, s.code);
          ins.bind(2, train_years);
          ins.bind(3, test_years);
          ins.bind(4, s.n);
          ins.bind(5, s.tp);
          ins.bind(6, s.fp);
          ins.bind(7, s.fn);
          ins.bind(8, s.tn);
          ins.bind(9, s.accuracy);
          ins.bind(10, s.always_no);
          ins.bind(11, s.precision);
          ins.bind(12, s.recall);
          ins.bind(13, s.f1);
          ins.bind(14, s.threshold);
          ins.exec();
          ins.reset();
          model_note.push_back({{"code", s.code}, {"accuracy", s.accuracy}, {"f1", s.f1}});
        }
      }
      const auto model = classify::IssueClassifier::train(truth, kValidationYears);
      for (auto& e : entries) {
        if (e.truth || e.body != Body::GeneralAssembly) continue;
        const RollMeta& k = meta.at(e.id);
        e.issues = model.predict(k.title + " " + k.description + " " + k.subjects);
        e.predicted = true;
      }
    }
  }

  // Write the record.
  {
    SQLite::Statement ins(db, "INSERT INTO record_rollcalls VALUES (?,?,?,?,?,?)");
    for (const auto& e : entries) {
      ins.bind(1, e.id);
      ins.bind(2, std::string(body_code(e.body)));
      ins.bind(3, format_date(e.date));
      if (e.library_title.empty())
        ins.bind(4);
      else
        ins.bind(4, e.library_title);
      ins.bind(5, static_cast<int>(e.issues));
      ins.bind(6, e.predicted ? 1 : 0);
      ins.exec();
      ins.reset();
    }
  }
  nlohmann::json note;
  note["precedence"] = nlohmann::json::object();
  nlohmann::json by_method = nlohmann::json::object();
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> pair_count;
  std::int64_t conflict_count = 0;
  {
    SQLite::Statement ins(db, "INSERT INTO record_matches VALUES (?,?,?,?)");
    SQLite::Statement conf(db, "INSERT INTO record_conflicts VALUES (?,?,?,?,?)");
    for (const auto& br : bodies) {
      note["precedence"][std::string(body_code(br.body))] = br.names;
      for (const auto& m : br.result.matches) {
        ins.bind(1, m.rollcall);
        ins.bind(2, m.record);
        ins.bind(3, m.method);
        if (m.agreement < 0)
          ins.bind(4);
        else
          ins.bind(4, m.agreement);
        ins.exec();
        ins.reset();
        by_method[m.method] = by_method.value(m.method, 0) + 1;
        pair_count[{meta.at(m.record).source_id, meta.at(m.rollcall).source_id}]++;
      }
      for (const auto& c : br.result.conflicts) {
        conf.bind(1, c.record);
        conf.bind(2, c.other);
        conf.bind(3, id_of_registry[static_cast<std::size_t>(c.country)]);
        conf.bind(4, static_cast<int>(c.kept));
        conf.bind(5, static_cast<int>(c.other_vote));
        conf.exec();
        conf.reset();
        ++conflict_count;
      }
    }
  }
  note["matches"] = by_method;
  note["conflicts"] = conflict_count;
  note["pairs"] = nlohmann::json::array();
  for (const auto& [p, n] : pair_count)
    note["pairs"].push_back({{"kept", name_of[p.first]}, {"duplicate", name_of[p.second]}, {"rollcalls", n}});
  note["issue_model"] = model_note;

  // Summary counts, as for a source.
  for (const auto& br : bodies) {
    std::int64_t n = 0, counts[5] = {0, 0, 0, 0, 0};
    Date first = 0, last = 0;
    for (const auto& e : entries) {
      if (e.body != br.body) continue;
      ++n;
      if (!first || e.date < first) first = e.date;
      last = std::max(last, e.date);
    }
    if (br.votes_loaded) {
      std::unordered_map<std::int64_t, const record::Item*> item_of;
      for (const auto& s : br.sources)
        for (const auto& it : s.items) item_of.emplace(it.id, &it);
      for (std::int64_t id : br.result.record) {
        const record::Item& it = *item_of.at(id);
        for (std::size_t w = 0; w < it.yes.size(); ++w) {
          counts[1] += std::popcount(it.yes[w]);
          counts[2] += std::popcount(it.abstain[w]);
          counts[3] += std::popcount(it.no[w]);
          counts[4] += std::popcount(it.nonvoting[w]);
        }
      }
    } else {
      // One source: the record is that source.
      SQLite::Statement q(db, "SELECT yes, abstain, no, nonvoting FROM source_stats WHERE source_id = ? AND body = ?");
      q.bind(1, br.ids.front());
      q.bind(2, std::string(body_code(br.body)));
      if (q.executeStep())
        for (int k = 0; k < 4; ++k) counts[k + 1] = q.getColumn(k).getInt64();
    }
    SQLite::Statement st(db, "INSERT INTO source_stats VALUES (?,?,?,?,?,?,?,?,?)");
    st.bind(1, record_source);
    st.bind(2, std::string(body_code(br.body)));
    st.bind(3, n);
    st.bind(4, format_date(first));
    st.bind(5, format_date(last));
    st.bind(6, counts[1]);
    st.bind(7, counts[3]);
    st.bind(8, counts[2]);
    st.bind(9, counts[4]);
    st.exec();
  }
  SQLite::Statement up(db, "UPDATE sources SET notes = ? WHERE id = ?");
  up.bind(1, note.dump());
  up.bind(2, record_source);
  up.exec();
}

VoteMatrix Store::load_record_matrix(Body body) const {
  SQLite::Database& db = *db_;
  const std::string b(body_code(body));
  SQLite::Statement qr(db, R"SQL(
    SELECT r.id, r.key, r.session, r.session_label, rr.date, r.symbol, r.title, r.description, r.important,
           r.amendment, r.paragraph, rr.issues, r.subjects, rr.library_title, rr.issues_predicted, s.name
    FROM record_rollcalls rr JOIN rollcalls r ON r.id = rr.rollcall_id JOIN sources s ON s.id = r.source_id
    WHERE rr.body = ? ORDER BY rr.rollcall_id)SQL");
  qr.bind(1, b);
  std::vector<RollCallInfo> rollcalls;
  std::unordered_map<std::int64_t, int> index;
  while (qr.executeStep()) {
    RollCallInfo info = read_rollcall(qr, body);
    info.library_title = qr.getColumn(13).getString();
    info.issues_predicted = qr.getColumn(14).getInt() != 0;
    info.source = qr.getColumn(15).getString();
    index.emplace(info.id, static_cast<int>(rollcalls.size()));
    rollcalls.push_back(std::move(info));
  }
  std::vector<std::tuple<int, std::int64_t, int>> votes;
  // Roll-call id -> matrix column through an offset table: ids are dense.
  std::int64_t lo = 0, hi = -1;
  for (const auto& [id, k] : index) lo = hi < 0 ? id : std::min(lo, id), hi = std::max(hi, id);
  std::vector<int> column(static_cast<std::size_t>(hi - lo + 1), -1);
  for (const auto& [id, k] : index) column[static_cast<std::size_t>(id - lo)] = k;
  votes.reserve(index.size() * 150);
  for_each_vote_row(
      db,
      "SELECT v.rollcall_id, v.country_id, v.vote FROM record_rollcalls rr JOIN votes v ON v.rollcall_id = "
      "rr.rollcall_id WHERE rr.body = ?",
      [&](sqlite3_stmt* q) { sqlite3_bind_text(q, 1, b.c_str(), -1, SQLITE_TRANSIENT); },
      [&](std::int64_t rid, std::int64_t cid, int v) {
        votes.emplace_back(column[static_cast<std::size_t>(rid - lo)], cid, v);
      });
  return build_series_matrix(db, std::move(rollcalls), votes);
}

std::vector<Store::YearCoverage> Store::record_coverage() const {
  std::vector<YearCoverage> out;
  try {
    SQLite::Statement q(*db_, R"SQL(
      SELECT CAST(substr(rr.date, 1, 4) AS INTEGER) AS y, rr.body, count(*), group_concat(DISTINCT s.name)
      FROM record_rollcalls rr JOIN rollcalls r ON r.id = rr.rollcall_id JOIN sources s ON s.id = r.source_id
      GROUP BY y, rr.body ORDER BY y, rr.body)SQL");
    while (q.executeStep())
      out.push_back(
          {q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getInt64(), q.getColumn(3).getString()});
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + path_ + "': " + e.what());
  }
  return out;
}

nlohmann::json Store::record_stitch_summary() const {
  SQLite::Statement q(*db_, "SELECT notes FROM sources WHERE format = 'record'");
  if (!q.executeStep()) return nlohmann::json::object();
  auto j = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
  return j.is_discarded() || !j.is_object() ? nlohmann::json::object() : j;
}

std::vector<ConflictRow> Store::conflicts(const ConflictFilter& f) const {
  std::vector<ConflictRow> out;
  try {
    SQLite::Statement q(*db_, R"SQL(
      SELECT rr.body, rr.date, kr.symbol, ks.name, os.name, orc.symbol, m.method, c.iso3, rc.kept, rc.other
      FROM record_conflicts rc
      JOIN record_rollcalls rr ON rr.rollcall_id = rc.record_id
      JOIN rollcalls kr ON kr.id = rc.record_id JOIN sources ks ON ks.id = kr.source_id
      JOIN rollcalls orc ON orc.id = rc.other_id JOIN sources os ON os.id = orc.source_id
      JOIN record_matches m ON m.rollcall_id = rc.other_id
      JOIN countries c ON c.id = rc.country_id
      WHERE (?1 = '' OR rr.body = ?1) AND (?2 = '' OR c.iso3 = ?2) AND rr.date >= ?3 AND rr.date <= ?4
        AND (?5 = '' OR ks.name = ?5 OR os.name = ?5)
      ORDER BY rr.date, kr.symbol, c.iso3 LIMIT ?6)SQL");
    q.bind(1, f.body);
    q.bind(2, f.country);
    q.bind(3, format_date(f.from ? f.from : 10101));
    q.bind(4, format_date(f.to));
    q.bind(5, f.source);
    q.bind(6, f.limit);
    while (q.executeStep()) {
      ConflictRow r;
      r.body = q.getColumn(0).getString();
      r.date = q.getColumn(1).getString();
      r.symbol = q.getColumn(2).getString();
      r.kept_source = q.getColumn(3).getString();
      r.other_source = q.getColumn(4).getString();
      r.other_symbol = q.getColumn(5).getString();
      r.method = q.getColumn(6).getString();
      r.country = q.getColumn(7).getString();
      r.kept = static_cast<Vote>(q.getColumn(8).getInt());
      r.other = static_cast<Vote>(q.getColumn(9).getInt());
      out.push_back(std::move(r));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + path_ + "': " + e.what());
  }
  return out;
}

std::vector<IssueModelScore> Store::issue_model_scores() const {
  std::vector<IssueModelScore> out;
  SQLite::Statement q(*db_, R"SQL(SELECT code, train_years, test_years, n, tp, fp, fn, tn, accuracy, always_no,
                                         precision, recall, f1, threshold FROM record_issue_model)SQL");
  while (q.executeStep()) {
    IssueModelScore s;
    s.code = q.getColumn(0).getString();
    s.train_years = q.getColumn(1).getString();
    s.test_years = q.getColumn(2).getString();
    s.n = q.getColumn(3).getInt64();
    s.tp = q.getColumn(4).getInt64();
    s.fp = q.getColumn(5).getInt64();
    s.fn = q.getColumn(6).getInt64();
    s.tn = q.getColumn(7).getInt64();
    s.accuracy = q.getColumn(8).getDouble();
    s.always_no = q.getColumn(9).getDouble();
    s.precision = q.getColumn(10).getDouble();
    s.recall = q.getColumn(11).getDouble();
    s.f1 = q.getColumn(12).getDouble();
    s.threshold = q.getColumn(13).getDouble();
    out.push_back(std::move(s));
  }
  // In the classifier's code order (me nu di hr co ec), not alphabetical.
  std::sort(out.begin(), out.end(), [](const IssueModelScore& a, const IssueModelScore& b) {
    auto pos = [](const std::string& c) {
      return std::find(classify::kCodeNames.begin(), classify::kCodeNames.end(), c) - classify::kCodeNames.begin();
    };
    return pos(a.code) < pos(b.code);
  });
  return out;
}

}  // namespace rostrum::store
