// Issue codes for roll calls whose source has none (the UN Library files): Voeten's
// six codes (me, nu, di, hr, co, ec) predicted from the resolution's title, by one
// binary multinomial naive Bayes model per code, trained on the roll calls whose
// codes are known (unvotes, 1946-2019).
//
// Model: multinomial naive Bayes (McCallum & Nigam 1998, "A comparison of event
// models for naive Bayes text classification", AAAI workshop, section 2.2) on
// words and word bigrams, Laplace smoothing alpha. A code is predicted when the
// log-odds exceed a threshold chosen on held-out years: naive Bayes' log-odds are
// not calibrated (they grow with the number of words), and the threshold that
// maximises F1 on a later decade transfers to the next (measured in
// docs/data.md, "Issue codes after 2019").
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rostrum::classify {

constexpr int kCodes = 6;
// Code names in bit order (bit k of a mask is kCodeNames[k]): me nu di hr co ec.
extern const std::array<std::string_view, kCodes> kCodeNames;

// Lower-case ASCII words of three letters or more, stop words dropped, then the
// bigrams of consecutive kept words ("human_rights"). Digits and punctuation
// separate words. O(length).
std::vector<std::string> tokens(std::string_view text);

// One binary multinomial naive Bayes model over token ids (0 .. vocabulary - 1).
class NaiveBayes {
 public:
  // docs: token-id lists; labels: 0/1; rows: the documents to train on (empty =
  // all). alpha: Laplace smoothing (> 0). O(tokens of the rows + vocabulary).
  void train(const std::vector<std::vector<int>>& docs, const std::vector<int>& labels, int vocabulary,
             double alpha = 1.0, const std::vector<std::size_t>& rows = {});
  // log P(1 | doc) - log P(0 | doc) under the model:
  //   log(N1 + 1)/(N0 + 1) + sum over tokens t of log P(t | 1) - log P(t | 0),
  //   P(t | c) = (count(t, c) + alpha) / (total(c) + alpha * V),
  // with V the number of distinct tokens in the training documents; tokens
  // outside them are skipped (they carry no evidence either way). The class prior
  // uses add-one counts so that a class absent from training still gets a finite
  // score. O(tokens).
  double log_odds(const std::vector<int>& doc) const;

 private:
  std::vector<double> weight_;  // log P(t|1) - log P(t|0); 0 for tokens not seen in training
  double prior_ = 0;
};

struct Example {
  int year = 0;
  std::string text;        // what the model reads
  std::uint8_t codes = 0;  // bit k = kCodeNames[k]
};

// Confusion counts and derived figures of one code on a test set.
struct CodeScore {
  std::string code;
  std::int64_t n = 0, tp = 0, fp = 0, fn = 0, tn = 0;
  double accuracy = 0;                       // (tp + tn) / n
  double always_no = 0;                      // accuracy of predicting "no" everywhere: (fp + tn) / n
  double precision = 0, recall = 0, f1 = 0;  // 0 when undefined
  double threshold = 0;                      // the log-odds threshold used
};

class IssueClassifier {
 public:
  // Trains one model per code on `train`. The threshold of each code is chosen on
  // the last `validation_years` years of `train`: a model fitted on the earlier
  // years scores them, and the threshold on a grid from -5 to 15 (step 0.5) with
  // the highest F1 is kept (ties: the one nearest 0); the final model is then fitted on
  // all of `train`. With too few examples to validate, the threshold is 0.
  static IssueClassifier train(const std::vector<Example>& train, int validation_years = 10, double alpha = 1.0);
  std::uint8_t predict(std::string_view text) const;
  const std::array<double, kCodes>& thresholds() const { return thresholds_; }

 private:
  std::vector<int> ids(std::string_view text) const;  // known tokens of a text
  std::unordered_map<std::string, int> vocabulary_;
  std::array<NaiveBayes, kCodes> models_;
  std::array<double, kCodes> thresholds_{};
};

// Scores `model` on `test` (each example's text is what the model reads).
std::vector<CodeScore> evaluate(const IssueClassifier& model, const std::vector<Example>& test);

}  // namespace rostrum::classify
