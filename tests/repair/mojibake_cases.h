// Test helper: the peer mojibake suite (/work/shared/peer/mojibake/cases.json)
// and the measures its README asks for.
#ifndef AIDTEXT_TESTS_REPAIR_MOJIBAKE_CASES_H_
#define AIDTEXT_TESTS_REPAIR_MOJIBAKE_CASES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aidtext::testing {

struct MojibakeCase {
  std::string id;
  std::string kind;
  std::string garbled;
  std::string expected;
  bool recoverable = false;
};

// Reads cases.json; nullopt when the file is absent (no ../shared checkout).
std::optional<std::vector<MojibakeCase>> load_mojibake_cases(const std::string& path);

// Full-width ASCII forms (U+FF01..U+FF5E) folded to ASCII: the corpus the
// cases come from was normalised that way, so the README compares so.
std::string fold_width(std::string_view s);

// Share of `expected`'s characters that `actual` gets right:
// 1 - edit distance / length, at least 0.
double char_agreement(std::string_view actual, std::string_view expected);

}  // namespace aidtext::testing

#endif  // AIDTEXT_TESTS_REPAIR_MOJIBAKE_CASES_H_
