// aidtext_options: creation, key/value settings, rule packs.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "aidtext/aidtext.h"
#include "capi/errors.h"
#include "capi/handles.h"

namespace {

using aidtext::capi::checked;
using aidtext::capi::fail;
using aidtext::capi::guarded;

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// The charsets "encoding" may force, in their canonical spelling.
constexpr const char* kEncodings[] = {"UTF-8", "GB18030", "GBK", "Big5", "UTF-16LE", "UTF-16BE"};

// "on"/"off" into *flag; false for any other value.
bool parse_switch(std::string_view value, bool* flag) {
  if (value == "on") *flag = true;
  else if (value == "off") *flag = false;
  else return false;
  return true;
}

aidtext_status set_option(aidtext::EngineOptions& o, std::string_view key, std::string_view value) {
  static const char* const kFn = "aidtext_options_set";
  aidtext::NormalizeOptions& n = o.normalize;
  auto bad_value = [&](const char* expected) {
    return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn,
                "bad value \"" + std::string(value) + "\" for \"" + std::string(key) + "\" (expected " + expected + ")");
  };
  if (key == "convert") {
    if (value == "t2s") n.convert = aidtext::ScriptConversion::kT2S;
    else if (value == "hk2s") n.convert = aidtext::ScriptConversion::kHK2S;
    else if (value == "tw2s") n.convert = aidtext::ScriptConversion::kTW2S;
    else if (value == "none") n.convert = aidtext::ScriptConversion::kNone;
    else return bad_value("t2s, hk2s, tw2s or none");
    return AIDTEXT_OK;
  }
  if (key == "encoding") {
    if (equals_ignore_case(value, "auto")) {
      n.encoding.clear();
      return AIDTEXT_OK;
    }
    for (const char* e : kEncodings) {
      if (equals_ignore_case(value, e)) {
        n.encoding = e;
        return AIDTEXT_OK;
      }
    }
    return bad_value("auto, UTF-8, GB18030, GBK, Big5, UTF-16LE or UTF-16BE");
  }
  bool* flag = key == "repair"         ? &n.repair
               : key == "strip_pinyin" ? &n.strip_pinyin
               : key == "fold_width"   ? &n.fold_width
               : key == "html"         ? &n.decode_html
               : key == "markup"       ? &n.strip_markup
               : key == "join_wraps"   ? &n.join_wraps
               : key == "cjk_spacing"  ? &n.cjk_spacing
               : key == "cjk_punctuation" ? &n.cjk_punctuation
               : key == "repeats"      ? &n.find_repeats
                                       : nullptr;
  if (flag == nullptr) return fail(AIDTEXT_ERR_UNKNOWN_OPTION, kFn, "unknown option \"" + std::string(key) + "\"");
  if (!parse_switch(value, flag)) return bad_value("on or off");
  return AIDTEXT_OK;
}

}  // namespace

extern "C" {

aidtext_status aidtext_options_new(aidtext_options** out) {
  return guarded("aidtext_options_new", [&] {
    if (out == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, "aidtext_options_new", "out is NULL");
    *out = nullptr;
    *out = new aidtext_options();
    return AIDTEXT_OK;
  });
}

void aidtext_options_free(aidtext_options* options) {
  if (checked(options) == nullptr) return;
  aidtext::capi::retire(options);
  delete options;
}

aidtext_status aidtext_options_set(aidtext_options* options, const char* key, const char* value) {
  static const char* const kFn = "aidtext_options_set";
  return guarded(kFn, [&] {
    if (checked(options) == nullptr) return fail(AIDTEXT_ERR_INVALID_HANDLE, kFn, "not an aidtext_options handle");
    if (key == nullptr || value == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn, "key or value is NULL");
    // Settings are applied to a copy, so a refused value leaves the options as they were.
    aidtext::EngineOptions copy = options->value;
    aidtext_status st = set_option(copy, key, value);
    if (st == AIDTEXT_OK) options->value = std::move(copy);
    return st;
  });
}

aidtext_status aidtext_options_set_rules(aidtext_options* options, const char* data, size_t size) {
  static const char* const kFn = "aidtext_options_set_rules";
  return guarded(kFn, [&] {
    if (checked(options) == nullptr) return fail(AIDTEXT_ERR_INVALID_HANDLE, kFn, "not an aidtext_options handle");
    if (data == nullptr && size != 0) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn, "data is NULL");
    if (size > AIDTEXT_MAX_INPUT_BYTES)
      return fail(AIDTEXT_ERR_INPUT_TOO_LARGE, kFn, "rule pack larger than AIDTEXT_MAX_INPUT_BYTES");
    options->value.rules.assign(data == nullptr ? "" : data, size);
    options->value.has_rules = true;
    return AIDTEXT_OK;
  });
}

aidtext_status aidtext_options_set_rules_file(aidtext_options* options, const char* path) {
  static const char* const kFn = "aidtext_options_set_rules_file";
  return guarded(kFn, [&] {
    if (checked(options) == nullptr) return fail(AIDTEXT_ERR_INVALID_HANDLE, kFn, "not an aidtext_options handle");
    if (path == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn, "path is NULL");
    std::FILE* f = std::fopen(path, "rb");
    if (f == nullptr) return fail(AIDTEXT_ERR_IO, kFn, std::string(path) + ": " + std::strerror(errno));
    std::string text;
    char buf[1 << 16];
    size_t n;
    bool too_large = false;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
      if (text.size() + n > AIDTEXT_MAX_INPUT_BYTES) {
        too_large = true;
        break;
      }
      text.append(buf, n);
    }
    const bool read_error = std::ferror(f) != 0;
    const int err = errno;
    std::fclose(f);
    if (too_large) return fail(AIDTEXT_ERR_INPUT_TOO_LARGE, kFn, std::string(path) + ": larger than AIDTEXT_MAX_INPUT_BYTES");
    if (read_error) return fail(AIDTEXT_ERR_IO, kFn, std::string(path) + ": " + std::strerror(err));
    options->value.rules = std::move(text);
    options->value.has_rules = true;
    return AIDTEXT_OK;
  });
}

}  // extern "C"
