#include "classify/issues.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_set>

namespace rostrum::classify {

const std::array<std::string_view, kCodes> kCodeNames = {"me", "nu", "di", "hr", "co", "ec"};

namespace {

// Words every title carries or that say nothing about the subject.
bool is_stop_word(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "the",    "and",       "for",        "with",       "from",      "its",      "their",  "this",    "that",
      "are",    "was",       "were",       "has",        "have",      "been",     "which",  "other",   "all",
      "any",    "into",      "resolution", "adopted",    "general",   "assembly", "united", "nations", "draft",
      "report", "committee", "session",    "para",       "paragraph", "vote",     "votes",  "adopt",   "adoption",
      "whole",  "part",      "amendment",  "amendments", "amend",     "recorded",
  };
  return kStop.count(w) > 0;
}

}  // namespace

std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> words;
  std::string w;
  auto flush = [&] {
    if (w.size() >= 3 && !is_stop_word(w)) words.push_back(w);
    w.clear();
  };
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z')
      w += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z')
      w += static_cast<char>(c);
    else if (c == '\'')
      continue;  // "Palestine's" -> "palestines"
    else
      flush();
  }
  flush();
  std::vector<std::string> out = words;
  out.reserve(words.size() * 2);
  for (std::size_t i = 1; i < words.size(); ++i) out.push_back(words[i - 1] + "_" + words[i]);
  return out;
}

void NaiveBayes::train(const std::vector<std::vector<int>>& docs, const std::vector<int>& labels, int vocabulary,
                       double alpha, const std::vector<std::size_t>& rows) {
  if (docs.size() != labels.size()) throw std::invalid_argument("NaiveBayes::train: docs and labels differ in size");
  if (!(alpha > 0)) throw std::invalid_argument("NaiveBayes::train: alpha must be positive");
  std::vector<std::array<double, 2>> counts(static_cast<std::size_t>(vocabulary), {0, 0});
  double total[2] = {0, 0}, n[2] = {0, 0};
  auto add = [&](std::size_t i) {
    const int y = labels[i] ? 1 : 0;
    n[y] += 1;
    for (int t : docs[i]) {
      if (t < 0 || t >= vocabulary) throw std::invalid_argument("NaiveBayes::train: token id outside the vocabulary");
      counts[static_cast<std::size_t>(t)][y] += 1;
      total[y] += 1;
    }
  };
  if (rows.empty()) {
    for (std::size_t i = 0; i < docs.size(); ++i) add(i);
  } else {
    for (std::size_t i : rows) add(i);
  }
  double v = 0;
  for (const auto& c : counts) v += (c[0] + c[1]) > 0;
  const double d1 = total[1] + alpha * v, d0 = total[0] + alpha * v;
  weight_.assign(static_cast<std::size_t>(vocabulary), 0.0);
  for (std::size_t t = 0; t < counts.size(); ++t)
    if (counts[t][0] + counts[t][1] > 0)
      weight_[t] = std::log((counts[t][1] + alpha) / d1) - std::log((counts[t][0] + alpha) / d0);
  prior_ = std::log((n[1] + 1) / (n[0] + 1));
}

double NaiveBayes::log_odds(const std::vector<int>& doc) const {
  double s = prior_;
  for (int t : doc)
    if (t >= 0 && static_cast<std::size_t>(t) < weight_.size()) s += weight_[static_cast<std::size_t>(t)];
  return s;
}

