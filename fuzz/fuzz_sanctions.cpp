// Fuzzes the sanctions parsers. The first byte picks what the rest feeds:
//   0  the text parsers: parse_day, parse_dob (+ dob_range), parse_ofac_remarks,
//      names::fold and names::tokens, split_nationalities, country_iso3
//   1  read_un_xml      2  read_eu_journal (one CSV)      3  read_cn_csv
//   4  read_ofac_legacy (sdn.csv alone)
//   5  read_ofac_history (split at the first NUL into the base list and the changes)
// A bug: a crash, a sanitizer report, an exception other than InputError from a
// reader, an InputError whose what() does not start with the file name, a parsed
// date that does not round-trip, a date-of-birth range with lo > hi, folding that
// is not idempotent or leaves a non-ASCII byte.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_common.hpp"
#include "sanctions/countries.hpp"
#include "sanctions/dates.hpp"
#include "sanctions/import.hpp"
#include "sanctions/names.hpp"
#include "sanctions/ofac_remarks.hpp"

namespace {

void text_parsers(std::string_view text) {
  using namespace rostrum::sanctions;
  if (auto d = parse_day(text)) {
    if (parse_day(rostrum::format_date(*d)) != d) std::abort();
  }
  if (auto dob = parse_dob(text)) {
    auto range = dob_range(*dob);
    if (!range || range->lo > range->hi) std::abort();
  }
  auto remarks = parse_ofac_remarks(text);
  for (const auto& id : remarks.ids)
    if (id.kind.empty() || id.value.empty()) std::abort();
  std::string folded = names::fold(text);
  for (char c : folded)
    if (static_cast<unsigned char>(c) >= 0x80) std::abort();
  if (names::fold(folded) != folded) std::abort();
  for (auto type : {EntryType::person, EntryType::organisation})
    for (const auto& t : names::tokens(folded, type))
      if (t.empty()) std::abort();
  for (const auto& label : split_nationalities(text)) (void)country_iso3(label);
}

template <class F>
void reader(const std::string& path, F read) {
  try {
    read(path);
  } catch (const rostrum::InputError& e) {
    rostrum::fuzz::check_error(e);
    if (std::string(e.what()).rfind(path, 0) != 0) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  using namespace rostrum::sanctions;
  switch (data[0] % 6) {
    case 0:
      text_parsers(text);
      break;
    case 1:
      reader(rostrum::fuzz::write_file("un.xml", text), [](const std::string& p) { read_un_xml(p); });
      break;
    case 2:
      reader(rostrum::fuzz::write_file("32014R0269.csv", text), [](const std::string& p) { read_eu_journal(p); });
      break;
    case 3:
      reader(rostrum::fuzz::write_file("cn.csv", text), [](const std::string& p) { read_cn_csv(p); });
      break;
    case 4:
      reader(rostrum::fuzz::write_file("sdn.csv", text), [](const std::string& p) { read_ofac_legacy(p); });
      break;
    case 5: {
      auto nul = text.find('\0');
      std::string base = rostrum::fuzz::write_file("sdn_base_2021-08-18.csv", text.substr(0, nul));
      std::string changes =
          rostrum::fuzz::write_file("sdn_changes.csv", nul == std::string_view::npos ? "" : text.substr(nul + 1));
      try {
        read_ofac_history(base);
      } catch (const rostrum::InputError& e) {
        rostrum::fuzz::check_error(e);
        std::string what = e.what();
        if (what.rfind(base, 0) != 0 && what.rfind(changes, 0) != 0) std::abort();
      }
      break;
    }
  }
  return 0;
}
