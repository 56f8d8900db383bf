#include "io/import.hpp"

#include <filesystem>

#include "io/csv.hpp"
#include "io/file.hpp"
#include "io/import_common.hpp"

namespace rostrum::io {

std::string detect_format(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    if (!find_plain_or_gz(path + "/un_votes.csv").empty()) return "unvotes";
    throw InputError(path, 0, 0, "directory holds no un_votes.csv[.gz]; expected an unvotes directory");
  }
  if (!std::filesystem::exists(path, ec)) throw InputError(path, 0, 0, "no such file or directory");
  std::string data = read_file(path);
  CsvReader reader(path, data);
  CsvRecord header;
  if (!reader.next(header)) throw InputError(path, 1, 1, "empty file, expected a header row");
  auto has = [&](std::string_view n) { return find_column(header, n) >= 0; };
  if ((has("ms_code") || has("ms_codes")) && (has("ms_vote") || has("ms_votes"))) return "undl";
  if (has("Council") && has("Resolution") && has("token")) return "wide";
  if (has("rcid") && has("ccode") && has("vote")) return "voeten";
  if (has("rcid") && has("country") && has("vote")) {
    throw InputError(path, 1, 1,
                     "this is unvotes' un_votes.csv: import its directory (with un_roll_calls.csv) instead");
  }
  throw InputError(path, 1, 1,
                   "unrecognised header; expected the UN Digital Library layout (undl_id, ms_code, ms_vote, ...), "
                   "the wide layout (Council, Date, Title, Resolution, ...), Voeten's (rcid, ccode, vote, ...) or an "
                   "unvotes directory; use --as unvotes|undl|wide|voeten to force one");
}

ImportBatch import_path(const std::string& path, const std::string& format, const std::string& source_name,
                        const ProgressFn& progress) {
  const std::string f = format.empty() ? detect_format(path) : format;
  ImportBatch batch;
  if (f == "unvotes")
    batch = import_unvotes(path, progress);
  else if (f == "undl")
    batch = import_undl(path, progress);
  else if (f == "wide")
    batch = import_wide(path, progress);
  else if (f == "voeten")
    batch = import_voeten(path, progress);
  else
    throw UsageError("parameter 'format': unknown import format '" + f + "' (expected unvotes, undl, wide or voeten)");
  if (batch.rollcalls.empty())
    throw InputError(path, 0, 0, "holds no roll calls (a header without rows?); nothing to import");
  if (!source_name.empty()) batch.source_name = source_name;
  if (batch.source_name.empty()) batch.source_name = detail::source_stem(path);
  return batch;
}

}  // namespace rostrum::io
