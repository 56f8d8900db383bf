#include "core/error.hpp"

namespace rostrum {

namespace {
std::string locate(const std::string& file, std::uint64_t line, std::uint64_t column, const std::string& message) {
  std::string where = file;
  if (line > 0) {
    where += ":" + std::to_string(line);
    if (column > 0) where += ":" + std::to_string(column);
  }
  return where + ": " + message;
}
}  // namespace

InputError::InputError(std::string file, std::uint64_t line, std::uint64_t column, const std::string& message)
    : Error(ErrorKind::bad_input, locate(file, line, column, message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      detail_(message) {}

}  // namespace rostrum
