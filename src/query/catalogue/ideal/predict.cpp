// predict: a held-out test of the ideal-point model -- hide a share of the votes,
// fit on the rest, score the hidden ones against simple baselines.
#include "core/cancel.hpp"
#include "query/catalogue.hpp"
#include "query/ideal_runs.hpp"

namespace rostrum::query {

namespace {

Table predict(Context& ctx, const Request& r) {
  using namespace ideal_runs;
  const double fraction = r.number("holdout");
  Prepared prep = prepare(ctx, r);
  auto report = ideal::holdout(prep.data, prep.options, fraction, prep.options.seed);
  throw_if_cancelled();
  Table t;
  t.columns = {"votes", "predictor", "accuracy", "log_loss", "apre", "n"};
  auto add = [&](const char* votes, const char* who, const ideal::Score& s) {
    t.add_row({std::string(votes), std::string(who), s.accuracy, s.log_loss, s.apre, s.n});
  };
  add("yes/abstain/no", "model", report.model);
  add("yes/abstain/no", "modal training vote", report.modal);
  add("yes/abstain/no", "always yes", report.always_yes);
  add("yes/no", "model", report.model_yn);
  add("yes/no", "modal training vote", report.modal_yn);
  add("yes/no", "always yes", report.always_yes_yn);
  t.meta = {{"train", report.n_train},
            {"test", report.n_test},
            {"holdout", fraction},
            {"seed", prep.options.seed},
            {"iterations", report.fit.iterations},
            {"params", prep.params},
            {"notice", "trained on " + std::to_string(report.n_train) + " votes, tested on " +
                           std::to_string(report.n_test) + " hidden votes"}};
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(predict) {
  return {
      .name = "predict",
      .summary = "Held-out test of the ideal-point model against simple baselines",
      .description =
          "Hides a random share of the observed votes, fits on the rest and predicts the hidden ones;\n"
          "reports accuracy, log-loss and APRE for Yes/Abstain/No and for Yes/No votes, next to the\n"
          "baselines 'always yes' and 'the roll call's modal training vote'.",
      .examples = {"rostrum predict --session 70-74 --holdout 0.1 --seed 1"},
      .params = params_of({ideal_runs::estimation_params(),
                           {{.name = "holdout",
                             .type = ParamType::number,
                             .help = "Share of votes hidden",
                             .fallback = 0.1,
                             .min = 0.001,
                             .max = 0.9,
                             .example = "0.1"}}}),
      .columns = {{"votes", ColumnType::text, "yes/abstain/no or yes/no"},
                  {"predictor", ColumnType::text, "model or baseline"},
                  {"accuracy", ColumnType::number, "share predicted right"},
                  {"log_loss", ColumnType::number, "mean negative log-likelihood"},
                  {"apre", ColumnType::number, "aggregate proportional reduction in error"},
                  {"n", ColumnType::integer, "hidden votes scored"}},
      .run = predict,
      .surfaces = kCli | kBindings,
  };
}

}  // namespace rostrum::query
