#include "sanctions/universe.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/error.hpp"
#include "registry/registry.hpp"
#include "sanctions/names.hpp"

namespace rostrum::sanctions {

Universe::Universe(Dataset data) : data_(std::move(data)) {
  records_ = build_records(data_);
  matcher_ = std::make_unique<Matcher>(records_);
}

// Links: "Linked To" names resolved to records of the same issuer by their folded
// names (primary or alias); computed on first use (matching does not need them).
void Universe::resolve_links() const {
  links_.assign(records_.size(), {});
  std::unordered_map<std::string, std::vector<int>> by_name;
  for (std::size_t r = 0; r < records_.size(); ++r)
    for (const auto& n : records_[r].names)
      if (n.kind != NameKind::weak) by_name[records_[r].issuer + '\t' + n.folded].push_back(static_cast<int>(r));
  for (std::size_t r = 0; r < records_.size(); ++r) {
    for (const auto& link : records_[r].links) {
      auto it = by_name.find(records_[r].issuer + '\t' + names::fold(link));
      if (it == by_name.end()) continue;
      for (int target : it->second) {
        if (target == static_cast<int>(r)) continue;
        links_[r].push_back(target);
        links_[static_cast<std::size_t>(target)].push_back(static_cast<int>(r));
      }
    }
  }
  for (auto& l : links_) {
    std::sort(l.begin(), l.end());
    l.erase(std::unique(l.begin(), l.end()), l.end());
  }
}

const std::vector<int>& Universe::entities() const {
  std::call_once(entities_once_, [this] {
    entities_ = cluster_records(*matcher_, kMatchThreshold);
    entity_count_ = entities_.empty() ? 0 : *std::max_element(entities_.begin(), entities_.end()) + 1;
  });
  return entities_;
}

int Universe::entity_count() const {
  entities();
  return entity_count_;
}

std::vector<int> Universe::records_of(std::string_view issuer) const {
  std::vector<int> out;
  for (std::size_t i = 0; i < records_.size(); ++i)
    if (records_[i].issuer == issuer) out.push_back(static_cast<int>(i));
  return out;
}

std::vector<std::string> Universe::issuers() const {
  std::vector<std::string> found;
  for (const auto& l : data_.lists)
    if (std::find(found.begin(), found.end(), l.issuer) == found.end()) found.push_back(l.issuer);
  static const std::vector<std::string> order = {"US", "EU", "UN", "CN"};
  std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
    auto ia = std::find(order.begin(), order.end(), a), ib = std::find(order.begin(), order.end(), b);
    if (ia != ib) return ia < ib;
    return a < b;
  });
  return found;
}

std::vector<int> Universe::linked(int r) const {
  std::call_once(links_once_, [this] { resolve_links(); });
  return links_[static_cast<std::size_t>(r)];
}

std::shared_ptr<const Universe> load_universe(const std::string& db_path) {
  return std::make_shared<const Universe>(load_dataset(db_path));
}

std::shared_ptr<const Universe> cached_universe(const std::string& db_path) {
  static std::mutex mutex;
  static std::map<std::string, std::pair<std::string, std::shared_ptr<const Universe>>> cache;
  std::string version;
  {
    auto s = store::Store::open(db_path, false, true);
    version = data_version(s);
  }
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(db_path);
  if (it != cache.end() && it->second.first == version && !version.empty()) return it->second.second;
  auto u = load_universe(db_path);
  cache[db_path] = {version, u};
  return u;
}

std::string parse_issuer(std::string_view text, std::string_view parameter) {
  std::string t;
  for (char c : text) t += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (t == "US" || t == "USA" || t == "OFAC") return "US";
  if (t == "EU" || t == "EUROPEAN UNION") return "EU";
  if (t == "UN" || t == "UNSC" || t == "UNITED NATIONS") return "UN";
  if (t == "CN" || t == "CHN" || t == "CHINA") return "CN";
  throw ParameterError(std::string(parameter), "unknown issuer '" + std::string(text) + "' (US, EU, UN or CN)");
}

std::string parse_country(std::string_view text, std::string_view parameter) {
  if (const auto* c = registry::lookup(text)) return std::string(c->iso3);
  throw ParameterError(std::string(parameter), "unknown country '" + std::string(text) + "'");
}

Date parse_bound(std::string_view text, bool end, std::string_view parameter) {
  if (text.empty()) return 0;
  if (auto d = parse_date_bound(text, end)) return *d;
  throw ParameterError(std::string(parameter), "'" + std::string(text) + "' is not a date (YYYY or YYYY-MM-DD)");
}

}  // namespace rostrum::sanctions
