// groups: the built-in and user groups with their dated membership.
#include "registry/groups.hpp"
#include "core/text.hpp"
#include "query/catalogue.hpp"

namespace rostrum::query {

namespace {

Table groups(Context& ctx, const Request& r) {
  // Without a date: today's members (the open end of every membership).
  const Date on = r.has("date") ? *parse_date_bound(r.text("date"), true) : kOpenEnd - 1;
  Table t;
  t.columns = {"name", "members", "size", "ever_members", "description"};
  std::vector<const registry::Group*> all;
  for (const auto& g : registry::builtin_groups()) all.push_back(&g);
  for (const auto& g : ctx.user_groups()) all.push_back(&g);
  for (const registry::Group* g : all) {
    auto now = g->members_on(on);
    t.add_row({g->name, join(now), static_cast<std::int64_t>(now.size()), join(g->ever_members()), g->description});
  }
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(groups) {
  return {
      .name = "groups",
      .summary = "Groups of states (EU, NATO, G7, BRICS, CRINK, ...) and their members",
      .description =
          "Built-in groups with dated membership, plus the user's groups (--groups FILE or "
          "$ROSTRUM_GROUPS; format in docs/registry.md).",
      .examples = {"rostrum groups", "rostrum groups --date 1995"},
      .params = {{.name = "date",
                  .type = ParamType::date,
                  .help = "Membership on this date (YYYY or YYYY-MM-DD; default: today)",
                  .example = "2020-01-01"}},
      .columns = {{"name", ColumnType::text, "group name"},
                  {"members", ColumnType::text, "members on the date, comma-separated"},
                  {"size", ColumnType::integer, "number of members on the date"},
                  {"ever_members", ColumnType::text, "every state ever a member"},
                  {"description", ColumnType::text, "what it is, and the source of the dates"}},
      .run = groups,
  };
}

}  // namespace rostrum::query