namespace {

struct Confusion {
  std::int64_t tp = 0, fp = 0, fn = 0, tn = 0;
  void add(bool predicted, bool truth) {
    if (predicted)
      (truth ? tp : fp)++;
    else
      (truth ? fn : tn)++;
  }
  double f1() const {
    const double p = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
    const double r = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

}  // namespace

IssueClassifier IssueClassifier::train(const std::vector<Example>& train, int validation_years, double alpha) {
  IssueClassifier out;
  std::vector<std::vector<int>> docs;
  std::vector<std::uint8_t> codes;
  docs.reserve(train.size());
  int last_year = 0;
  for (const auto& e : train) {
    std::vector<int> doc;
    for (auto& t : tokens(e.text))
      doc.push_back(out.vocabulary_.emplace(std::move(t), static_cast<int>(out.vocabulary_.size())).first->second);
    docs.push_back(std::move(doc));
    codes.push_back(e.codes);
    last_year = std::max(last_year, e.year);
  }
  const int vocabulary = static_cast<int>(out.vocabulary_.size());
  std::vector<std::size_t> early, late;
  for (std::size_t i = 0; i < train.size(); ++i)
    (train[i].year > last_year - validation_years ? late : early).push_back(i);
  for (int k = 0; k < kCodes; ++k) {
    std::vector<int> labels(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) labels[i] = (codes[i] >> k) & 1;
    double threshold = 0;
    std::int64_t early_pos = 0, late_pos = 0;
    for (std::size_t i : early) early_pos += (codes[i] >> k) & 1;
    for (std::size_t i : late) late_pos += (codes[i] >> k) & 1;
    if (early_pos > 0 && late_pos > 0 && static_cast<std::int64_t>(early.size()) > early_pos) {
      NaiveBayes nb;
      nb.train(docs, labels, vocabulary, alpha, early);
      std::vector<double> scores;
      scores.reserve(late.size());
      for (std::size_t i : late) scores.push_back(nb.log_odds(docs[i]));
      double best_f1 = -1;
      for (int step = -10; step <= 30; ++step) {
        const double t = step * 0.5;
        Confusion c;
        for (std::size_t j = 0; j < late.size(); ++j) c.add(scores[j] > t, (codes[late[j]] >> k) & 1);
        // Ties go to the threshold nearest 0, the plain Bayes decision.
        if (c.f1() > best_f1 || (c.f1() == best_f1 && std::abs(t) < std::abs(threshold))) {
          best_f1 = c.f1();
          threshold = t;
        }
      }
    }
    out.models_[k].train(docs, labels, vocabulary, alpha);
    out.thresholds_[k] = threshold;
  }
  return out;
}

std::vector<int> IssueClassifier::ids(std::string_view text) const {
  std::vector<int> out;
  for (const auto& t : tokens(text))
    if (auto it = vocabulary_.find(t); it != vocabulary_.end()) out.push_back(it->second);
  return out;
}

std::uint8_t IssueClassifier::predict(std::string_view text) const {
  const auto doc = ids(text);
  std::uint8_t mask = 0;
  for (int k = 0; k < kCodes; ++k)
    if (models_[k].log_odds(doc) > thresholds_[k]) mask |= static_cast<std::uint8_t>(1u << k);
  return mask;
}

std::vector<CodeScore> evaluate(const IssueClassifier& model, const std::vector<Example>& test) {
  std::array<Confusion, kCodes> c;
  for (const auto& e : test) {
    const std::uint8_t p = model.predict(e.text);
    for (int k = 0; k < kCodes; ++k) c[k].add((p >> k) & 1, (e.codes >> k) & 1);
  }
  std::vector<CodeScore> out;
  for (int k = 0; k < kCodes; ++k) {
    CodeScore s;
    s.code = std::string(kCodeNames[k]);
    s.tp = c[k].tp, s.fp = c[k].fp, s.fn = c[k].fn, s.tn = c[k].tn;
    s.n = s.tp + s.fp + s.fn + s.tn;
    if (s.n) {
      s.accuracy = static_cast<double>(s.tp + s.tn) / static_cast<double>(s.n);
      s.always_no = static_cast<double>(s.fp + s.tn) / static_cast<double>(s.n);
    }
    s.precision = s.tp + s.fp ? static_cast<double>(s.tp) / static_cast<double>(s.tp + s.fp) : 0;
    s.recall = s.tp + s.fn ? static_cast<double>(s.tp) / static_cast<double>(s.tp + s.fn) : 0;
    s.f1 = c[k].f1();
    s.threshold = model.thresholds()[k];
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace rostrum::classify
