// STUB: replaced by the real recognizer.
#include "numerals/recognizer.h"
namespace aidtext {
const char* to_string(QuantityKind k) {
  switch (k) {
    case QuantityKind::kDate: return "date";
    case QuantityKind::kOrdinal: return "ordinal";
    default: return "quantity";
  }
}
const char* to_string(Approx a) {
  switch (a) {
    case Approx::kOver: return "over";
    case Approx::kAbout: return "about";
    case Approx::kUnder: return "under";
    default: return nullptr;
  }
}
std::vector<Quantity> recognize_quantities(std::string_view) { return {}; }
}  // namespace aidtext
