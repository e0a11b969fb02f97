// DamageWatch: the repairer's clean-text check, riding on another pass.
//
// find_suspect_windows() (damage_scan.h) decodes every character of the
// text to look for mojibake, and on clean text that scan is all the repair
// stage costs: about 0.8 ns a byte, as much again as the rest of
// normalize(). DamageWatch asks the same question of a pass that decodes
// every character anyway (the traditional -> simplified pass, through
// core/char_watch.h), seeing only ASCII runs and the characters that can
// raise a signal: rare ones, debris, U+FFFD, private use, 锟.
//
// It answers a superset of the scan: when the scan would find a suspect
// window, or the repairer would flag an unrecoverable span, the watch fires
// (the pipeline then runs the repair stage as usual); it may also fire
// where the scan finds nothing. It never reads the text before the position
// it is shown (a pass may be writing its output there), so where the scan
// counts characters the watch bounds them by byte distances:
//   - a rare run (kRareRunCount rare characters among kRareRunWindow non-ASCII
//     ones) needs the last kRareRunCount rare characters within
//     kRareRunWindow non-ASCII characters, so within 4 * kRareRunWindow - 1
//     bytes of non-ASCII text; the watch fires on that byte bound, and does
//     not restart at line ends;
//   - two debris characters at most kDebrisGap characters apart are at most
//     4 * (kDebrisGap - 1) bytes apart;
//   - a '?' at either end of an ASCII run that touches non-ASCII text.
#ifndef AIDTEXT_REPAIR_DAMAGE_WATCH_H_
#define AIDTEXT_REPAIR_DAMAGE_WATCH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/char_watch.h"
#include "core/offset_map.h"

namespace aidtext::repair {

class DamageWatch final : public CharWatch {
 public:
  DamageWatch();
  const uint64_t* watched() const override { return watched_; }
  bool see_char(std::string_view text, size_t pos, char32_t c, int len) override;
  bool see_ascii(std::string_view text, size_t begin, size_t end) override;
  // Whether the text may need the repair stage.
  bool fired() const { return fired_; }
  // Where it fired: the position of the character (or the start of the
  // ASCII run) it fired on. No character of the text before it raises a
  // signal in find_suspect_windows, nor is 锟 (the watch fires at or before
  // every character that does: see above), so the repair stage's scan may
  // start late (scan_start_before in damage_scan.h).
  size_t fired_at() const { return fired_at_; }

  // Characters whose deletion the watch sees through (sees_through): the
  // zero-width ones (U+200B..U+200F, U+2060, U+FEFF) raise no signal of
  // their own in find_suspect_windows, neither rare nor debris (no reading
  // the repairer undoes makes them), so taking one out only brings the
  // characters around it closer, which the watch errs towards anyway
  // (beside a '?' it would take away what the '?' touches, and is not seen
  // through). The soft hyphen U+00AD, which the cleaner also deletes, is a
  // Latin-1 character, single-byte debris. WeChat posts and pasted pages
  // are full of zero-width characters: a dev article with one after every
  // sentence cost 2.4 times the instructions of its clean copy before, for
  // the repair stage's own scan of the whole text.
  static bool sees_through_deletion(char32_t c) { return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF; }
  // Whether an editor may fold or delete `c` without the watch losing
  // sight of the repair stage (see sees_through): an odd space (U+3000,
  // no-break space) folded to ' ', or a zero-width character deleted.
  static bool sees_through_edit_of(char32_t c) { return c == 0x3000 || c == 0xA0 || sees_through_deletion(c); }

  // Whether a watch reading `edited` still fires wherever the repair stage
  // reading `original` would act; `edits` maps `edited` to `original`. True when nothing was edited, or only odd spaces (U+3000,
  // no-break space) were folded to one ASCII space each, away from any '?'
  // and, for a no-break space, from Latin-1 letters and C1 controls: to the
  // repair stage both are common characters, so folding them only brings
  // the characters around them closer, which the watch errs towards anyway;
  // but a no-break space is also single-byte debris, which pairs with a
  // Latin-1 letter within kDebrisGap characters, and either space beside a
  // '?' is a signal. Zero-width characters may be deleted
  // (sees_through_deletion), away from any '?'. Line ends do not matter to
  // the watch: the CR of a CRLF may be deleted, and same-length edits (a
  // lone CR made LF) map as copies and are taken as unchanged. Any other
  // edit (a width fold, another deletion, a reference) gives false. (The pipeline's cleaner is the editor: normalize/cleaner.h.)
  static bool sees_through(const OffsetMap& edits, std::string_view original, std::string_view edited);

 private:
  bool fire(size_t pos) {
    fired_at_ = pos;
    return fired_ = true;
  }
  struct RarePos {
    size_t pos;          // byte position of the rare character
    uint64_t ascii_before;  // ASCII bytes seen before it
  };
  const uint64_t* rare_;
  const uint64_t* watched_;
  std::array<RarePos, 3> rare_ring_{};  // the last kRareRunCount - 1 rare characters
  uint32_t rare_count_ = 0;
  size_t last_debris_end_ = 0;
  bool have_debris_ = false;
  bool last_debris_letter_ = false;
  bool fired_ = false;
  size_t fired_at_ = 0;
};

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_DAMAGE_WATCH_H_
