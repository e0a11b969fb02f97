// Rule packs: the compiled-in default, user packs, errors, RE2 patterns.
#define BOOST_TEST_MODULE metrics_rule_pack
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstring>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "metrics/rule_pack.h"
#include "metrics/rule_pack_data.h"
#include "quantity_builder.h"

using aidtext::Decimal;
using aidtext::RulePack;
using aidtext::testing::Doc;
using aidtext::testing::find_record;

namespace {

std::string parse_error(std::string_view pack) {
  std::string error;
  std::unique_ptr<RulePack> p = RulePack::parse(pack, &error);
  return p ? "(parsed)" : error;
}

}  // namespace

BOOST_AUTO_TEST_CASE(default_pack_holds_the_taxonomy) {
  const auto& d = RulePack::default_pack().data();
  BOOST_TEST(d.metrics.size() == 23u);
  BOOST_TEST(!d.rules.empty());
  BOOST_TEST(!d.place_suffixes.empty());
  for (const auto& r : d.rules) BOOST_TEST(r.metric < static_cast<int>(d.metrics.size()));
}

BOOST_AUTO_TEST_CASE(a_standalone_pack) {
  std::string error;
  auto pack = RulePack::parse(
      "# relocation only\n"
      "metric relocated person total\n"
      "group MOVE 易地扶贫搬迁 搬迁\n"
      "rule relocated person MOVE\n",
      &error);
  BOOST_REQUIRE_MESSAGE(pack, error);
  Doc d("易地扶贫搬迁贫困群众3000人，落实帮扶资金300万元。");
  d.q("3000人", "person", Decimal(3000)).q("300万元", "CNY", Decimal(3000000));
  auto rs = d.extract(*pack);
  BOOST_REQUIRE(rs.size() == 1u);
  BOOST_TEST(rs[0].metric == "relocated");
  BOOST_TEST(rs[0].change == "total");
}

