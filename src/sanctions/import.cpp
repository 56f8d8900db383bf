// Finding the lists under a path and choosing each one's reader by its file name
// (and, for a plain CSV, its header).
#include "sanctions/import.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <future>
#include <set>

#include "core/error.hpp"
#include "io/file.hpp"

namespace rostrum::sanctions {
namespace {

namespace fs = std::filesystem;

std::string without_gz(std::string name) {
  if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0) name.resize(name.size() - 3);
  return name;
}

enum class Kind { none, ofac_sdn, ofac_cons, ofac_companion, history_base, history_changes, un_xml, eu_tar, sniff_csv };

Kind kind_of(const fs::path& p) {
  std::string name = p.filename().string();
  if (name.size() > 7 &&
      (name.compare(name.size() - 7, 7, ".tar.gz") == 0 || name.compare(name.size() - 4, 4, ".tgz") == 0))
    return Kind::eu_tar;
  std::string plain = without_gz(name);
  if (plain == "sdn.csv") return Kind::ofac_sdn;
  if (plain == "cons_prim.csv") return Kind::ofac_cons;
  if (plain == "add.csv" || plain == "alt.csv" || plain == "sdn_comments.csv" || plain == "cons_add.csv" ||
      plain == "cons_alt.csv" || plain == "cons_comments.csv")
    return Kind::ofac_companion;
  if (plain.rfind("sdn_base_", 0) == 0 && plain.size() > 4 && plain.compare(plain.size() - 4, 4, ".csv") == 0)
    return Kind::history_base;
  if (plain == "sdn_changes.csv") return Kind::history_changes;
  if (plain.size() > 4 && plain.compare(plain.size() - 4, 4, ".xml") == 0) return Kind::un_xml;
  if (plain.size() > 4 && plain.compare(plain.size() - 4, 4, ".csv") == 0) return Kind::sniff_csv;
  return Kind::none;
}

// A plain CSV is an EU regulation file or China's list, told apart by its header.
std::string sniff(const std::string& path) {
  std::string data = io::read_file(path);
  std::string_view head(data);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  head = head.substr(0, head.find('\n'));
  if (head.rfind("celex,", 0) == 0) return "eu";
  if (head.find("Chinese name") != std::string_view::npos && head.find("Name") != std::string_view::npos) return "cn";
  return "";
}

SanctionsList read_one(const fs::path& p, Kind kind, const ImportOptions& options) {
  std::string path = p.string();
  switch (kind) {
    case Kind::ofac_sdn:
    case Kind::ofac_cons:
      return read_ofac_legacy(path, options);
    case Kind::history_base:
      return read_ofac_history(path);
    case Kind::un_xml:
      return read_un_xml(path);
    case Kind::eu_tar:
      return read_eu_journal(path);
    case Kind::sniff_csv: {
      std::string what = sniff(path);
      if (what == "eu") return read_eu_journal(path);
      if (what == "cn") return read_cn_csv(path);
      throw UsageError("'" + path +
                       "' is not a sanctions list rostrum reads (EU regulation CSV, China's list, OFAC legacy CSV)");
    }
    default:
      break;
  }
  throw UsageError("'" + path + "' is not a sanctions list rostrum reads");
}

}  // namespace

std::vector<SanctionsList> read_lists(const std::string& path, const ImportOptions& options) {
  std::error_code ec;
  fs::path root(path);
  if (!fs::exists(root, ec)) throw UsageError("'" + path + "' does not exist");
  std::vector<SanctionsList> lists;
  if (fs::is_directory(root, ec)) {
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::pair<fs::path, Kind>> jobs;
    for (const auto& f : files) {
      Kind k = kind_of(f);
      if (k == Kind::none || k == Kind::ofac_companion || k == Kind::history_changes) continue;
      if (k == Kind::sniff_csv && sniff(f.string()).empty()) continue;
      jobs.emplace_back(f, k);
    }
    // The lists are independent: read them concurrently (ICU and the registry are
    // safe to use from several threads). The first error in file order is thrown.
    std::vector<std::future<SanctionsList>> pending;
    pending.reserve(jobs.size());
    for (const auto& [f, k] : jobs)
      pending.push_back(std::async(std::launch::async, [f = f, k = k, &options] { return read_one(f, k, options); }));
    std::exception_ptr first_error;
    for (auto& p : pending) {
      try {
        lists.push_back(p.get());
      } catch (...) {
        if (!first_error) first_error = std::current_exception();
      }
    }
    if (first_error) std::rethrow_exception(first_error);
    if (lists.empty()) throw UsageError("no sanctions list found under '" + path + "'");
  } else {
    Kind k = kind_of(root);
    fs::path target = root;
    if (k == Kind::ofac_companion) {
      std::string name = without_gz(root.filename().string());
      bool cons = name.rfind("cons_", 0) == 0;
      target = io::find_plain_or_gz((root.parent_path() / (cons ? "cons_prim.csv" : "sdn.csv")).string());
      if (target.empty())
        throw UsageError("'" + path + "' is a companion file: its " + (cons ? "cons_prim.csv" : "sdn.csv") +
                         " is not beside it");
      k = cons ? Kind::ofac_cons : Kind::ofac_sdn;
    } else if (k == Kind::history_changes) {
      fs::path base;
      for (const auto& f : fs::directory_iterator(root.parent_path(), ec))
        if (kind_of(f.path()) == Kind::history_base) base = f.path();
      if (base.empty())
        throw UsageError("'" + path + "' is a change log: its sdn_base_YYYY-MM-DD.csv is not beside it");
      target = base;
      k = Kind::history_base;
    }
    lists.push_back(read_one(target, k, options));
  }
  // Two files of the same list (e.g. two copies of the UN XML) would replace each other.
  std::set<std::string> keys;
  for (const auto& l : lists)
    if (!keys.insert(l.key).second)
      throw UsageError("two files hold the list '" + l.key + "' under '" + path + "': import them one at a time");
  return lists;
}

}  // namespace rostrum::sanctions
