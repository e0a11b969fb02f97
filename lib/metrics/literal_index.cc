#include "metrics/literal_index.h"

#include <algorithm>

#include "core/utf8.h"

namespace aidtext {

void LiteralIndex::add(std::string_view cue, int32_t payload) {
  if (cue.empty()) return;
  int len = 1;
  char32_t first = utf8::decode(cue, 0, &len);
  std::vector<Entry>& bucket = buckets_[first];
  for (Entry& e : bucket) {
    if (e.cue != cue) continue;
    if (std::find(e.payloads.begin(), e.payloads.end(), payload) == e.payloads.end()) e.payloads.push_back(payload);
    return;
  }
  Entry entry{std::string(cue), {payload}};
  // Longest first, so the first match at a position is the longest one.
  auto at = std::find_if(bucket.begin(), bucket.end(),
                         [&](const Entry& e) { return e.cue.size() < entry.cue.size(); });
  bucket.insert(at, std::move(entry));
}

void LiteralIndex::scan(std::string_view text, uint32_t begin, uint32_t end, std::vector<CueHit>* out) const {
  if (end > text.size()) end = static_cast<uint32_t>(text.size());
  uint32_t covered_to = 0;  // end of the last hit kept
  uint32_t pos = begin;
  while (pos < end) {
    int len = 1;
    char32_t c = utf8::decode(text, pos, &len);
    auto it = buckets_.find(c);
    if (it != buckets_.end()) {
      std::string_view rest = text.substr(pos, end - pos);
      for (const Entry& e : it->second) {
        if (rest.size() >= e.cue.size() && rest.compare(0, e.cue.size(), e.cue) == 0) {
          uint32_t hit_end = pos + static_cast<uint32_t>(e.cue.size());
          if (hit_end > covered_to) {
            for (int32_t p : e.payloads) out->push_back(CueHit{pos, hit_end, p});
            covered_to = hit_end;
          }
          break;
        }
      }
    }
    pos += static_cast<uint32_t>(len);
  }
}

}  // namespace aidtext
