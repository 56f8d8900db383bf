#include "sanctions/model.hpp"

namespace rostrum::sanctions {

std::string_view to_string(EntryType t) {
  switch (t) {
    case EntryType::person:
      return "person";
    case EntryType::organisation:
      return "organisation";
    case EntryType::vessel:
      return "vessel";
    case EntryType::aircraft:
      return "aircraft";
    case EntryType::unknown:
      return "unknown";
  }
  return "unknown";
}

EntryType entry_type_from_string(std::string_view s) {
  if (s == "person") return EntryType::person;
  if (s == "organisation") return EntryType::organisation;
  if (s == "vessel") return EntryType::vessel;
  if (s == "aircraft") return EntryType::aircraft;
  return EntryType::unknown;
}

std::string_view to_string(NameKind k) {
  switch (k) {
    case NameKind::primary:
      return "primary";
    case NameKind::aka:
      return "aka";
    case NameKind::fka:
      return "fka";
    case NameKind::weak:
      return "weak";
  }
  return "aka";
}

NameKind name_kind_from_string(std::string_view s) {
  if (s == "primary") return NameKind::primary;
  if (s == "fka") return NameKind::fka;
  if (s == "weak") return NameKind::weak;
  return NameKind::aka;
}

std::string_view to_string(EventKind k) {
  switch (k) {
    case EventKind::listed:
      return "listed";
    case EventKind::amended:
      return "amended";
    case EventKind::delisted:
      return "delisted";
  }
  return "listed";
}

EventKind event_kind_from_string(std::string_view s) {
  if (s == "amended") return EventKind::amended;
  if (s == "delisted") return EventKind::delisted;
  return EventKind::listed;
}

const std::string& Entry::primary_name() const {
  static const std::string empty;
  return names.empty() ? empty : names.front().text;
}

}  // namespace rostrum::sanctions
