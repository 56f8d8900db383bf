// The analysis subcommands, generated from the query catalogue: one subcommand
// per analysis (nested for names such as "sanctions/lag"), one flag per
// parameter, --help from the spec's summary, description, parameters, columns
// and examples. Values are passed on as the text the user typed; the query layer
// validates them once, with the same messages as the API.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/table_stream.hpp"
#include "core/text.hpp"
#include "query/catalogue.hpp"
#include "query/catalogue_export.hpp"
#include "report/brief.hpp"

namespace rostrum::cli {

namespace {

std::string kind_title(const std::string& kind) {
  static const std::map<std::string, std::string> titles = {{"reference", "Store and reference"},
                                                            {"votes", "Votes: alignment and cohesion"},
                                                            {"ideal", "Ideal points"},
                                                            {"blocs", "Blocs and poles"},
                                                            {"record", "The UN record"},
                                                            {"sanctions", "Sanctions"},
                                                            {"alliances", "Alliances and vetoes"},
                                                            {"report", "Reports"}};
  auto it = titles.find(kind);
  if (it != titles.end()) return it->second;
  std::string t = kind.empty() ? "Analyses" : kind;
  t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

std::string value_text(const query::Value& v, query::ParamType type) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return "";
        else if constexpr (std::is_same_v<T, bool>)
          return x ? "on" : "off";
        else if constexpr (std::is_same_v<T, std::string>)
          return x;
        else
          return fmt::format("{}", x);
      },
      v);
}

std::string option_help(const query::ParamSpec& p) {
  std::string help = p.help;
  if (p.type == query::ParamType::choice) help += " {" + join(p.choices, ", ") + "}";
  if ((p.type == query::ParamType::integer || p.type == query::ParamType::number) &&
      (std::isfinite(p.min) || std::isfinite(p.max))) {
    auto bound = [&](double b) {
      return p.type == query::ParamType::integer ? fmt::format("{}", static_cast<std::int64_t>(b))
                                                 : fmt::format("{}", b);
    };
    help += " [" + bound(p.min) + " .. " + bound(p.max) + "]";
  }
  const std::string d = value_text(p.fallback, p.type);
  if (!d.empty() && p.type != query::ParamType::boolean) help += " (default " + d + ")";
  return help;
}

std::string type_label(const query::ParamSpec& p) {
  switch (p.type) {
    case query::ParamType::integer:
      return "INT";
    case query::ParamType::number:
      return "NUMBER";
    case query::ParamType::date:
      return "DATE";
    case query::ParamType::countries:
      return "STATES";
    case query::ParamType::sessions:
      return "SESSIONS";
    case query::ParamType::years:
      return "YEARS";
    case query::ParamType::choice:
      return "CHOICE";
    default:
      return "TEXT";
  }
}

std::string footer_of(const query::AnalysisSpec& spec) {
  std::string f = spec.description;
  if (!spec.columns.empty()) {
    std::vector<std::string> names;
    for (const auto& c : spec.columns) names.push_back(c.name);
    f += "\n\nColumns (--format csv): " + join(names, ",");
  }
  if (!spec.examples.empty()) {
    f += "\n\nExamples:";
    for (const auto& e : spec.examples) f += "\n  " + e;
  }
  return f;
}

// Iteration, the figure it reports (the log-likelihood for ideal points) and the
// elapsed time, on a terminal only.
query::Progress progress_display() {
  if (!isatty(STDERR_FILENO)) return {};
  auto start = std::chrono::steady_clock::now();
  return [start](int step, double figure) {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "\r\033[Kiteration %d  %.1f  %.1f s", step, figure, secs);
    std::fflush(stderr);
    return true;
  };
}

// The notes of an answer, on stderr: its notice, the seat notes for a reader
// (machine formats carry them in meta), and why it is empty.
void print_notices(const nlohmann::json& meta, std::size_t rows, Format f) {
  if (auto it = meta.find("notice"); it != meta.end() && it->is_string())
    std::fprintf(stderr, "%s\n", it->get<std::string>().c_str());
  if (f == Format::table)
    if (auto it = meta.find("seat_notes"); it != meta.end() && it->is_array())
      for (const auto& note : *it) std::fprintf(stderr, "rostrum: note: %s\n", note.get<std::string>().c_str());
  if (rows == 0)
    if (auto it = meta.find("reason"); it != meta.end() && it->is_string())
      std::fprintf(stderr, "rostrum: no rows: %s\n", it->get<std::string>().c_str());
}

// CSV or JSON of an analysis that streams its rows (agree over all pairs and
// sessions): written as they are produced, so the answer is never held whole.
// --out gets the file whole or not at all (a temporary file renamed at the end).
void stream_analysis(Globals& g, query::Context& ctx, const query::AnalysisSpec& spec, const query::Params& params,
                     Format f) {
  const query::Request request = query::validate(spec, params);
  const std::string tmp = g.out.empty() ? std::string() : g.out + ".tmp";
  std::FILE* out = stdout;
  if (!tmp.empty() && !(out = std::fopen(tmp.c_str(), "wb")))
    throw UsageError("parameter 'out': cannot write '" + g.out + "'");
  bool failed = false;
  TextStreamSink sink(f, [&](std::string_view block) {
    if (std::fwrite(block.data(), 1, block.size(), out) != block.size()) failed = true;
  });
  try {
    spec.stream(ctx, request, sink);
    sink.finish();
  } catch (...) {
    if (!tmp.empty()) {
      std::fclose(out);
      std::filesystem::remove(tmp);
    }
    throw;
  }
  if (!tmp.empty()) {
    failed = std::fclose(out) != 0 || failed;
    if (failed)
      std::filesystem::remove(tmp);
    else
      std::filesystem::rename(tmp, g.out);
  } else {
    failed = std::fflush(out) != 0 || failed;
  }
  if (failed) throw UsageError("parameter 'out': cannot write '" + (g.out.empty() ? "stdout" : g.out) + "'");
  print_notices(sink.meta, sink.row_count(), f);
}

