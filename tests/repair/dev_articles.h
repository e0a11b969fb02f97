// Test helper: the development articles (../shared/corpus/dev), which CI
// has beside the checkout and a user's machine may not.
#ifndef AIDTEXT_TESTS_REPAIR_DEV_ARTICLES_H_
#define AIDTEXT_TESTS_REPAIR_DEV_ARTICLES_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace aidtext::testing {

inline const std::filesystem::path kDevArticles = std::filesystem::path(AIDTEXT_SHARED_DIR) / "corpus" / "dev";

// The bytes of the dev article whose file name starts with `prefix`
// ("001_"); empty when there is none.
inline std::string read_dev_article(std::string_view prefix) {
  if (!std::filesystem::is_directory(kDevArticles)) return {};
  for (const auto& e : std::filesystem::directory_iterator(kDevArticles))
    if (e.path().filename().string().starts_with(prefix)) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  return {};
}

}  // namespace aidtext::testing

#endif  // AIDTEXT_TESTS_REPAIR_DEV_ARTICLES_H_
