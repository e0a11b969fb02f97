// Where a document too large to process whole is cut into sections.
//
// The tool reads a text file larger than twice --section-bytes (default
// 512 KiB) in sections of at most that size, each one library call, so that
// its memory stays flat whatever the file's size (one library call costs
// several times its input: the text, the offset map, the records). The cut
// must never split a character of any encoding the engine may detect, and
// should fall where the text itself breaks, so that a figure and the words
// around it stay in one section.
#ifndef AIDTEXT_CLI_SECTION_CUT_H_
#define AIDTEXT_CLI_SECTION_CUT_H_

#include <cstddef>
#include <string_view>

namespace aidtext::cli {

// How characters sit in the bytes, as far as cutting is concerned.
enum class ByteLayout {
  kBytes,    // ASCII-compatible: UTF-8, GB18030/GBK, Big5 (and mojibake of them)
  kUtf16LE,  // two-byte units, low byte first
  kUtf16BE,
};

// The layout of a document from its first bytes: a UTF-16 BOM, or NUL
// bytes in about every other position of its start (UTF-16 text with no BOM).
ByteLayout guess_layout(std::string_view head);

// The length of the section to take from the front of `buf` (the rest is
// carried to the next one): the last cut in the second half of the first
// `max_section` bytes, after, in order of preference,
//   1. a line end ('\n'; in UTF-16, the unit U+000A);
//   2. ASCII whitespace;
//   3. a Chinese clause end (。！？；，) in UTF-8 when the bytes are valid
//      UTF-8, else read as GB18030 from the start;
//   4. ASCII , . ; ! ? : (not between two digits: 1,234 and 3.5 stay whole;
//      nor a . before a Latin letter, which the normalizer folds to 。 only
//      at a text's end: 附件.doc);
//   5. any character, read as in 3 (lead bytes 0x81 and above take one
//      trail byte, or three when it is a digit: GBK and Big5 read alike).
// Brackets and quotes are no cut: one between 協(xié) and its word would
// hide the annotation from the cleaner. Nor, in 2 to 5 while there is
// another, is a place beside a lone space with a non-ASCII character next
// to it (截至 2019 年底, ， 比上年): the normalizer removes such a space
// inside a text (lib/normalize/cjk_spacing.h) but keeps it at an edge.
// In the `kBytes` layout the bytes of rules 1, 2 and 4 are below 0x40 and
// no digit: never a trail byte in any of those encodings (GBK's and Big5's
// trails are 0x40 and above, GB18030's four-byte ones digits, UTF-8's 0x80
// and above), and the cut also requires the byte before to be no lead byte.
// UTF-16 cuts fall on even offsets, never between the halves of a
// surrogate pair.
// Returns buf.size() when buf is no longer than `max_section`.
size_t section_cut(std::string_view buf, ByteLayout layout, size_t max_section);

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_SECTION_CUT_H_
