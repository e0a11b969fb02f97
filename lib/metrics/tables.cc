#include "metrics/tables.h"

#include <algorithm>
#include <optional>

#include "core/byte_search.h"
#include "metrics/char_scan.h"

namespace aidtext {
namespace {

// The cells of line `line`: separated by a tab, a '|', or two or more
// spaces (space_at: ASCII or U+3000); trimmed, never empty. Empty when the line has no
// separator at all (running text) or more than kMaxTableColumns cells.
std::vector<Range> cells_of(std::string_view text, Range line) {
  std::vector<Range> cells;
  uint32_t cell_begin = line.begin;
  bool separated = false;
  auto close = [&](uint32_t end) {
    uint32_t b = cell_begin, e = end;
    while (b < e && space_at(text, b)) b += static_cast<uint32_t>(space_at(text, b));
    while (e > b && text[e - 1] == ' ') --e;
    if (b < e) cells.push_back({b, e});
  };
  for (uint32_t i = line.begin; i < line.end;) {
    const char c = text[i];
    if (c == '\t' || c == '|') {
      close(i);
      separated = true;
      cell_begin = ++i;
      continue;
    }
    size_t len = space_at(text, i);
    if (len == 0) {
      ++i;
      continue;
    }
    uint32_t j = i + static_cast<uint32_t>(len);
    int run = 1;
    while (j < line.end && (len = space_at(text, j)) != 0) {
      j += static_cast<uint32_t>(len);
      ++run;
    }
    if (run >= 2) {
      close(i);
      separated = true;
      cell_begin = j;
    }
    i = j;
  }
  close(line.end);
  if (!separated || cells.size() > kMaxTableColumns) cells.clear();
  return cells;
}

// Whether `line` may hold two cells: a tab, a '|', or a space followed by
// another (normalization folds U+3000 to ASCII; one left in place is looked
// for too).
bool may_have_cells(std::string_view line) {
  if (line.find('\t') != std::string_view::npos || line.find('|') != std::string_view::npos) return true;
  for (size_t i = line.find(' '); i != std::string_view::npos; i = line.find(' ', i + 1))
    if (i + 1 < line.size() && space_at(line, i + 1)) return true;
  return line.find("\u3000") != std::string_view::npos;
}

// A header cell: a column name and its unit in brackets (减贫人数（人）).
struct Column {
  std::string_view name;  // empty: no unit, a column no figure is read from
  std::string_view unit;
};

std::optional<Column> column_of(std::string_view cell) {
  // At most this many bytes of unit: 万人次 and (%) fit, a note does not.
  constexpr size_t kMaxUnitBytes = 12;
  size_t close_len = 0, open = std::string_view::npos;
  if (cell.ends_with("）")) {
    close_len = 3;
    open = cell.rfind("（");
  } else if (cell.ends_with(")")) {
    close_len = 1;
    open = cell.rfind('(');
  }
  if (close_len == 0 || open == std::string_view::npos) return std::nullopt;
  const size_t open_len = close_len;  // （） or ()
  const std::string_view unit = cell.substr(open + open_len, cell.size() - close_len - open - open_len);
  std::string_view name = cell.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (unit.empty() || unit.size() > kMaxUnitBytes || name.empty() || name.size() > kMaxColumnNameBytes)
    return std::nullopt;
  for (char c : unit)
    if (c >= '0' && c <= '9') return std::nullopt;
  return Column{name, unit};
}

// "-", "—", "/": a cell with no figure.
bool empty_cell(std::string_view cell) { return cell == "-" || cell == "—" || cell == "/" || cell == "--"; }

}  // namespace

std::vector<TableFigure> find_table_figures(std::string_view text, const Segmentation& seg,
                                            const std::vector<Quantity>& quantities) {
  std::vector<TableFigure> out;
  // The quantities by position, sorted when the first header is met.
  std::vector<const Quantity*> by_start;
  auto index_quantities = [&] {
    if (!by_start.empty()) return;
    for (const Quantity& q : quantities)
      if (q.kind == QuantityKind::kQuantity) by_start.push_back(&q);
    std::stable_sort(by_start.begin(), by_start.end(),
                     [](const Quantity* a, const Quantity* b) { return a->span.begin < b->span.begin; });
  };
  auto quantity_at = [&](Range cell) -> const Quantity* {
    auto it = std::lower_bound(by_start.begin(), by_start.end(), cell.begin,
                               [](const Quantity* q, uint32_t p) { return q->span.begin < p; });
    if (it == by_start.end() || (*it)->span.begin != cell.begin || (*it)->span.end != cell.end) return nullptr;
    return *it;
  };

  // A header is a line with a cell separator and a closing bracket: lines
  // of prose have neither a tab, a '|' nor two spaces in a row, and are
  // passed over with a memchr or three.
  const std::vector<Range>& paras = seg.paragraphs;
  for (size_t h = 0; h + 1 < paras.size(); ++h) {
    const std::string_view line = text.substr(paras[h].begin, paras[h].size());
    if (!may_have_cells(line)) continue;
    if (find_bytes(line, "）") == std::string_view::npos && line.find(')') == std::string_view::npos) continue;
    const std::vector<Range> head = cells_of(text, paras[h]);
    if (head.size() < 2) continue;
    index_quantities();
    std::vector<Column> columns(head.size());
    bool any_unit = false, any_number = false;
    for (size_t c = 0; c < head.size(); ++c) {
      const std::string_view cell = text.substr(head[c].begin, head[c].size());
      any_number = any_number || quantity_at(head[c]) != nullptr;  // a row, not a header
      if (std::optional<Column> col = column_of(cell)) {
        columns[c] = *col;
        any_unit = true;
      }
    }
    if (!any_unit || any_number) continue;
    // Rows have a cell a column, the first the label's (县区); or one more
    // than the header, which leaves the label's column unnamed. The first
    // row decides.
    size_t shift = 0;
    size_t r = h + 1;
    for (; r < paras.size() && r - h <= kMaxTableRows; ++r) {
      const std::vector<Range> row = cells_of(text, paras[r]);
      if (r == h + 1 && row.size() == head.size() + 1) shift = 1;
      if (row.size() != head.size() + shift) break;
      std::vector<const Quantity*> numbers(row.size(), nullptr);
      bool is_row = true;
      for (size_t c = 1; c < row.size() && is_row; ++c) {
        const std::string_view cell = text.substr(row[c].begin, row[c].size());
        numbers[c] = quantity_at(row[c]);
        is_row = numbers[c] != nullptr || empty_cell(cell);
      }
      if (!is_row || quantity_at(row[0])) break;  // a label that is a bare number: no row of labels
      for (size_t c = 1; c < row.size(); ++c) {
        const Column& col = columns[c - shift];
        if (!numbers[c] || col.name.empty()) continue;
        const Quantity& q = *numbers[c];
        TableFigure f;
        f.cell = row[c];
        f.reading.assign(col.name);
        f.number_at = static_cast<uint32_t>(f.reading.size());
        f.reading.append(text.substr(row[c].begin, row[c].size()));
        if (q.unit.empty()) f.reading.append(col.unit);
        f.header = paras[h];
        f.row = paras[r];
        f.label = row[0];
        out.push_back(std::move(f));
      }
    }
    h = r - 1;  // the rows are no headers
  }
  return out;
}

}  // namespace aidtext
