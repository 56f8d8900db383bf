// The brief's credits: every source a section used -- each vote source of the
// record (or the one --source names), the alliance and treaty files, the veto
// files and each sanctions list with its as-of date -- named in the header and
// listed in Methods. Sections add theirs with Builder::credit as they read them.
#include "report/brief_builder.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace rostrum::report::brief_detail {

namespace {

// Who made a vote file, by import format (docs/import.md).
std::string vote_citation(const std::string& format) {
  if (format == "unvotes" || format == "voeten")
    return "Voeten, Strezhnev &amp; Bailey, United Nations General Assembly Voting Data, Harvard Dataverse "
           "hdl:1902.1/12379";
  if (format == "wide" || format == "undl") return "UN Digital Library voting records";
  return "";
}

const char* kind_title(const std::string& kind) {
  if (kind == "votes") return "Votes";
  if (kind == "alliances") return "Alliances";
  if (kind == "vetoes") return "Vetoes";
  if (kind == "sanctions") return "Sanctions lists";
  return "Other";
}

}  // namespace

void Builder::credit_vote_sources() {
  nlohmann::json used = nlohmann::json::array();
  try {
    auto info = query::run(ctx_, "info", {});
    std::vector<std::string> names;
    if (!o_.source.empty()) {
      names.push_back(o_.source);
    } else if (info.meta.contains("record")) {
      // By default the analyses read the record: name it and how it was composed.
      for (const char* body : {"ga", "sc"}) {
        if (!info.meta["record"].contains(body)) continue;
        std::string list;
        for (const auto& name : info.meta["record"][body].value("sources", nlohmann::json::array())) {
          list += (list.empty() ? "" : " &gt; ") + escape(name.get<std::string>());
          if (std::find(names.begin(), names.end(), name.get<std::string>()) == names.end())
            names.push_back(name.get<std::string>());
        }
        if (std::string(body) == "ga" && !list.empty())
          source_note_ = " (every source stitched, by precedence: " + list + ")";
      }
    }
    for (const auto& name : names)
      for (const auto& s : info.meta["sources"]) {
        if (s.value("name", "") != name) continue;
        const std::string format = s.value("format", ""), citation = vote_citation(format);
        const std::string body = s.value("body", "") == "sc" ? "Security Council" : "General Assembly";
        credit("votes", "<code>" + escape(name) + "</code> (" + escape(format) + "): " + body + ", " +
                            fmt_n(s.value("rollcalls", 0.0)) + " roll calls, " + escape(s.value("first_date", "")) +
                            " to " + escape(s.value("last_date", "")) + (citation.empty() ? "" : "; " + citation));
        used.push_back({{"name", name}, {"body", s.value("body", "")}, {"format", format}});
      }
  } catch (const std::exception&) {
    // A store without the info analysis's tables still has the record the
    // sections read; the credits then name only the other sources.
  }
  facts_["vote_sources"] = used;
}

std::string Builder::sources_line() const {
  std::string out;
  for (const char* kind : {"votes", "alliances", "vetoes", "sanctions"}) {
    std::string names;
    std::vector<std::string> seen;
    int n = 0;
    for (const auto& [k, html] : credits_)
      if (k == kind) {
        // The name is the first <code> of the credit (a source of both bodies is credited twice).
        const auto from = html.find("<code>"), to = html.find("</code>");
        if (from == std::string::npos || to == std::string::npos) continue;
        const std::string issuer = kind == std::string("sanctions") ? html.substr(0, html.find(' ')) + " " : "";
        const std::string name = issuer + html.substr(from, to + 7 - from);
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
        seen.push_back(name);
        names += std::string(n++ ? ", " : "") + name;
      }
    if (n) out += (out.empty() ? "" : "; ") + std::string(kind_title(kind)) + ": " + names;
  }
  return out.empty() ? "" : "<p class=sub>Sources: " + out + " (details in Methods).</p>\n";
}

std::string Builder::sources_html() const {
  std::string out = "<h3>Sources used in this brief</h3>\n<dl>\n";
  for (const char* kind : {"votes", "alliances", "vetoes", "sanctions"}) {
    std::string items;
    for (const auto& [k, html] : credits_)
      if (k == kind) items += "<li>" + html + "</li>";
    if (!items.empty()) out += "<dt>" + std::string(kind_title(kind)) + "</dt><dd><ul>" + items + "</ul></dd>\n";
  }
  return out + "</dl>\n";
}

}  // namespace rostrum::report::brief_detail
