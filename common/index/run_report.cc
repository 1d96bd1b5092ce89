// Formatting an indexing run's report; see run_report.h.
#include "index/run_report.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace newsarchive {

std::string report_json(const IndexReport& report) {
  nlohmann::ordered_json json = {{"new", report.added},
                                 {"changed", report.changed},
                                 {"unchanged", report.unchanged},
                                 {"deleted", report.deleted},
                                 {"undated", report.undated},
                                 {"skipped", report.skipped},
                                 {"collisions", report.collisions},
                                 {"passed_over", report.passed_over},
                                 {"warnings", report.warnings},
                                 {"interrupted", report.interrupted_by != 0},
                                 {"seconds", std::round(report.seconds * 1000) / 1000}};
  return json.dump();
}

std::string report_summary(const IndexReport& report) {
  double rate = report.seconds > 0 ? static_cast<double>(report.processed()) / report.seconds : 0;
  char timing[64];
  std::snprintf(timing, sizeof timing, "in %.1f s (%.0f articles/s)", report.seconds, rate);
  std::string summary = std::to_string(report.added) + " new, " + std::to_string(report.changed) +
                        " changed, " + std::to_string(report.unchanged) + " unchanged, " +
                        std::to_string(report.deleted) + " deleted, " +
                        std::to_string(report.skipped) + " skipped";
  if (report.collisions > 0)
    summary += ", " + std::to_string(report.collisions) +
               (report.collisions == 1 ? " id collision" : " id collisions");
  if (report.undated > 0) summary += ", " + std::to_string(report.undated) + " undated";
  if (report.passed_over > 0) summary += ", " + std::to_string(report.passed_over) + " passed over";
  if (report.warnings > 0)
    summary +=
        ", " + std::to_string(report.warnings) + (report.warnings == 1 ? " warning" : " warnings");
  summary += std::string(", ") + timing;
  if (report.interrupted_by != 0)
    summary += "; interrupted by signal " + std::to_string(report.interrupted_by) +
               " after committing; run again to continue";
  return summary;
}

}  // namespace newsarchive
