#include "core/repair_output.h"

#include <algorithm>

namespace aidtext {

void move_repair_output(Repair& r, const OffsetMap& map) {
  r.output = map.to_output(r.output);
  // Most repairs guess nothing (every reversible kind): nothing more to do.
  if (r.guessed.empty()) return;
  for (Range& g : r.guessed) g = map.to_output(g);
  merge_ranges(r.guessed);
}

void merge_ranges(std::vector<Range>& ranges) {
  std::erase_if(ranges, [](const Range& g) { return g.empty(); });
  std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
  size_t kept = 0;
  for (const Range& g : ranges) {
    if (kept > 0 && g.begin <= ranges[kept - 1].end) {
      ranges[kept - 1].end = std::max(ranges[kept - 1].end, g.end);
    } else {
      ranges[kept++] = g;
    }
  }
  ranges.resize(kept);
}

std::vector<Range> all_guessed(const NormalizeReport& report) {
  std::vector<Range> guessed;
  for (const Repair& r : report.repairs) guessed.insert(guessed.end(), r.guessed.begin(), r.guessed.end());
  if (!guessed.empty()) merge_ranges(guessed);
  return guessed;
}

bool overlaps_guessed(std::span<const Range> guessed, Range span) {
  // The first range ending after the span's start (the ranges are sorted
  // and apart, so their ends are sorted too) must start before its end.
  auto it = std::partition_point(guessed.begin(), guessed.end(), [&](const Range& g) { return g.end <= span.begin; });
  return it != guessed.end() && it->begin < span.end;
}

}  // namespace aidtext
