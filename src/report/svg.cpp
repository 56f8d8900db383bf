#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rostrum::report::svg {

std::string escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string tick_label(double v, double step) {
  char buf[32];
  if (std::fabs(v) < 1e-9 * std::max(1.0, step)) v = 0;  // a tick at -1e-17 reads 0, not -0.00
  if (step >= 1 && std::fabs(v - std::round(v)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

double nice_step(double span, int target) {
  double raw = span / std::max(1, target);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

std::string open_svg(int w, int h, const std::string& title) {
  return "<svg viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) + "\" role=\"img\" aria-label=\"" +
         escape(title) + "\" class=\"chart\"><title>" + escape(title) + "</title>\n";
}

}  // namespace

std::string line_chart(const LineChart& c) {
  const double left = 48, right = 150, top = 14, bottom = 30;
  const double pw = c.width - left - right, ph = c.height - top - bottom;
  double x_min = INFINITY, x_max = -INFINITY;
  for (const auto& l : c.lines)
    for (const auto& p : l.points)
      if (std::isfinite(p.y)) {
        x_min = std::min(x_min, p.x);
        x_max = std::max(x_max, p.x);
      }
  std::string s = open_svg(c.width, c.height, c.title);
  if (!std::isfinite(x_min)) return s + "<text x=\"20\" y=\"40\">no data</text></svg>\n";
  if (x_max == x_min) x_max = x_min + 1;
  auto X = [&](double x) { return left + (x - x_min) / (x_max - x_min) * pw; };
  auto Y = [&](double y) { return top + (1 - (std::clamp(y, c.y_min, c.y_max) - c.y_min) / (c.y_max - c.y_min)) * ph; };
  // grid and axes
  double ys = nice_step(c.y_max - c.y_min, 4);
  for (double y = std::ceil(c.y_min / ys) * ys; y <= c.y_max + 1e-9; y += ys)
    s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(Y(y)) + "\" y2=\"" + num(Y(y)) +
         "\" class=\"grid\"/><text x=\"" + num(left - 6) + "\" y=\"" + num(Y(y) + 4) +
         "\" class=\"tick\" text-anchor=\"end\">" + tick_label(y, ys) + "</text>\n";
  double xs = nice_step(x_max - x_min, 8);
  if (xs < 1) xs = 1;
  for (double x = std::ceil(x_min / xs) * xs; x <= x_max + 1e-9; x += xs)
    s += "<line x1=\"" + num(X(x)) + "\" x2=\"" + num(X(x)) + "\" y1=\"" + num(top + ph) + "\" y2=\"" +
         num(top + ph + 4) + "\" class=\"axis\"/><text x=\"" + num(X(x)) + "\" y=\"" + num(top + ph + 16) +
         "\" class=\"tick\" text-anchor=\"middle\">" + tick_label(x, xs) + "</text>\n";
  s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(top + ph) + "\" y2=\"" +
       num(top + ph) + "\" class=\"axis\"/>\n";
  if (!c.y_label.empty())
    s += "<text transform=\"translate(12," + num(top + ph / 2) +
         ") rotate(-90)\" class=\"tick\" text-anchor=\"middle\">" + escape(c.y_label) + "</text>\n";
  // markers
  for (const auto& m : c.markers) {
    if (m.x < x_min || m.x > x_max) continue;
    s += "<line x1=\"" + num(X(m.x)) + "\" x2=\"" + num(X(m.x)) + "\" y1=\"" + num(top) + "\" y2=\"" + num(top + ph) +
         "\" stroke=\"" + m.color + "\" stroke-dasharray=\"4 3\" stroke-width=\"1\"/><text x=\"" + num(X(m.x) + 3) +
         "\" y=\"" + num(top + 10) + "\" class=\"mark\" fill=\"" + m.color + "\">" + escape(m.label) + "</text>\n";
  }
  // bands, then lines
  for (const auto& l : c.lines) {
    std::string upper, lower;
    auto flush = [&] {
      if (!upper.empty())
        s += "<path d=\"M" + upper + lower + "Z\" fill=\"" + l.color + "\" fill-opacity=\"0.15\" stroke=\"none\"/>\n";
      upper.clear();
      lower.clear();
    };
    for (const auto& p : l.points) {
      if (!std::isfinite(p.lo) || !std::isfinite(p.hi) || !std::isfinite(p.y)) {
        flush();
        continue;
      }
      upper += (upper.empty() ? "" : "L") + num(X(p.x)) + "," + num(Y(p.hi));
      lower = "L" + num(X(p.x)) + "," + num(Y(p.lo)) + lower;
    }
    flush();
  }
  int legend = 0;
  for (const auto& l : c.lines) {
    std::string d;
    bool pen = false;
    for (const auto& p : l.points) {
      if (!std::isfinite(p.y)) {
        pen = false;
        continue;
      }
      d += (pen ? "L" : "M") + num(X(p.x)) + "," + num(Y(p.y));
      pen = true;
    }
    s += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + l.color + "\" stroke-width=\"1.8\"" +
         (l.dashed ? " stroke-dasharray=\"6 3\"" : "") + "/>\n";
    for (const auto& p : l.points)
      if (std::isfinite(p.y) && !p.note.empty())
        s += "<circle cx=\"" + num(X(p.x)) + "\" cy=\"" + num(Y(p.y)) + "\" r=\"2\" fill=\"" + l.color + "\"><title>" +
             escape(p.note) + "</title></circle>";
    s += "\n";
    double ly = top + 8 + legend * 16;
    s += "<line x1=\"" + num(left + pw + 10) + "\" x2=\"" + num(left + pw + 28) + "\" y1=\"" + num(ly) + "\" y2=\"" +
         num(ly) + "\" stroke=\"" + l.color + "\" stroke-width=\"2.5\"" +
         (l.dashed ? " stroke-dasharray=\"6 3\"" : "") + "/><text x=\"" + num(left + pw + 32) + "\" y=\"" +
         num(ly + 4) + "\" class=\"legend\">" + escape(l.name) + "</text>\n";
    ++legend;
  }
  return s + "</svg>\n";
}

std::string bar_chart(const BarChart& c) {
  const double left = 48, right = 150, top = 14, bottom = 30;
  const double pw = c.width - left - right, ph = c.height - top - bottom;
  std::string s = open_svg(c.width, c.height, c.title);
  auto Y = [&](double y) { return top + (1 - (std::clamp(y, c.y_min, c.y_max) - c.y_min) / (c.y_max - c.y_min)) * ph; };
  double ys = nice_step(c.y_max - c.y_min, 4);
  for (double y = std::ceil(c.y_min / ys) * ys; y <= c.y_max + 1e-9; y += ys)
    s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(Y(y)) + "\" y2=\"" + num(Y(y)) +
         "\" class=\"grid\"/><text x=\"" + num(left - 6) + "\" y=\"" + num(Y(y) + 4) +
         "\" class=\"tick\" text-anchor=\"end\">" + tick_label(y, ys) + "</text>\n";
  if (!c.y_label.empty())
    s += "<text transform=\"translate(12," + num(top + ph / 2) +
         ") rotate(-90)\" class=\"tick\" text-anchor=\"middle\">" + escape(c.y_label) + "</text>\n";
  const double group_w = pw / std::max<std::size_t>(1, c.categories.size());
  const double bar_w = group_w * 0.8 / std::max<std::size_t>(1, c.series.size());
  for (std::size_t k = 0; k < c.categories.size(); ++k) {
    double gx = left + k * group_w + group_w * 0.1;
    for (std::size_t si = 0; si < c.series.size(); ++si) {
      const auto& ser = c.series[si];
      double v = k < ser.values.size() ? ser.values[k] : NAN;
      if (!std::isfinite(v)) continue;
      double y0 = Y(std::max(c.y_min, 0.0)), y1 = Y(v);
      s += "<rect x=\"" + num(gx + si * bar_w) + "\" y=\"" + num(std::min(y0, y1)) + "\" width=\"" + num(bar_w - 1) +
           "\" height=\"" + num(std::fabs(y0 - y1)) + "\" fill=\"" + ser.color + "\"><title>" +
           escape(ser.name + ", " + c.categories[k] + (k < ser.notes.size() ? ": " + ser.notes[k] : "")) +
           "</title></rect>";
    }
    s += "<text x=\"" + num(gx + group_w * 0.4) + "\" y=\"" + num(top + ph + 16) +
         "\" class=\"tick\" text-anchor=\"middle\">" + escape(c.categories[k]) + "</text>\n";
  }
  s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(top + ph) + "\" y2=\"" +
       num(top + ph) + "\" class=\"axis\"/>\n";
  for (std::size_t si = 0; si < c.series.size(); ++si) {
    double ly = top + 8 + si * 16;
    s += "<rect x=\"" + num(left + pw + 10) + "\" y=\"" + num(ly - 5) + "\" width=\"14\" height=\"10\" fill=\"" +
         c.series[si].color + "\"/><text x=\"" + num(left + pw + 30) + "\" y=\"" + num(ly + 4) +
         "\" class=\"legend\">" + escape(c.series[si].name) + "</text>\n";
  }
  return s + "</svg>\n";
}

std::string strip_chart(const StripChart& c) {
  const double left = 110, right = 20, top = 24, row_h = 34, bottom = 34;
  const double h = top + row_h * c.rows.size() + bottom;
  const double pw = c.width - left - right;
  std::string s = open_svg(c.width, static_cast<int>(h), c.title);
  auto X = [&](double x) { return left + (std::clamp(x, c.x_min, c.x_max) - c.x_min) / (c.x_max - c.x_min) * pw; };
  double xs = nice_step(c.x_max - c.x_min, 8);
  for (double x = std::ceil(c.x_min / xs) * xs; x <= c.x_max + 1e-9; x += xs)
    s += "<line x1=\"" + num(X(x)) + "\" x2=\"" + num(X(x)) + "\" y1=\"" + num(top) + "\" y2=\"" +
         num(top + row_h * c.rows.size()) + "\" class=\"" + (std::fabs(x) < 1e-12 ? "axis" : "grid") +
         "\"/><text x=\"" + num(X(x)) + "\" y=\"" + num(top + row_h * c.rows.size() + 14) +
         "\" class=\"tick\" text-anchor=\"middle\">" + tick_label(x, xs) + "</text>\n";
  s += "<text x=\"" + num(left) + "\" y=\"14\" class=\"legend\">&#8592; " + escape(c.left_label) + "</text>";
  s += "<text x=\"" + num(left + pw) + "\" y=\"14\" class=\"legend\" text-anchor=\"end\">" + escape(c.right_label) +
       " &#8594;</text>\n";
  s += "<text x=\"" + num(left + pw / 2) + "\" y=\"" + num(h - 4) + "\" class=\"tick\" text-anchor=\"middle\">" +
       escape(c.x_label) + "</text>\n";
  for (std::size_t r = 0; r < c.rows.size(); ++r) {
    double cy = top + row_h * r + row_h / 2;
    s += "<text x=\"" + num(left - 8) + "\" y=\"" + num(cy + 4) + "\" class=\"tick\" text-anchor=\"end\">" +
         escape(c.rows[r]) + "</text>\n";
    int k = 0;
    for (const auto& d : c.dots) {
      if (d.row != c.rows[r] || !std::isfinite(d.x)) continue;
      double jitter = ((k++ * 7) % 5 - 2) * 3.0;
      s += "<circle cx=\"" + num(X(d.x)) + "\" cy=\"" + num(cy + jitter) + "\" r=\"" + (d.labelled ? "4" : "3") +
           "\" fill=\"" + d.color + "\" fill-opacity=\"0.75\"><title>" + escape(d.note) + "</title></circle>";
      if (d.labelled)
        s += "<text x=\"" + num(X(d.x)) + "\" y=\"" + num(cy + jitter - 6) +
             "\" class=\"mark\" text-anchor=\"middle\">" + escape(d.label) + "</text>";
    }
    s += "\n";
  }
  return s + "</svg>\n";
}

}  // namespace rostrum::report::svg
