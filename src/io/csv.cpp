#include "io/csv.hpp"

#include <cctype>

#include "core/error.hpp"

namespace rostrum::io {

CsvReader::CsvReader(std::string name, std::string_view data, char separator)
    : name_(std::move(name)), data_(data), sep_(separator) {
  if (data_.size() >= 3 && static_cast<unsigned char>(data_[0]) == 0xEF &&
      static_cast<unsigned char>(data_[1]) == 0xBB && static_cast<unsigned char>(data_[2]) == 0xBF) {
    pos_ = 3;
    line_start_ = 3;
  }
}

bool CsvReader::next(CsvRecord& rec) {
  rec.fields.clear();
  rec.lines.clear();
  rec.columns.clear();
  unescaped_.clear();
  const std::size_t n = data_.size();
  // Skip blank lines.
  while (pos_ < n && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }
  if (pos_ >= n) return false;
  rec.line = line_;
  for (;;) {
    rec.lines.push_back(line_);
    rec.columns.push_back(pos_ - line_start_ + 1);
    if (pos_ < n && data_[pos_] == '"') {
      const std::uint64_t start_line = line_, start_col = pos_ - line_start_ + 1;
      ++pos_;
      std::size_t begin = pos_;
      bool has_escape = false;
      for (;;) {
        if (pos_ >= n) throw InputError(name_, start_line, start_col, "unterminated quoted field");
        char c = data_[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && data_[pos_ + 1] == '"') {
            has_escape = true;
            pos_ += 2;
            continue;
          }
          break;
        }
        if (c == '\n') {
          ++line_;
          line_start_ = pos_ + 1;
        }
        ++pos_;
      }
      std::string_view raw = data_.substr(begin, pos_ - begin);
      ++pos_;  // closing quote
      if (has_escape) {
        std::string s;
        s.reserve(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
          s.push_back(raw[i]);
          if (raw[i] == '"') ++i;
        }
        unescaped_.push_back(std::move(s));
        rec.fields.emplace_back(unescaped_.back());
      } else {
        rec.fields.push_back(raw);
      }
      if (pos_ < n && data_[pos_] != sep_ && data_[pos_] != '\n' && data_[pos_] != '\r')
        throw InputError(name_, line_, pos_ - line_start_ + 1,
                         "unexpected character after a closing quote (expected a separator or a line end)");
    } else {
      std::size_t begin = pos_;
      while (pos_ < n && data_[pos_] != sep_ && data_[pos_] != '\n' && data_[pos_] != '\r') {
        if (data_[pos_] == '"')
          throw InputError(name_, line_, pos_ - line_start_ + 1, "stray quote inside an unquoted field");
        ++pos_;
      }
      rec.fields.push_back(data_.substr(begin, pos_ - begin));
    }
    if (pos_ < n && data_[pos_] == sep_) {
      ++pos_;
      continue;
    }
    // End of record.
    if (pos_ < n && data_[pos_] == '\r') ++pos_;
    if (pos_ < n && data_[pos_] == '\n') {
      ++pos_;
      ++line_;
      line_start_ = pos_;
    }
    return true;
  }
}

int find_column(const CsvRecord& header, std::string_view name) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string_view f = trim(header.fields[i]);
    if (f.size() != name.size()) continue;
    bool eq = true;
    for (std::size_t k = 0; k < f.size() && eq; ++k)
      eq = std::tolower(static_cast<unsigned char>(f[k])) == std::tolower(static_cast<unsigned char>(name[k]));
    if (eq) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace rostrum::io
