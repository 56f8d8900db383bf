// import_path: a file with a valid header but no rows is refused, so that an
// empty source never reaches the store.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "io/import.hpp"
#include "support/test_support.hpp"

namespace rostrum::io {
namespace {

TEST(ImportPath, HeaderWithoutRowsIsAnInputError) {
  testing::TempDir tmp;
  auto p = tmp.write("voeten.csv", "rcid,ccode,vote,session,importantvote,date,unres,amend,para,short,descr\n");
  try {
    import_path(p, "");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no roll calls"), std::string::npos) << e.what();
    EXPECT_EQ(e.file(), p);
  }
}

}  // namespace
}  // namespace rostrum::io
