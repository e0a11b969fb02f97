#include "corpus_score.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "engine/engine.h"

namespace aidtext::testing {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

void json_opt(std::string& out, const std::optional<std::string>& s) {
  if (s) {
    json_string(out, *s);
  } else {
    out += "null";
  }
}

std::string record_json(const MetricRecord& m, const std::string& doc) {
  std::string o = "{\"doc\":";
  json_string(o, doc);
  o += ",\"metric\":";
  json_string(o, m.metric);
  o += ",\"value\":" + m.value.to_string() + ",\"unit\":";
  json_string(o, m.unit);
  o += ",\"approx\":";
  const char* a = to_string(m.approx);
  o += a ? "\"" + std::string(a) + "\"" : "null";
  o += ",\"change\":";
  json_string(o, m.change);
  o += ",\"time\":";
  json_opt(o, m.time);
  o += ",\"place\":";
  json_opt(o, m.place);
  o += ",\"text\":";
  json_string(o, m.text);
  o += ",\"start\":" + std::to_string(m.source.begin) + ",\"end\":" + std::to_string(m.source.end);
  o += ",\"sentence\":";
  json_string(o, m.sentence);
  return o + "}\n";
}

// The number after "key": in a flat JSON object; -1 for null or absent.
double json_number(const std::string& obj, const std::string& key) {
  size_t p = obj.find("\"" + key + "\":");
  if (p == std::string::npos) return -1;
  p += key.size() + 3;
  while (p < obj.size() && obj[p] == ' ') ++p;
  if (obj.compare(p, 4, "null") == 0) return -1;
  return std::strtod(obj.c_str() + p, nullptr);
}

}  // namespace

CorpusScore score_corpus(const std::string& articles, const std::string& gold, const std::string& pred,
                         const std::string& scorer) {
  CorpusScore score;
  std::string error;
  std::unique_ptr<Engine> engine = Engine::create(EngineOptions{}, &error);
  if (!engine) {
    score.report = "engine: " + error;
    return score;
  }
  std::vector<std::filesystem::path> docs;
  for (const auto& e : std::filesystem::directory_iterator(articles))
    if (e.path().extension() == ".txt") docs.push_back(e.path());
  std::sort(docs.begin(), docs.end());
  std::ofstream out(pred, std::ios::binary | std::ios::trunc);
  for (const auto& d : docs) {
    std::string input = read_file(d);
    NormalizedText t = engine->normalize(input);
    std::vector<Quantity> qs = engine->quantities(t);
    for (const MetricRecord& m : engine->extract(t, qs, "")) out << record_json(m, d.filename().string());
  }
  out.close();
  std::string cmd = "/usr/bin/python3 '" + scorer + "' --gold '" + gold + "' --pred '" + pred +
                    "' --show-errors --json 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) {
    score.report = "cannot run " + cmd;
    return score;
  }
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) score.report.append(buf, n);
  int status = pclose(p);
  size_t brace = score.report.rfind("{\"tp\"");
  if (status != 0 || brace == std::string::npos) return score;
  std::string obj = score.report.substr(brace);
  score.ok = true;
  score.f1 = json_number(obj, "f1");
  score.precision = json_number(obj, "precision");
  score.recall = json_number(obj, "recall");
  score.approx = json_number(obj, "approx_accuracy");
  score.change = json_number(obj, "change_accuracy");
  score.time = json_number(obj, "time_accuracy");
  score.place = json_number(obj, "place_accuracy");
  return score;
}

}  // namespace aidtext::testing
