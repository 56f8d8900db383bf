// A progress bar on stderr, shown only when stderr is a terminal and the work has
// run for more than a second; silent otherwise (pipes, CI, tests).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace rostrum::cli {

class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  std::string label_;
  std::chrono::steady_clock::time_point start_;
  bool tty_ = false;
  bool shown_ = false;
  int last_percent_ = -1;
};

}  // namespace rostrum::cli
