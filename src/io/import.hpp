// Importers for the public UN vote records. Every importer reads its files whole,
// validates every row, maps every country label to a canonical id and returns an
// ImportBatch; any malformed row raises InputError naming file, line and column.
//
// Formats (see docs/data.md):
//   unvotes  directory with un_votes.csv[.gz], un_roll_calls.csv[.gz],
//            un_roll_call_issues.csv[.gz] (the R package unvotes, Voeten's data)
//   undl     the UN Digital Library bulk CSV, one row per state per resolution
//            (GA or SC; singular or plural column names)
//   wide     the 2022 UN Digital Library scrape: one row per resolution, one column
//            per state header (messy historic names, split columns merged)
//   voeten   Voeten's Dataverse CSV (rcid, ccode, vote 1/2/3/8/9, session, ...)
#pragma once

#include <string>

#include "io/import_batch.hpp"

namespace rostrum::io {

// Detects the format of `path` from its content: a directory holding
// un_votes.csv[.gz] is "unvotes"; otherwise the header row decides. Throws
// InputError when nothing matches.
std::string detect_format(const std::string& path);

// Imports one path in the given format ("" = detect). `source_name` "" derives a
// name from the path (directory or file stem without .csv/.gz).
ImportBatch import_path(const std::string& path, const std::string& format, const std::string& source_name = "",
                        const ProgressFn& progress = {});

ImportBatch import_unvotes(const std::string& dir, const ProgressFn& progress = {});
ImportBatch import_undl(const std::string& file, const ProgressFn& progress = {});
ImportBatch import_wide(const std::string& file, const ProgressFn& progress = {});
ImportBatch import_voeten(const std::string& file, const ProgressFn& progress = {});

}  // namespace rostrum::io
