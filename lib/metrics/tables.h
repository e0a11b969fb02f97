// Plain-text tables: figures whose unit and meaning stand in a header line.
//
// A statistical bulletin or a county's page often flattens a table into
// lines:
//
//   县区    减贫人数（人）    贫困发生率（%）
//   武都区  26514             1.83
//   宕昌县  18972             2.31
//
// The header names the columns, each with its unit in brackets (（人）, (%),
// （万元）); each row under it holds a label (a place, a year, 合计) and one
// bare number a column. The header may leave the labels' column unnamed
// (资金（万元）  受益人口（人） over 产业项目  4560  12350). Cells are separated by two or more spaces (ASCII or
// U+3000, which normalization folds to ASCII), a tab, or a '|'. The rows
// end at the first line that is not one: another cell count, or a cell that
// is not a single number.
//
// A table figure is read as the words "<column name><number><unit>"
// (减贫人数26514人) would be read in running text, so the rule pack decides
// what it is; the row's label gives its place or time.
#ifndef AIDTEXT_METRICS_TABLES_H_
#define AIDTEXT_METRICS_TABLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/range.h"
#include "numerals/quantity.h"
#include "text/segmenter.h"

namespace aidtext {

struct TableFigure {
  Range cell;            // the number, in the text
  std::string reading;   // "<column name><number><unit>": 减贫人数26514人
  uint32_t number_at;    // where the number starts in `reading`
  Range header;          // the table's header line
  Range row;             // the row's line
  Range label;           // the row's first cell (武都区, 2019年, 合计)
};

// The table figures of `text`, in text order. `quantities`: the text's
// quantities in text order (a cell must be exactly one of them).
//
// Limits: a header has at most kMaxColumns cells and a table at most
// kMaxRows rows (a page of thousands of aligned numbers is a data dump, not
// an article's table); column names of more than kMaxNameBytes are prose.
std::vector<TableFigure> find_table_figures(std::string_view text, const Segmentation& seg,
                                            const std::vector<Quantity>& quantities);

inline constexpr size_t kMaxTableColumns = 16;
inline constexpr size_t kMaxTableRows = 200;
inline constexpr size_t kMaxColumnNameBytes = 60;

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_TABLES_H_
