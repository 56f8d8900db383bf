// Everything the sanctions analyses share, built once from the store: the lists,
// the designations (records), the matcher and the entities (designations joined by
// matching). Immutable after construction; safe to share between threads.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "sanctions/match.hpp"
#include "sanctions/records.hpp"
#include "sanctions/store.hpp"

namespace rostrum::sanctions {

class Universe {
 public:
  explicit Universe(Dataset data);
  const Dataset& data() const { return data_; }
  const std::vector<Record>& records() const { return records_; }
  const Matcher& matcher() const { return *matcher_; }
  // Entity id of each record (cluster_records at kMatchThreshold), computed on first use.
  const std::vector<int>& entities() const;
  int entity_count() const;
  // Records of an issuer ("US", "EU", ...), in record order.
  std::vector<int> records_of(std::string_view issuer) const;
  // Issuers present, in a fixed order (US, EU, UN, CN, then others alphabetically).
  std::vector<std::string> issuers() const;
  // Records of the same issuer that `r` names in its "Linked To" remarks (exact
  // folded names), and the records naming `r`.
  std::vector<int> linked(int r) const;

 private:
  Dataset data_;
  std::vector<Record> records_;
  std::unique_ptr<Matcher> matcher_;
  mutable std::once_flag entities_once_;
  mutable std::vector<int> entities_;
  mutable int entity_count_ = 0;
  void resolve_links() const;
  mutable std::once_flag links_once_;
  mutable std::vector<std::vector<int>> links_;
};

// Loads the store's sanctions data (NotAvailableError when there is none).
std::shared_ptr<const Universe> load_universe(const std::string& db_path);
// The same, kept in memory for the process while the store's sanctions data stay
// the same (data_version): a server loads and matches once, not per request.
// Thread-safe.
std::shared_ptr<const Universe> cached_universe(const std::string& db_path);

// An issuer code as users write it ("us", "EU", "un", "china" -> "CN"); UsageError
// naming the parameter when unknown.
std::string parse_issuer(std::string_view text, std::string_view parameter);

// A country in any form the registry knows ("RUS", "RU", "365", "Russia") as ISO3;
// UsageError naming the parameter when unknown.
std::string parse_country(std::string_view text, std::string_view parameter);

// A period bound "YYYY" or "YYYY-MM-DD" (start of the year for `from`, end for
// `to`); 0 for ""; UsageError naming the parameter when malformed.
Date parse_bound(std::string_view text, bool end, std::string_view parameter);

}  // namespace rostrum::sanctions
