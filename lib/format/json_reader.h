// A small, strict, bounded JSON reader (RFC 8259), used to read JSON Lines
// input. Standard library only (and the inline helpers of core/utf8.h), so the command line tool
// can use it without the rest of the library's internals.
//
// What it accepts: exactly the JSON grammar, one value surrounded by optional
// whitespace. Strings may hold \uXXXX escapes; a surrogate pair becomes one
// code point, a lone surrogate becomes U+FFFD. Raw bytes >= 0x80 inside
// strings are copied as they are, even when they are not UTF-8: the engine
// detects and decodes text of any encoding, so a JSON Lines file whose text
// field was written in GBK still yields its text. Unescaped control
// characters in strings, trailing commas, comments, NaN and single quotes
// are errors.
//
// Bounds (each checked, each giving an error rather than a crash):
//   - nesting depth: ReaderLimits::max_depth (the parser recurses once per
//     level, so this bounds its stack);
//   - number of values kept: ReaderLimits::max_values (each kept value costs
//     about 100 bytes, so a line such as [0,0,0,...] cannot make the tree 50
//     times larger than the text).
#ifndef AIDTEXT_FORMAT_JSON_READER_H_
#define AIDTEXT_FORMAT_JSON_READER_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aidtext::json {

struct ReaderLimits {
  // 64 levels: far deeper than any record, and at most a few KiB of stack.
  int max_depth = 64;
  // One million kept values: about 100 MiB of tree in the worst case.
  size_t max_values = size_t{1} << 20;
};

struct Member;

struct Value {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  // kString: the decoded text. kNumber: the number exactly as written
  // ("8100", "-0.5e3"), so no precision is lost.
  std::string text;
  std::vector<Value> items;     // kArray
  std::vector<Member> members;  // kObject, in input order

  bool is_string() const { return type == Type::kString; }
  bool is_number() const { return type == Type::kNumber; }
  bool is_object() const { return type == Type::kObject; }
  // The member named `key` of an object (the last one when a key repeats,
  // as most readers do), or nullptr.
  const Value* find(std::string_view key) const;
};

struct Member {
  std::string key;
  Value value;
};

// Parses one JSON text. On failure returns false with *error set to
// "offset N: what is wrong" (N a byte offset into `text`).
bool parse(std::string_view text, Value* out, std::string* error, const ReaderLimits& limits = {});

// Parses one JSON text that must be an object, keeping only its top-level
// members named in `keys`: (*found)[i] is the value of keys[i] (the last
// one when repeated) or nullopt. Everything else is checked but not stored,
// so memory stays bounded by the kept members whatever the rest holds.
bool parse_members(std::string_view text, std::span<const std::string_view> keys,
                   std::vector<std::optional<Value>>* found, std::string* error,
                   const ReaderLimits& limits = {});

}  // namespace aidtext::json

#endif  // AIDTEXT_FORMAT_JSON_READER_H_
