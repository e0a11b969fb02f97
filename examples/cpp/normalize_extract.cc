// normalize_extract: the C++ API (aidtext.hpp) in one small program.
//
//   normalize_extract_cpp [FILE]     (no FILE: stdin)
//
// Prints the detected encoding and normalized text of one document, then its
// quantities and metric records with the original bytes they came from.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <aidtext/aidtext.hpp>

int main(int argc, char** argv) {
  std::string data;
  if (argc > 1) {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      std::cerr << argv[1] << ": cannot open\n";
      return 1;
    }
    data.assign(std::istreambuf_iterator<char>(in), {});
  } else {
    data.assign(std::istreambuf_iterator<char>(std::cin), {});
  }
  try {
    aidtext::Options options;
    options.set("convert", "t2s");
    const aidtext::Engine engine(options);  // build once; share across threads
    const aidtext::Result result = engine.extract(data);
    std::cout << "aidtext " << aidtext::version() << "\n"
              << "encoding: " << result.encoding() << "\n"
              << "text: " << result.text() << "\n";
    const auto quantities = result.quantities();
    std::cout << "quantities: " << quantities.size() << "\n";
    for (const aidtext::Quantity& q : quantities)
      std::cout << "  " << q.kind << " " << q.text << " = " << q.value_text << (q.unit ? " " + *q.unit : "") << "\n";
    const auto metrics = result.metrics();
    std::cout << "metrics: " << metrics.size() << "\n";
    for (const aidtext::Metric& m : metrics)
      std::cout << "  " << m.metric << " " << m.value_text << " " << m.unit << " ["
                << m.start << ", " << m.end << "): " << data.substr(m.start, m.end - m.start) << "\n";
  } catch (const aidtext::Error& e) {
    std::cerr << "aidtext error " << e.status() << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
