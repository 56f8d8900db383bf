// record issues: how well the issue codes the record predicts for roll calls
// whose source has none are predicted, per code, on held-out sessions.
#include "query/catalogue.hpp"
#include "store/store.hpp"

namespace rostrum::query {

ROSTRUM_ANALYSIS(record_issues) {
  return {
      .name = "record/issues",
      .summary = "Accuracy of the issue codes predicted after 2019, per code",
      .description =
          "Voeten's six issue codes (me, nu, di, hr, co, ec) stop with unvotes (2019). For later roll calls the "
          "record predicts them from the resolution's title with one naive Bayes model per code, trained on the "
          "roll calls whose codes are known; --issue on those years uses the predicted codes (marked "
          "issues_predicted in the store). This table scores the model trained on the years to 2009 on the UN "
          "Library titles of 2010-2019, the input it reads in use. On the shared data: accuracy me 0.96, nu 0.96, "
          "di 0.92, hr 0.91, co 0.92, ec 0.92 against 0.73-0.86 for always answering no; F1 0.68 (ec) to 0.91 (me). "
          "docs/data.md, \"Issue codes after 2019\".",
      .examples = {"rostrum record issues"},
      .columns = {{"code", ColumnType::text, "issue code"},
                  {"train_years", ColumnType::text, "years the scored model was trained on"},
                  {"test_years", ColumnType::text, "held-out years it was scored on"},
                  {"n", ColumnType::integer, "held-out roll calls"},
                  {"accuracy", ColumnType::number, "share predicted right"},
                  {"always_no", ColumnType::number, "accuracy of answering no everywhere"},
                  {"precision", ColumnType::number, "predicted codes that are right"},
                  {"recall", ColumnType::number, "true codes found"},
                  {"f1", ColumnType::number, "harmonic mean of precision and recall"}},
      .run =
          [](Context& ctx, const Request&) {
            auto store = store::Store::open(ctx.db_path(), false, true);
            Table t;
            t.columns = {"code",      "train_years", "test_years", "n", "accuracy",
                         "always_no", "precision",   "recall",     "f1"};
            for (const auto& s : store.issue_model_scores())
              t.add_row(
                  {s.code, s.train_years, s.test_years, s.n, s.accuracy, s.always_no, s.precision, s.recall, s.f1});
            if (t.rows.empty())
              t.meta["reason"] =
                  "no prediction was needed or possible: the record holds no roll call without issue codes, or no "
                  "source with codes to learn from (import unvotes)";
            return t;
          },
  };
}

}  // namespace rostrum::query
