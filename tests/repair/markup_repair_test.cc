// Mojibake inside HTML markup: removing a tag is an edit the repair stage's
// watch cannot see through (repair/damage_watch.h), so the cleaner asks the
// repair stage before its first one (clean_text's go_on). A damaged
// paragraph between tags is repaired, the tags are gone, and the repaired
// figures point at their own input bytes. The damage is made here with ICU
// (mojibake_maker.h): UTF-8 read as Latin-1, GBK read as Latin-1, UTF-8
// read as GBK.
#define BOOST_TEST_MODULE markup_repair
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "mojibake_maker.h"
#include "normalize/normalizer.h"

namespace mk = aidtext::testing;
using aidtext::NormalizedText;
using aidtext::NormalizeOptions;

namespace {

const std::string kParagraph = "全县贫困人口减少1.2万人，贫困发生率降至0.5%，脱贫攻坚取得决定性成就。";

struct Damage {
  const char* kind;
  std::string garbled;
};

std::vector<Damage> damaged_forms() {
  return {{"utf8-as-latin1", mk::latin1(kParagraph)},
          {"gbk-as-latin1", mk::latin1(mk::encode(kParagraph, "GBK"))},
          {"utf8-as-gbk", mk::decode(kParagraph, "GBK")}};
}

}  // namespace

BOOST_AUTO_TEST_CASE(mojibake_between_tags_is_repaired_and_the_tags_removed) {
  for (const Damage& d : damaged_forms()) {
    BOOST_TEST_CONTEXT(d.kind) {
      const std::string in = "<div class=\"article\"><p>" + d.garbled + "</p><br/><span>记者 王明</span></div>";
      const NormalizedText n = aidtext::normalize(in, NormalizeOptions{});
      BOOST_TEST(!n.report.repairs.empty());
      BOOST_TEST(n.report.markup_removed == 7u);
      BOOST_TEST(n.text.find('<') == std::string::npos);
      // utf8-as-gbk loses bytes (what GBK could not pair), so only its
      // figure is asked for; the other two are repaired whole.
      if (std::string_view(d.kind) == "utf8-as-gbk") {
        BOOST_TEST(n.text.find("1.2万人") != std::string::npos);
        continue;
      }
      BOOST_TEST(n.text == kParagraph + "\n记者 王明\n");
      // The repaired figure points into the damaged bytes, inside the <p>.
      const size_t at = n.text.find("1.2万人");
      const aidtext::Range src = n.to_input({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 9)});
      BOOST_TEST(src.begin >= in.find("<p>") + 3);
      BOOST_TEST(src.end <= in.find("</p>"));
    }
  }
}

// The same text without the tags gets the same repair: the markup pass
// changes nothing about what the repair stage sees.
BOOST_AUTO_TEST_CASE(tags_do_not_change_the_repair) {
  for (const Damage& d : damaged_forms()) {
    const NormalizedText bare = aidtext::normalize(d.garbled, NormalizeOptions{});
    const NormalizedText tagged = aidtext::normalize("<p>" + d.garbled + "</p>", NormalizeOptions{});
    BOOST_TEST(tagged.text == bare.text + "\n", d.kind);
    BOOST_TEST(tagged.report.repairs.size() == bare.report.repairs.size(), d.kind);
  }
}
