#include "sanctions/names.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_set>

#include "core/error.hpp"

namespace rostrum::sanctions::names {
namespace {

// Which transliteration a name needs, by the scripts of its code points.
enum class Script { latin, cyrillic, other };

Script script_of(std::string_view utf8) {
  Script script = Script::latin;
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    char32_t cp;
    std::size_t n;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if ((c >> 5) == 0x6 && i + 1 < utf8.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
      n = 2;
    } else if ((c >> 4) == 0xE && i + 2 < utf8.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
      n = 3;
    } else {
      return Script::other;
    }
    i += n;
    // Latin blocks (with extensions and combining marks), punctuation, letterlike symbols.
    bool latin = cp < 0x0250 || (cp >= 0x0300 && cp < 0x0370) || (cp >= 0x1E00 && cp < 0x1F00) ||
                 (cp >= 0x2000 && cp < 0x2070) || (cp >= 0x02B0 && cp < 0x0300);
    if (latin) continue;
    if (cp >= 0x0400 && cp < 0x0530)
      script = Script::cyrillic;
    else
      return Script::other;
  }
  return script;
}

// One transliterator per thread and script: Latin text only loses its accents,
// Cyrillic takes the BGN/PCGN romanisation, anything else ICU's Any-Latin.
icu::Transliterator& transliterator(Script script) {
  thread_local std::unique_ptr<icu::Transliterator> cache[3];
  static const char* const ids[3] = {"Latin-ASCII; Any-Lower", "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Any-Lower",
                                     "Any-Latin; Latin-ASCII; Any-Lower"};
  auto& t = cache[static_cast<int>(script)];
  if (!t) {
    UErrorCode status = U_ZERO_ERROR;
    t.reset(icu::Transliterator::createInstance(ids[static_cast<int>(script)], UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t)
      throw Error(ErrorKind::store, std::string("ICU transliterator unavailable: ") + u_errorName(status));
  }
  return *t;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The ASCII pass: lower case, quotes dropped, "&" -> "and", other punctuation a space.
std::string ascii_fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = true;
  auto put_space = [&] {
    if (!space) {
      out += ' ';
      space = true;
    }
  };
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
      space = false;
    } else if (c == '\'' || c == '`' || c == '"') {
      // apostrophes join: "Ba'asyir" == "Baasyir", "valer'yevich" == "valeryevich"
    } else if (c == '&') {
      put_space();
      out += "and";
      space = false;
      put_space();
    } else {
      put_space();
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Quotation marks and apostrophes that ICU leaves as non-ASCII.
std::string drop_quotes(std::string_view utf8) {
  static const std::array<std::string_view, 12> quotes = {"\u2018", "\u2019", "\u201A", "\u201B", "\u201C", "\u201D",
                                                          "\u201E", "\u00AB", "\u00BB", "\u02BC", "\u02B9", "\u00B4"};
  std::string out(utf8);
  for (auto q : quotes) {
    for (std::size_t p = out.find(q); p != std::string::npos; p = out.find(q, p)) out.erase(p, q.size());
  }
  return out;
}

const std::unordered_set<std::string_view>& legal_words() {
  static const std::unordered_set<std::string_view> words = {
      "llc",
      "ooo",
      "ao",
      "oao",
      "zao",
      "pao",
      "nao",
      "jsc",
      "ojsc",
      "cjsc",
      "pjsc",
      "ltd",
      "limited",
      "co",
      "corp",
      "corporation",
      "inc",
      "incorporated",
      "company",
      "sa",
      "sas",
      "sarl",
      "srl",
      "spa",
      "sl",
      "gmbh",
      "ag",
      "plc",
      "llp",
      "lp",
      "bv",
      "nv",
      "fze",
      "fzco",
      "fzc",
      "fzllc",
      "fzle",
      "dmcc",
      "tov",
      "pte",
      "pvt",
      "bhd",
      "kft",
      "ead",
      "fgup",
      "fgbu",
      "fgbou",
      "gup",
      "mup",
      "fkp",
      "ano",
      "cv",
      "sapi",
      "ltda",
      "pjs",
      "tsjsc",
      "oy",
      "tov",
      "pat",
      "prat",
      "vat",
      "zat",
      "dp",
      "kp",
      "tdv",
      // the words of Russian and Ukrainian legal forms, however they are combined
      "obshchestvo",
      "obshestvo",
      "aktsionernoe",
      "aktsionernoye",
      "aktsionerne",
      "aktsionernogo",
      "tovarystvo",
      "tovaristvo",
      "ogranichennoy",
      "ogranichennoi",
      "otvetstvennostyu",
      "otvetstvennostiu",
      "obmezhenoyu",
      "obmezhenoiu",
      "vidpovidalnistyu",
      "vidpovidalnistiu",
      "publichnoe",
      "publichnoye",
      "publichne",
      "zakrytoe",
      "zakrytoye",
      "zakryte",
      "otkrytoe",
      "otkrytoye",
      "vidkryte",
      "pryvatne",
      "nepublichnoe",
      "nepublichnoye",
  };
  return words;
}

// Legal-form phrases, longest first, as folded words.
const std::vector<std::vector<std::string_view>>& legal_phrases() {
  static const std::vector<std::vector<std::string_view>> phrases = {
      {"obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"},
      {"obshchestvo", "s", "ogranichennoi", "otvetstvennostiu"},
      {"tovarystvo", "z", "obmezhenoyu", "vidpovidalnistyu"},
      {"tovarystvo", "z", "obmezhenoiu", "vidpovidalnistiu"},
      {"federal", "state", "unitary", "enterprise"},
      {"federal", "state", "budgetary", "institution"},
      {"public", "joint", "stock", "company"},
      {"closed", "joint", "stock", "company"},
      {"open", "joint", "stock", "company"},
      {"publichnoe", "aktsionernoe", "obshchestvo"},
      {"publichnoye", "aktsionernoye", "obshchestvo"},
      {"zakrytoe", "aktsionernoe", "obshchestvo"},
      {"otkrytoe", "aktsionernoe", "obshchestvo"},
      {"joint", "stock", "company"},
      {"limited", "liability", "company"},
      {"limited", "liability", "partnership"},
      {"private", "limited", "company"},
      {"public", "limited", "company"},
      {"aktsionernoe", "obshchestvo"},
      {"aktsionernoye", "obshchestvo"},
      {"sociedad", "anonima"},
      {"societe", "anonyme"},
      {"joint", "stock"},
      {"limited", "liability"},
  };
  return phrases;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

std::string fold(std::string_view utf8) {
  if (is_ascii(utf8)) return ascii_fold(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  transliterator(script_of(utf8)).transliterate(u);
  std::string latin;
  u.toUTF8String(latin);
  latin = drop_quotes(latin);
  // Whatever ICU could not romanise (rare symbols) becomes a separator.
  return ascii_fold(latin);
}

bool is_legal_form_word(std::string_view token) { return legal_words().count(token) > 0; }

std::vector<std::string> tokens(std::string_view folded, EntryType type) {
  std::vector<std::string> words = split_words(folded);
  if (type == EntryType::person) return words;
  // "s a" -> "sa", "l l c" -> "llc", "o o o" -> "ooo"
  std::vector<std::string> joined;
  for (std::size_t i = 0; i < words.size();) {
    if (words[i].size() == 1 && i + 1 < words.size() && words[i + 1].size() == 1) {
      std::string run;
      while (i < words.size() && words[i].size() == 1) run += words[i++];
      joined.push_back(run);
    } else {
      joined.push_back(words[i++]);
    }
  }
  std::vector<bool> drop(joined.size(), false);
  for (const auto& phrase : legal_phrases()) {
    for (std::size_t i = 0; i + phrase.size() <= joined.size(); ++i) {
      bool hit = true;
      for (std::size_t k = 0; k < phrase.size() && hit; ++k) hit = !drop[i + k] && joined[i + k] == phrase[k];
      if (hit)
        for (std::size_t k = 0; k < phrase.size(); ++k) drop[i + k] = true;
    }
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < joined.size(); ++i)
    if (!drop[i] && !is_legal_form_word(joined[i])) out.push_back(joined[i]);
  if (out.empty()) return joined;
  return out;
}

double jaro_winkler(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const std::size_t la = a.size(), lb = b.size();
  const std::size_t window = std::max<std::size_t>(la, lb) / 2 > 0 ? std::max<std::size_t>(la, lb) / 2 - 1 : 0;
  std::array<char, 64> stack_a{}, stack_b{};
  std::vector<char> heap_a, heap_b;
  char* flag_a = stack_a.data();
  char* flag_b = stack_b.data();
  if (la > stack_a.size() || lb > stack_b.size()) {
    heap_a.assign(la, 0);
    heap_b.assign(lb, 0);
    flag_a = heap_a.data();
    flag_b = heap_b.data();
  }
  std::size_t matches = 0;
  for (std::size_t i = 0; i < la; ++i) {
    std::size_t lo = i > window ? i - window : 0, hi = std::min(lb, i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (flag_b[j] || a[i] != b[j]) continue;
      flag_a[i] = 1;
      flag_b[j] = 1;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0, k = 0;
  for (std::size_t i = 0; i < la; ++i) {
    if (!flag_a[i]) continue;
    while (!flag_b[k]) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  double m = static_cast<double>(matches);
  double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

}  // namespace rostrum::sanctions::names
