#include "sanctions/analyses.hpp"

namespace rostrum::sanctions {

Table lists_table(const Dataset& d) {
  Table t;
  t.columns = {"issuer", "list", "name", "format", "entries", "delisted", "as_of", "as_of_basis", "imported_at"};
  std::vector<std::int64_t> listed(d.lists.size(), 0), delisted(d.lists.size(), 0);
  for (std::size_t i = 0; i < d.entries.size(); ++i) {
    Date last_listed = 0, last_delisted = 0;
    for (const auto& ev : d.entries[i].events) {
      if (ev.kind == EventKind::listed) last_listed = std::max(last_listed, ev.date);
      if (ev.kind == EventKind::delisted) last_delisted = std::max(last_delisted, ev.date);
    }
    bool gone = last_delisted > 0 && last_delisted >= last_listed;
    (gone ? delisted : listed)[static_cast<std::size_t>(d.entry_list[i])]++;
  }
  nlohmann::json lists = nlohmann::json::array();
  for (std::size_t li = 0; li < d.lists.size(); ++li) {
    const auto& l = d.lists[li];
    Cell as_of = l.as_of ? Cell{format_date(l.as_of)} : Cell{};
    t.add_row({l.issuer, l.key, l.name, l.format, listed[li], delisted[li], as_of,
               l.as_of_basis.empty() ? Cell{} : Cell{l.as_of_basis}, l.imported_at});
    lists.push_back({{"issuer", l.issuer},
                     {"name", l.name},
                     {"entries", listed[li]},
                     {"as_of", l.as_of ? nlohmann::json(format_date(l.as_of)) : nlohmann::json(nullptr)},
                     {"key", l.key},
                     {"format", l.format},
                     {"delisted", delisted[li]},
                     {"as_of_basis", l.as_of_basis.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.as_of_basis)},
                     {"notes", l.notes},
                     {"warnings", l.warnings}});
  }
  t.meta["lists"] = std::move(lists);
  return t;
}

}  // namespace rostrum::sanctions
