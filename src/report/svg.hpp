// Hand-written inline SVG charts for the brief: line charts with interval bands and
// change-point markers, grouped bar charts, strip plots. No JavaScript; hover titles
// use SVG <title>. Every chart has a fixed viewBox and scales to the page width.
#pragma once

#include <string>
#include <vector>

namespace rostrum::report::svg {

std::string escape(const std::string& s);  // HTML/XML text and attribute escaping

struct Point {
  double x = 0, y = 0;
  double lo = 0, hi = 0;  // band; NaN = none
  std::string note;       // hover text
};

struct Line {
  std::string name;
  std::string color;
  std::vector<Point> points;  // sorted by x; NaN y breaks the line
  bool dashed = false;
};

struct Marker {
  double x = 0;
  std::string label;
  std::string color = "#555";
};

struct LineChart {
  std::string title;  // for <title> / aria-label
  std::string y_label;
  double y_min = 0, y_max = 1;
  std::vector<Line> lines;
  std::vector<Marker> markers;
  int width = 760, height = 280;
};
std::string line_chart(const LineChart& c);

struct BarSeries {
  std::string name;
  std::string color;
  std::vector<double> values;  // one per category; NaN = no bar
  std::vector<std::string> notes;
};
struct BarChart {
  std::string title;
  std::string y_label;
  std::vector<std::string> categories;
  std::vector<BarSeries> series;
  double y_min = 0, y_max = 1;
  int width = 760, height = 260;
};
std::string bar_chart(const BarChart& c);

struct StripDot {
  std::string row;  // row label (e.g. region)
  double x = 0;
  std::string label;  // shown next to the dot when `labelled`
  std::string note;
  std::string color = "#555";
  bool labelled = false;
};
struct StripChart {
  std::string title;
  std::string x_label;
  std::string left_label, right_label;  // what low / high x means
  std::vector<std::string> rows;
  std::vector<StripDot> dots;
  double x_min = -1, x_max = 1;
  int width = 760;
};
std::string strip_chart(const StripChart& c);

}  // namespace rostrum::report::svg
