#define BOOST_TEST_MODULE offset_map
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/offset_map.h"
#include "core/text_builder.h"

using aidtext::OffsetMap;
using aidtext::Range;
using aidtext::TextBuilder;

BOOST_AUTO_TEST_CASE(identity_maps_each_byte_to_itself) {
  OffsetMap m = OffsetMap::identity(10);
  BOOST_TEST(m.is_identity());
  BOOST_TEST((m.to_input({3, 7}) == Range{3, 7}));
  BOOST_TEST((m.to_output({2, 5}) == Range{2, 5}));
}

BOOST_AUTO_TEST_CASE(builder_records_copies_blocks_and_deletions) {
  std::string in = "ab&amp;cd(xx)ef";
  TextBuilder b(in);
  b.copy(0, 2);             // ab
  b.replace(2, 5, "&");     // &amp; -> &
  b.copy(7, 2);             // cd
  /* (xx) deleted */
  b.copy(13, 2);            // ef
  OffsetMap m = b.take_map();
  std::string out = b.take_text();
  BOOST_TEST(out == "ab&cdef");
  BOOST_TEST((m.to_input({2, 3}) == Range{2, 7}));   // the '&' came from "&amp;"
  BOOST_TEST((m.to_input({3, 5}) == Range{7, 9}));   // "cd"
  BOOST_TEST((m.to_input({4, 6}) == Range{8, 14}));  // "de" straddles the deleted "(xx)"
  BOOST_TEST((m.to_output({9, 13}) == Range{5, 5})); // deleted input maps to an empty output
  BOOST_TEST((m.to_output({2, 7}) == Range{2, 3}));
}

BOOST_AUTO_TEST_CASE(same_length_replacement_stays_linear) {
  std::string in = "xx國yy";
  TextBuilder b(in);
  b.copy(0, 2);
  b.replace(2, 3, "国");
  b.copy(5, 2);
  OffsetMap m = b.take_map();
  BOOST_TEST(m.pieces().size() == 1u);
  BOOST_TEST((m.to_input({2, 5}) == Range{2, 5}));
}

BOOST_AUTO_TEST_CASE(composition_points_at_the_original_bytes) {
  // Stage 1: "\xB9\xFA" (GBK 国, 2 bytes) + "ab" -> "国ab" (3 + 2 bytes)
  std::string in1 = "\xB9\xFA" "ab";
  TextBuilder s1(in1);
  s1.replace(0, 2, "国");
  s1.copy(2, 2);
  std::string mid = s1.text();
  OffsetMap m1 = s1.take_map();
  // Stage 2: drop "a": "国b"
  TextBuilder s2(mid);
  s2.copy(0, 3);
  s2.copy(4, 1);
  OffsetMap m2 = s2.take_map();
  OffsetMap all = OffsetMap::compose(m1, m2);
  BOOST_TEST((all.to_input({0, 3}) == Range{0, 2}));  // 国 <- the GBK pair
  BOOST_TEST((all.to_input({3, 4}) == Range{3, 4}));  // b <- b
  BOOST_TEST((all.to_input({0, 4}) == Range{0, 4}));
  BOOST_TEST(all.input_size() == 4u);
  BOOST_TEST(all.output_size() == 4u);
}

BOOST_AUTO_TEST_CASE(empty_text_and_positions_past_the_end) {
  OffsetMap m = OffsetMap::identity(0);
  BOOST_TEST((m.to_input({0, 0}) == Range{0, 0}));
  OffsetMap n = OffsetMap::identity(5);
  BOOST_TEST((n.to_input({5, 5}) == Range{5, 5}));
  BOOST_TEST((n.to_input({9, 12}) == Range{5, 5}));
}
