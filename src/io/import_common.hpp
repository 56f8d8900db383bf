// Internal helpers shared by the importers: strict field parsing with errors that
// point at the file, line and column of the offending field.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/rollcall.hpp"
#include "io/csv.hpp"

namespace rostrum::io::detail {

std::string_view trim(std::string_view s);
std::string lower(std::string_view s);

// Column index of `name` in the header (case-insensitive; any of several
// spellings), or throws InputError at the header line naming what is missing.
int require_column(const CsvReader& reader, const CsvRecord& header, std::initializer_list<std::string_view> names);
int optional_column(const CsvRecord& header, std::initializer_list<std::string_view> names);

[[noreturn]] void fail(const CsvReader& reader, const CsvRecord& rec, int field, const std::string& message);
// The field, or a "row has N fields, expected at least M" error.
std::string_view field(const CsvReader& reader, const CsvRecord& rec, int index);

std::int64_t parse_int(const CsvReader& reader, const CsvRecord& rec, int index, const char* what);
// Accepts integers and integral floats ("120.0"); "" and "NA" give nullopt.
std::optional<std::int64_t> parse_optional_count(const CsvReader& reader, const CsvRecord& rec, int index,
                                                 const char* what);
// 0/1, also TRUE/FALSE; "" and NA are false.
bool parse_flag(const CsvReader& reader, const CsvRecord& rec, int index, const char* what);
Date parse_date_field(const CsvReader& reader, const CsvRecord& rec, int index);

// The roll-call columns shared by Voeten's layout and unvotes' roll-call file
// (session, importantvote, date, unres, amend, para, short, descr).
struct VoetenRollCallColumns {
  int session = -1, important = -1, date = -1, unres = -1, amend = -1, para = -1, short_title = -1, descr = -1;
};
VoetenRollCallColumns voeten_rollcall_columns(const CsvReader& reader, const CsvRecord& header);
// Fills session, label, date, flags, symbol, title and description from one row.
void parse_voeten_rollcall(const CsvReader& reader, const CsvRecord& rec, const VoetenRollCallColumns& c,
                           RollCallInfo& info);

// "A/RES/74/10" -> 74; "A/RES/1514(XV)" -> 15; "A/RES/ES-11/1" -> ES-11 (session 0);
// decisions likewise ("A/DEC/80/506" -> 80).
struct SessionOf {
  int session = 0;
  std::string label;  // "" when the symbol says nothing
};
SessionOf session_from_symbol(std::string_view symbol);

// Maps a label's state to the seat's holder on a record's date (registry seat
// rules: a CHINA column before 1971-10-26 is TWN, a Russia label before 1991-12-24
// is SUN, ...) and counts what it re-labelled, so that the import notes say so.
class SeatMapper {
 public:
  // Index of the holder; -1 when no state held a seat under that label on that
  // date (the caller reports the vote and skips it).
  int holder(int label_country, Date date);
  // One note per (label state -> holder) re-labelling, with the vote count.
  void add_notes(std::vector<std::string>& notes) const;

 private:
  std::map<std::pair<int, int>, std::int64_t> moved_;  // (label state, holder or -1) -> votes
};

// Stem of a path for a default source name: "/x/unvotes-0.3.0" -> "unvotes-0.3.0",
// "/x/un_data_wide.csv.gz" -> "un_data_wide".
std::string source_stem(const std::string& path);

}  // namespace rostrum::io::detail
