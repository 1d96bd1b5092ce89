// statvfs(3) headroom checks; see disk_space.h.
#include "store/disk_space.h"

#include <sys/statvfs.h>

#include "text/errors.h"

namespace newsarchive {

std::optional<std::uint64_t> free_bytes(const std::filesystem::path& path) {
  struct statvfs info {};
  if (::statvfs(path.c_str(), &info) != 0) return std::nullopt;
  return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
}

void require_free_space(const std::filesystem::path& path, std::uint64_t needed,
                        const std::string& database) {
  std::optional<std::uint64_t> available = free_bytes(path);
  if (!available || *available >= needed) return;
  constexpr double kMiB = 1 << 20;
  char figures[128];
  std::snprintf(figures, sizeof figures, "%.1f MiB free, %.1f MiB needed",
                static_cast<double>(*available) / kMiB, static_cast<double>(needed) / kMiB);
  throw DiskFullError("disk full while writing database " + quote_value(database) + " (" + figures +
                      "); it is kept at its last commit: free some space and run the " +
                      "same command again");
}

}  // namespace newsarchive