void run_analysis(Globals& g, const query::AnalysisSpec& spec, const query::Params& params) {
  auto ctx = g.context();
  const bool tty = isatty(STDERR_FILENO);
  ctx->set_progress(progress_display());
  const Format format = output_format(g);
  if (spec.stream && (format == Format::csv || (format == Format::json && !spec.json_document))) {
    stream_analysis(g, *ctx, spec, params, format);
    return;
  }
  Table t = query::run(*ctx, spec.name, params);
  if (tty) std::fprintf(stderr, "\r\033[K");
  if (format == Format::json && spec.json_document)
    emit(g, spec.json_document(t).dump(2) + "\n");
  else if (format == Format::table && spec.text_document)
    emit(g, spec.text_document(t));
  else
    emit(g, render(t, format));
  print_notices(t.meta, t.rows.size(), format);
}

CLI::App* subcommand_path(CLI::App& app, const std::vector<std::string>& words, const std::string& group) {
  CLI::App* parent = &app;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    CLI::App* next = find_command(*parent, words[i]);
    if (!next) {
      next = parent->add_subcommand(words[i], "Analyses of " + words[i] + " (see its --help)");
      next->group(group);
      next->require_subcommand(0, 1);
    }
    parent = next;
  }
  return parent;
}

void add_command(CLI::App& app, Globals& g, const query::AnalysisSpec& spec) {
  const auto words = spec.words();
  const std::string group = kind_title(spec.kind);
  CLI::App* parent = subcommand_path(app, words, group);
  CLI::App* cmd = parent->add_subcommand(words.back(), spec.summary);
  cmd->group(group);
  cmd->footer(footer_of(spec));
  auto values = std::make_shared<query::Params>();
  for (const auto& p : spec.params) {
    const std::string name = p.name;
    if (p.type == query::ParamType::boolean) {
      const bool default_on = std::holds_alternative<bool>(p.fallback) && std::get<bool>(p.fallback);
      const std::string flag = default_on ? "--no-" + name : "--" + name;
      cmd->add_flag_callback(
          flag, [values, name, default_on] { (*values)[name] = default_on ? "0" : "1"; }, p.help);
      continue;
    }
    CLI::Option* opt = p.positional ? cmd->add_option(name, (*values)[name], option_help(p))
                                    : cmd->add_option("--" + name, (*values)[name], option_help(p));
    opt->type_name(type_label(p));
    if (p.required) opt->required();
  }
  cmd->callback([&g, &spec, values] {
    query::Params params;
    for (const auto& [k, v] : *values)
      if (!v.empty()) params[k] = v;
    run_analysis(g, spec, params);
  });
}

}  // namespace

void register_catalogue_commands(CLI::App& app, Globals& g, std::string_view only) {
  query::add_analysis(report::brief_analysis());
  // --help lists the kinds in the order a new user meets them.
  static const std::vector<std::string> order = {"reference", "votes",     "record",    "ideal",
                                                 "blocs",     "alliances", "sanctions", "report"};
  auto rank = [&](const std::string& kind) {
    auto it = std::find(order.begin(), order.end(), kind);
    return static_cast<std::size_t>(it - order.begin());
  };
  std::vector<const query::AnalysisSpec*> specs;
  for (const auto& spec : query::catalogue())
    if (spec.surfaces & query::kCli) specs.push_back(&spec);
  std::stable_sort(specs.begin(), specs.end(), [&](auto* a, auto* b) { return rank(a->kind) < rank(b->kind); });
  for (const auto* spec : specs)
    if (only.empty() || spec->words().front() == only) add_command(app, g, *spec);
  if (!only.empty() && only != "catalogue") return;

  auto* cmd = app.add_subcommand("catalogue", "The analyses as data: JSON, TypeScript types or a Markdown reference");
  cmd->group("Store and service");
  cmd->footer(
      "Every analysis is defined once, in src/query/catalogue/; this prints that definition for other tools.\n"
      "  --format json     every analysis, its typed parameters and columns (the bindings read this)\n"
      "  --typescript      web/src/api-types.ts, the dashboard's API types\n"
      "  --markdown        docs/reference.md\n"
      "Example: rostrum catalogue --typescript > web/src/api-types.ts");
  auto typescript = std::make_shared<bool>(false), markdown = std::make_shared<bool>(false);
  cmd->add_flag("--typescript", *typescript, "TypeScript types of the API's parameters and rows");
  cmd->add_flag("--markdown", *markdown, "The Markdown reference of every analysis");
  cmd->callback([&g, typescript, markdown] {
    if (*typescript)
      emit(g, query::catalogue_typescript());
    else if (*markdown)
      emit(g, query::catalogue_markdown());
    else
      emit(g, query::catalogue_json().dump(2) + "\n");
  });
}

}  // namespace rostrum::cli
