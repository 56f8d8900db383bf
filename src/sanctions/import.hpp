// The sanctions importers: each reads one list format into a SanctionsList in
// memory, validating everything; nothing touches the store (see sanctions/store.hpp).
// A malformed file throws InputError naming the file, the line (or XML element)
// and the field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "sanctions/model.hpp"

namespace rostrum::sanctions {

struct ImportOptions {
  Date as_of = 0;  // snapshot date for lists that state none (OFAC legacy CSV); 0 = unknown
};

// OFAC legacy CSV: `primary` is sdn.csv or cons_prim.csv (optionally .gz); the
// companion files beside it (add, alt, sdn_comments / cons_add, cons_alt,
// cons_comments) are read when present.
SanctionsList read_ofac_legacy(const std::string& primary, const ImportOptions& options = {});

// OFAC SDN history: `base` is sdn_base_YYYY-MM-DD.csv[.gz] (the list on that day,
// legacy layout), with sdn_changes.csv[.gz] beside it (date, op, then the row).
SanctionsList read_ofac_history(const std::string& base);

// UN Security Council consolidated list (XML).
SanctionsList read_un_xml(const std::string& path);

// EU Official Journal extraction: a tar.gz of per-regulation CSVs, or one such CSV.
SanctionsList read_eu_journal(const std::string& path);

// China's counter-sanctions CSV.
SanctionsList read_cn_csv(const std::string& path);

// The sector of one of China's listings, from its type ("Person", "Company",
// "Organization"), the list or instrument, topics, name and summary
// (docs/sanctions.md, "Counter-sanctions").
std::string cn_sector(std::string_view type, std::string_view list, std::string_view topics, std::string_view name,
                      std::string_view summary);

// Every list under `path` (a directory, searched recursively) or the list `path`
// names (a companion file such as alt.csv selects its primary file). Throws
// UsageError when nothing importable is found.
std::vector<SanctionsList> read_lists(const std::string& path, const ImportOptions& options = {});

}  // namespace rostrum::sanctions
