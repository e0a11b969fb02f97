// Helpers shared by the numerals tests: where ../shared/ is, and whether it exists.
#ifndef AIDTEXT_TESTS_NUMERALS_PEER_SUPPORT_H_
#define AIDTEXT_TESTS_NUMERALS_PEER_SUPPORT_H_

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

namespace peer {

inline std::string shared_path(const std::string& rel) { return std::string(AIDTEXT_SHARED_DIR) + "/" + rel; }

// Boost.Test precondition: the test is reported SKIPPED (not passed) when
// the shared folder (peer suites, dev corpus) is absent; CI has it.
struct SharedAvailable {
  std::string rel;
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    boost::test_tools::assertion_result r(std::filesystem::exists(shared_path(rel)));
    r.message() << shared_path(rel) << " is absent: skipped";
    return r;
  }
};

inline auto needs_shared(const std::string& rel) { return boost::unit_test::precondition(SharedAvailable{rel}); }

}  // namespace peer

#endif  // AIDTEXT_TESTS_NUMERALS_PEER_SUPPORT_H_
