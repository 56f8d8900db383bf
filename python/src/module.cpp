// rostrum._core: the engine for Python. A thin shell like the CLI: it passes
// keyword arguments (already text, see rostrum/__init__.py) to the query layer
// and hands the answer to numpy as column buffers (query/columns.hpp) -- a
// buffer per column, moved, not copied, and no Python object per cell. The
// package's Python code (rostrum/__init__.py) builds the DataFrames and one
// method per analysis of the catalogue.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "query/bindings.hpp"
#include "query/catalogue.hpp"
#include "query/catalogue_export.hpp"
#include "query/columns.hpp"
#include "report/brief.hpp"

namespace py = pybind11;
using namespace rostrum;

namespace {

// A numpy array over a vector's buffer, which the array then owns.
template <class T>
py::array owned_array(std::vector<T>&& values, py::dtype dtype) {
  auto* heap = new std::vector<T>(std::move(values));
  py::capsule owner(heap, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array(dtype, {static_cast<py::ssize_t>(heap->size())}, {static_cast<py::ssize_t>(sizeof(T))}, heap->data(),
                   owner);
}

template <class T>
py::array owned_array(std::vector<T>&& values) {
  return owned_array(std::move(values), py::dtype::of<T>());
}

// Text codes in the narrowest integer type for the number of levels, the type
// pandas keeps a Categorical's codes in (so it does not copy them again).
template <class T>
py::array narrowed(const std::vector<std::int32_t>& codes) {
  std::vector<T> out(codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) out[i] = static_cast<T>(codes[i]);
  return owned_array(std::move(out));
}

py::dict column_dict(query::Column& c) {
  py::dict d;
  d["name"] = c.name;
  switch (c.kind) {
    case query::ColumnKind::integer:
      d["kind"] = "integer";
      d["mask"] = c.has_missing() ? py::object(owned_array(std::move(c.missing), py::dtype("bool"))) : py::none();
      d["values"] = owned_array(std::move(c.integers));
      break;
    case query::ColumnKind::number:
      d["kind"] = "number";
      d["values"] = owned_array(std::move(c.numbers));
      break;
    case query::ColumnKind::date: {
      // datetime64[ns], the unit pandas 1.x holds; NaT where null.
      constexpr std::int64_t kNanosPerDay = 86'400'000'000'000;
      const bool any_missing = c.has_missing();
      for (std::size_t i = 0; i < c.integers.size(); ++i)
        c.integers[i] =
            any_missing && c.missing[i] ? std::numeric_limits<std::int64_t>::min() : c.integers[i] * kNanosPerDay;
      d["kind"] = "date";
      d["values"] = owned_array(std::move(c.integers), py::dtype("datetime64[ns]"));
      break;
    }
    case query::ColumnKind::text: {
      d["kind"] = "text";
      const std::size_t n = c.levels.size();
      d["codes"] = n < 128     ? narrowed<std::int8_t>(c.codes)
                   : n < 32768 ? narrowed<std::int16_t>(c.codes)
                               : narrowed<std::int32_t>(c.codes);
      c.codes = {};
      py::list levels;
      for (const auto& level : c.levels) levels.append(py::str(level));
      d["categories"] = levels;
      break;
    }
  }
  return d;
}

py::tuple result_of(query::Columns&& cols) {
  py::list columns;
  for (auto& c : cols.columns) {
    columns.append(column_dict(c));
    c = {};
  }
  return py::make_tuple(columns, static_cast<py::ssize_t>(cols.rows), cols.meta.dump());
}

// The store through a query Context, which keeps each source's vote matrix
// loaded between calls.
class Session {
 public:
  Session(const std::string& path, bool write, const std::string& groups_file)
      : write_(write), context_(query::open_store(path, write, groups_file)) {}

  py::tuple run(const std::string& name, const query::Params& params) {
    query::Columns cols;
    {
      py::gil_scoped_release release;
      cols = query::run_for_bindings(*context_, name, params);
    }
    return result_of(std::move(cols));
  }

  py::tuple import_paths(const std::vector<std::string>& paths, const std::string& format, const std::string& name) {
    query::Columns cols;
    {
      py::gil_scoped_release release;
      cols = query::to_columns(query::import_paths(*context_, paths, format, name));
    }
    return result_of(std::move(cols));
  }

  const std::string& path() const { return context_->db_path(); }
  bool write() const { return write_; }

 private:
  bool write_;
  std::shared_ptr<query::Context> context_;
};

// rostrum's errors become the package's exception classes (rostrum/_errors.py),
// with the message unchanged and the details as attributes.
void raise_as(const char* cls_name, const std::string& message, py::dict details) {
  py::object cls = py::module_::import("rostrum._errors").attr(cls_name);
  py::object instance = cls(message, **details);
  PyErr_SetObject(cls.ptr(), instance.ptr());
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "rostrum's engine; use the rostrum package (rostrum.Store), not this module";
  query::add_analysis(report::brief_analysis());

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InputError& e) {
      py::dict d;
      d["file"] = e.file();
      d["line"] = e.line();
      d["column"] = e.column();
      raise_as("InputError", e.what(), d);
    } catch (const NotAvailableError& e) {
      raise_as("NotAvailableError", e.what(), py::dict());
    } catch (const UsageError& e) {
      py::dict d;
      if (!e.parameter().empty()) d["parameter"] = e.parameter();
      raise_as("UsageError", e.what(), d);
    } catch (const StoreError& e) {
      raise_as("StoreError", e.what(), py::dict());
    } catch (const Error& e) {
      raise_as("Error", e.what(), py::dict());
    }
  });

  m.def(
      "catalogue_json", [] { return query::catalogue_json().dump(); },
      "The catalogue of analyses as JSON (what `rostrum catalogue` prints)");

  py::class_<Session>(m, "Session")
      .def(py::init<std::string, bool, std::string>(), py::arg("path"), py::arg("write"), py::arg("groups"))
      .def("run", &Session::run, py::arg("name"), py::arg("params"))
      .def("import_paths", &Session::import_paths, py::arg("paths"), py::arg("format"), py::arg("name"))
      .def_property_readonly("path", &Session::path)
      .def_property_readonly("write", &Session::write);
}