BOOST_AUTO_TEST_CASE(a_pack_extending_the_default) {
  std::string error;
  auto pack = RulePack::parse(
      "use default\n"
      "metric relocated person total\n"
      "group MOVE 易地扶贫搬迁 搬迁\n"
      "rule relocated person MOVE\n"
      "group FUNDS += 东西部协作资金\n",
      &error);
  BOOST_REQUIRE_MESSAGE(pack, error);
  Doc d("易地扶贫搬迁贫困群众3000人，争取东西部协作资金300万元。");
  d.q("3000人", "person", Decimal(3000)).q("300万元", "CNY", Decimal(3000000));
  auto rs = d.extract(*pack);
  BOOST_TEST(rs.size() == 2u);
  // The pack's own rule is tried before the inherited poor_population rule.
  BOOST_TEST(find_record(rs, "3000人")->metric == "relocated");
  BOOST_TEST(find_record(rs, "300万元")->metric == "aid_funds");
  // The default pack is untouched: it has no relocation metric, and moved
  // people are no standing count of the poor.
  auto plain = d.extract();
  BOOST_TEST(find_record(plain, "3000人") == nullptr);
  BOOST_TEST(find_record(plain, "300万元") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_pack_overriding_cues) {
  std::string error;
  auto pack = RulePack::parse("use default\ngroup CADRE 工作队员\n", &error);
  BOOST_REQUIRE_MESSAGE(pack, error);
  Doc d("选派了8名优秀干部驻村帮扶。");
  d.q("8名", "person", Decimal(8));
  BOOST_TEST(d.extract().size() == 1u);
  BOOST_TEST(d.extract(*pack).empty());
}

BOOST_AUTO_TEST_CASE(a_pack_adding_per_unit_and_byline_words) {
  std::string error;
  auto pack = RulePack::parse("use default\nper-unit 每亩\nbyline 稿源\n", &error);
  BOOST_REQUIRE_MESSAGE(pack, error);
  // 每亩: a rate per mu, not an amount of aid, in this pack only.
  Doc d("全县每亩投入扶贫资金500元。");
  d.q("500元", "CNY", Decimal(500));
  BOOST_TEST(d.extract().size() == 1u);
  BOOST_TEST(d.extract(*pack).empty());
  // 稿源 marks a byline: its date frames no section in this pack.
  Doc e("扶贫工作综述\n2019年11月 稿源：县扶贫办\n全县落实扶贫资金300万元。");
  e.date("2019年11月", "2019-11").q("300万元", "CNY", Decimal(3000000));
  auto with_default = e.extract();
  auto with_pack = e.extract(*pack);
  BOOST_TEST_REQUIRE(with_default.size() == 1u);
  BOOST_TEST_REQUIRE(with_pack.size() == 1u);
  BOOST_TEST(with_default[0].time.value_or("null") == "2019-11");
  BOOST_TEST(with_pack[0].time.value_or("null") == "null");
}

namespace {

// Villages and towns out of poverty; `own_nouns`: the pack's own-noun lines.
std::unique_ptr<RulePack> town_pack(std::string_view own_nouns) {
  std::string error;
  auto pack = RulePack::parse(
      "metric villages_done count total\n"
      "metric towns_done count total\n"
      "group VILLAGE 贫困村\n"
      "group TOWN 贫困乡\n"
      "group DONE 脱贫\n"
      "rule villages_done count VILLAGE DONE\n"
      "rule towns_done count TOWN DONE\n" +
          std::string(own_nouns),
      &error);
  BOOST_REQUIRE_MESSAGE(pack, error);
  return pack;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_pack_declaring_own_nouns) {
  auto pack = town_pack("own-noun TOWN 乡\nown-noun VILLAGE 村 贫困村\n");
  const auto& d = pack->data();
  BOOST_TEST(d.own_nouns == (std::vector<std::string>{"乡", "村", "贫困村"}));
  BOOST_REQUIRE(d.own_noun_groups.size() == 3u);
  BOOST_TEST(d.groups[static_cast<size_t>(d.own_noun_groups[0])].name == "TOWN");
  BOOST_TEST(d.groups[static_cast<size_t>(d.own_noun_groups[1])].name == "VILLAGE");
  BOOST_TEST(d.groups[static_cast<size_t>(d.own_noun_groups[2])].name == "VILLAGE");

  // 2个乡: towns, though the words the list shares (贫困村…脱贫) name villages.
  Doc list("剩余的2个乡、9个贫困村全部脱贫。");
  list.q("2个", "count", Decimal(2), "个").q("9个", "count", Decimal(9), "个");
  auto rs = list.extract(*pack);
  BOOST_TEST(find_record(rs, "2个") != nullptr);
  if (find_record(rs, "2个")) BOOST_TEST(find_record(rs, "2个")->metric == "towns_done");
  BOOST_TEST(find_record(rs, "9个") != nullptr);
  if (find_record(rs, "9个")) BOOST_TEST(find_record(rs, "9个")->metric == "villages_done");
  // Without the lines the list's village noun wins.
  auto without = list.extract(*town_pack(""));
  BOOST_TEST(find_record(without, "2个") != nullptr);
  if (find_record(without, "2个")) BOOST_TEST(find_record(without, "2个")->metric == "villages_done");
  // Joined by 和, the town is read through its whole clause, where the
  // village rule, tried first, holds: it is not the town's.
  Doc joined("剩余的2个乡和9个贫困村全部脱贫。");
  joined.q("2个", "count", Decimal(2), "个").q("9个", "count", Decimal(9), "个");
  auto js = joined.extract(*pack);
  BOOST_TEST(find_record(js, "2个") != nullptr);
  if (find_record(js, "2个")) BOOST_TEST(find_record(js, "2个")->metric == "towns_done");

  // 12个村: the own noun is a cue of its group for its figure (村 alone is no
  // cue of VILLAGE); 13个村民小组: 村民, a longer word of the pack's (here a
  // not-place word), holds the noun, and the groups are no villages.
  auto with_words = town_pack("own-noun VILLAGE 村\nnot-place 村民\n");
  Doc own("全镇12个村脱贫。全镇13个村民小组脱贫。");
  own.q("12个", "count", Decimal(12), "个").q("13个", "count", Decimal(13), "个");
  auto ws = own.extract(*with_words);
  BOOST_TEST(find_record(ws, "12个") != nullptr);
  if (find_record(ws, "12个")) BOOST_TEST(find_record(ws, "12个")->metric == "villages_done");
  BOOST_TEST(find_record(ws, "13个") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_pack_extending_the_default_own_nouns) {
  // 旗, a county of Inner Mongolia: a county figure in this pack only.
  std::string error;
  auto pack = RulePack::parse("use default\nown-noun COUNTY 旗\n", &error);
  BOOST_REQUIRE_MESSAGE(pack, error);
  Doc d("2020年，全盟剩余的2个旗、41个贫困村全部脱贫退出。");
  d.q("2个", "count", Decimal(2), "个").q("41个", "count", Decimal(41), "个");
  auto plain = d.extract();
  auto extended = d.extract(*pack);
  BOOST_REQUIRE(find_record(plain, "2个") != nullptr);
  BOOST_REQUIRE(find_record(extended, "2个") != nullptr);
  BOOST_TEST(find_record(plain, "2个")->metric == "villages_exited");
  BOOST_TEST(find_record(extended, "2个")->metric == "counties_exited");
  BOOST_REQUIRE(find_record(extended, "41个") != nullptr);
  BOOST_TEST(find_record(extended, "41个")->metric == "villages_exited");
}

BOOST_AUTO_TEST_CASE(bad_packs_name_the_line) {
  BOOST_TEST(parse_error("metric a person total\n\nmetric b persons total\n") == "line 3: unknown unit 'persons'");
  BOOST_TEST(parse_error("metric a person total\nrule a person NOPE\n") == "line 2: unknown group 'NOPE'");
  BOOST_TEST(parse_error("group G 词\nrule zzz person G\n") ==
             "line 2: unknown metric 'zzz' (define it with 'metric' first)");
  BOOST_TEST(parse_error("metric a person total\ngroup G 词\nrule a CNY G\n") ==
             "line 3: unit 'CNY' is not a unit of metric a");
  BOOST_TEST(parse_error("frobnicate x\n") == "line 1: unknown keyword 'frobnicate'");
  BOOST_TEST(parse_error("metric a person sometimes\n") == "line 1: unknown change 'sometimes' (level, total or target)");
  BOOST_TEST(parse_error("metric Bad person total\n").rfind("line 1: bad metric id", 0) == 0);
  BOOST_TEST(parse_error("metric a person total\ngroup G 词\nuse default\n") ==
             "line 3: 'use default' must come before everything else");
  BOOST_TEST(parse_error("metric a person total\ngroup G\n") == "line 2: group G has no cue");
  BOOST_TEST(parse_error("metric a person total\n") == "the pack defines no rule");
  BOOST_TEST(parse_error("metric a person total\ngroup G \xff\xfe\n") == "line 2: not valid UTF-8");
  BOOST_TEST(parse_error("metric a count total\ngroup G 词\nrule a person/个 G\n").rfind("line 3: unit 'person'", 0) == 0);
  BOOST_TEST(parse_error("metric a person total\ngroup G 词\nrule a person !G\n") ==
             "line 3: a rule needs at least one group that must occur");
  BOOST_TEST(parse_error("plan-period 十三五 2016\n") ==
             "line 1: 'plan-period' needs a name, its first year and its last year");
  BOOST_TEST(parse_error("plan-period 十三五 2020 2016\n") ==
             "line 1: plan-period years '2020' and '2016' are not two years 1900-2100 in order");
  BOOST_TEST(parse_error("plan-period 十三五 20x6 2020\n").rfind("line 1: plan-period years", 0) == 0);
  BOOST_TEST(parse_error("own-noun\n") == "line 1: expected 'own-noun <GROUP> <word>...'");
  BOOST_TEST(parse_error("metric a count total\nown-noun NOPE 县\n") == "line 2: unknown group 'NOPE'");
  BOOST_TEST(parse_error("metric a count total\ngroup G 词\nown-noun G\n") ==
             "line 3: 'own-noun' needs at least one word");
  BOOST_TEST(parse_error("metric a count total\ngroup G 词\nown-noun G " + std::string(300, 'x') + "\n")
                 .rfind("line 3: cue", 0) == 0);
}

BOOST_AUTO_TEST_CASE(bad_patterns_are_refused) {
  std::string e = parse_error("metric a person total\ngroup G re:(unclosed\nrule a person G\n");
  BOOST_TEST(e.rfind("line 2: bad pattern '(unclosed'", 0) == 0);
  BOOST_TEST(parse_error("metric a person total\ngroup G re:x*\nrule a person G\n") ==
             "line 2: pattern 'x*' matches the empty string");
  std::string huge = "metric a person total\ngroup G re:" + std::string(300, 'a') + "\nrule a person G\n";
  BOOST_TEST(parse_error(huge).rfind("line 2: cue", 0) == 0);
  // Back-references are not RE2 syntax: refused, not run with backtracking.
  BOOST_TEST(parse_error("metric a person total\ngroup G re:(a)\\1\nrule a person G\n").rfind("line 2: bad pattern", 0) == 0);
}

BOOST_AUTO_TEST_CASE(patterns_match_cues) {
  std::string error;
  auto pack = RulePack::parse("metric funds CNY total\ngroup F re:帮扶[资基]金\nrule funds CNY F\n", &error);
  BOOST_REQUIRE_MESSAGE(pack, error);
  Doc d("落实帮扶基金300万元。");
  d.q("300万元", "CNY", Decimal(3000000));
  auto rs = d.extract(*pack);
  BOOST_REQUIRE(rs.size() == 1u);
  BOOST_TEST(rs[0].metric == "funds");
}

BOOST_AUTO_TEST_CASE(a_catastrophic_looking_pattern_is_harmless) {
  // (a+)+$ takes exponential time under a backtracking engine on "aaaa...!";
  // under RE2 it is linear. The figure is printed, not asserted (no timed tests).
  std::string error;
  auto pack = RulePack::parse("metric m person total\ngroup G re:(a+)+$ re:(x|xx)+y re:\\b\nrule m person G\n", &error);
  BOOST_REQUIRE_MESSAGE(pack, error);
  // 200 kB of 'a' in the very sentence of the figure, so the patterns run over them.
  std::string text(200000, 'a');
  text += "带动500人。";
  Doc d(text);
  d.q("500人", "person", Decimal(500));
  auto t0 = std::chrono::steady_clock::now();
  auto rs = d.extract(*pack);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "(a+)+$ over 200 kB: " << ms << " ms" << std::endl;
  BOOST_TEST(rs.size() <= 1u);  // it ends, whatever the patterns matched
}

BOOST_AUTO_TEST_CASE(hostile_pack_text_never_crashes) {
  const char* packs[] = {"", "\n\n\n", "#", "use", "use default extra", "metric", "group", "rule", "rule a",
                         "group G +=", "group G += x", "change", "change soon x", "place-suffix 省市",
                         "subset-member NOPE", "own-noun", "own-noun G", "own-noun NOPE x", "metric a person|count|| total", "rule a b c d e",
                         "metric a count total\ngroup G x\nrule a count/ G"};
  for (const char* p : packs) {
    std::string error;
    auto pack = RulePack::parse(p, &error);
    BOOST_TEST((pack != nullptr || !error.empty()));
  }
}

// Words are split at runs of spaces and tabs wherever they fall (the
// splitter reads eight bytes at a time): words of 1 to 24 bytes, ASCII and
// Han, between random runs, at the start and end of a line too.
BOOST_AUTO_TEST_CASE(words_split_at_spaces_and_tabs) {
  std::mt19937 rng(17);
  const char* const pieces[] = {"a", "Z", "县", "脱贫", "#", "-"};
  for (int round = 0; round < 300; ++round) {
    auto gap = [&] {
      std::string g;
      for (size_t n = 1 + rng() % 9; n > 0; --n) g += rng() % 3 ? ' ' : '\t';
      return g;
    };
    std::vector<std::string> words;
    std::string line = "place";
    for (size_t n = 1 + rng() % 12; n > 0; --n) {
      std::string w;
      while (w.size() < 1 + rng() % 24) w += pieces[rng() % std::size(pieces)];
      words.push_back(w);
      line += gap() + w;
    }
    if (rng() % 2) line = gap() + line;
    if (rng() % 2) line += gap();
    std::string error;
    auto pack = RulePack::parse("metric m person total\ngroup G 人\nrule m person G\n" + line + "\n", &error);
    BOOST_REQUIRE_MESSAGE(pack, error);
    BOOST_TEST(pack->data().places == words, "round " << round);
  }
}

// two_char_key(w, true): the bytes of the last two characters as a walk back
// over continuation bytes finds them, whatever the bytes (its shortcut for
// two three-byte characters must agree), for valid and broken UTF-8.
BOOST_AUTO_TEST_CASE(two_char_key_of_the_last_two_characters) {
  auto walk_back = [](std::string_view w, uint64_t* key) {
    size_t b = w.size(), chars = 0;
    while (b > 0 && chars < 2) {
      --b;
      if ((static_cast<unsigned char>(w[b]) & 0xC0) != 0x80) ++chars;
    }
    if (chars < 2 || w.size() - b > 8) return false;
    *key = 0;
    std::memcpy(key, w.data() + b, w.size() - b);
    return true;
  };
  const char* const pieces[] = {"县", "脱贫", "a", "\xC3\xA9", "\xF0\x9F\x98\x80", "\x80", "\xE5\x8E", "\xE5"};
  std::mt19937 rng(23);
  for (int round = 0; round < 20000; ++round) {
    std::string w;
    for (size_t n = rng() % 5; n > 0; --n) w += pieces[rng() % std::size(pieces)];
    uint64_t expected = 0, key = 0;
    const bool expected_ok = walk_back(w, &expected);
    BOOST_TEST_INFO("round " << round << ", " << w.size() << " bytes");
    BOOST_TEST(aidtext::two_char_key(w, true, &key) == expected_ok);
    if (expected_ok) BOOST_TEST(key == expected);
  }
}

BOOST_AUTO_TEST_CASE(a_pack_declaring_zero_words) {
  // zero-word / zero-filler / zero-subject: 归零 after a households cue is 0
  // households; a standalone pack without them finds no zero.
  std::string error;
  auto pack = RulePack::parse(
      "metric poor_households household level\n"
      "group HH 贫困户\n"
      "rule poor_households household HH\n"
      "zero-word 归零\n"
      "zero-filler 已经\n"
      "zero-subject household HH\n",
      &error);
  BOOST_REQUIRE_MESSAGE(pack, error);
  Doc d("全县贫困户已经归零。");
  auto rs = d.extract(*pack);
  BOOST_REQUIRE(rs.size() == 1u);
  BOOST_TEST(rs[0].metric == "poor_households");
  BOOST_TEST(rs[0].unit == "household");
  BOOST_TEST(rs[0].text == "归零");
  BOOST_TEST(parse_error("metric a person level\nzero-subject person NOPE\n") == "line 2: unknown group 'NOPE'");
  BOOST_TEST(parse_error("metric a person level\ngroup G x\nzero-subject people G\n") == "line 3: unknown unit 'people'");
  BOOST_TEST(parse_error("zero-subject person\n") == "line 1: 'zero-subject' needs a unit and at least one group");
}
