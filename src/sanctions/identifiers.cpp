#include "sanctions/identifiers.hpp"

#include <algorithm>
#include <cctype>

namespace rostrum::sanctions {

std::string normalise_id(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char ch : raw) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) out += static_cast<char>(std::toupper(c));
  }
  return out;
}

bool is_lei(std::string_view v) {
  if (v.size() != 20) return false;
  if (!std::isdigit(static_cast<unsigned char>(v[18])) || !std::isdigit(static_cast<unsigned char>(v[19])))
    return false;
  int mod = 0;
  for (char c : v) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      mod = (mod * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      int n = c - 'A' + 10;
      mod = (mod * 100 + n) % 97;
    } else {
      return false;
    }
  }
  return mod == 1;
}

std::optional<Identifier> make_identifier(std::string kind, std::string_view raw_value, std::string country,
                                          std::string raw, bool from_remarks) {
  std::string value = normalise_id(raw_value);
  if (kind == "swift") {
    if (value.size() != 8 && value.size() != 11) return std::nullopt;
  } else {
    if (value.size() < 4) return std::nullopt;
    if (std::none_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  }
  bool all_digits = std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (kind == "lei" && !is_lei(value)) kind = "registration";
  if (kind == "registration" && is_lei(value)) kind = "lei";
  if (kind == "registration" && country == "RUS" && all_digits && (value.size() == 13 || value.size() == 15))
    kind = "ogrn";
  if (kind == "imo" && value.rfind("IMO", 0) == 0) value = value.substr(3);
  return Identifier{std::move(kind), std::move(value), std::move(country), std::move(raw), from_remarks};
}

namespace {
bool has_digit(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string number_in_text(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  std::size_t first = words.size();
  for (std::size_t i = 0; i < words.size(); ++i)
    if (has_digit(words[i])) {
      first = i;
      break;
    }
  if (first == words.size()) return std::string(text);
  std::size_t last = first;
  while (last + 1 < words.size() && has_digit(words[last + 1])) ++last;
  if (first > 0 && words[first - 1].size() <= 2 &&
      std::all_of(words[first - 1].begin(), words[first - 1].end(),
                  [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
    --first;
  std::string out;
  for (std::size_t i = first; i <= last; ++i) {
    if (i > first) out += ' ';
    out.append(words[i]);
  }
  return out;
}

bool is_strong_kind(std::string_view kind) {
  return kind == "imo" || kind == "mmsi" || kind == "lei" || kind == "swift" || kind == "tax_id" || kind == "ogrn" ||
         kind == "okpo" || kind == "registration" || kind == "passport" || kind == "national_id";
}

}  // namespace rostrum::sanctions
