// County-level place names that a walk back from a suffix would cut.
//
// The place finder (places.h) takes a name's stem by walking back from its
// suffix over at most three characters, stopping at function characters
// (在, 从, 余, 全, 共 ...). A name that starts with one (从江县, 余庆县,
// 那坡县, 共和县, 全椒县) or whose stem is longer (和林格尔县) is cut by that
// walk: 从江县 became 江县. These are the names the walk checks before it
// cuts: about 3,750 from jieba's dictionary (make_county_names.py says
// which), compiled in as a sorted table in .rodata (no pointers: no
// relocations, no start-up cost), each name's characters reversed, so that
// reading back from a suffix narrows the table one character at a time and
// stops as soon as no name is left.
#ifndef AIDTEXT_METRICS_COUNTY_NAMES_H_
#define AIDTEXT_METRICS_COUNTY_NAMES_H_

#include <cstddef>
#include <string_view>

namespace aidtext {

// The start of the longest name of the table that is text[g, end) with
// g < b, g >= floor, reading back over Han characters only (text[b, end)
// is what the caller has taken so far: a suffix and part of its stem);
// b when there is none. UTF-8 `text`; end is a character boundary.
size_t longest_county_start(std::string_view text, size_t b, size_t end, size_t floor);

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_COUNTY_NAMES_H_
