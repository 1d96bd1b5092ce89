// Checking for room on disk before writing.
//
// Xapian 1.4 reports a full disk as a DatabaseError, but when the disk fills during a commit it
// can also abort the whole process (std::terminate while unwinding inside the library; seen
// here on tmpfs). A crash still leaves the database at its last commit, yet the user deserves
// a clear message, so writers check for headroom before each commit and merge and stop with
// DiskFullError while there is still room.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace newsarchive {

// Free space a commit needs on the database's filesystem before it is attempted.
inline constexpr std::uint64_t kCommitHeadroomBytes = 16u << 20;

// Bytes available to this process on the filesystem holding `path`; nullopt when unknown.
std::optional<std::uint64_t> free_bytes(const std::filesystem::path& path);

// Throws DiskFullError naming `database` when the filesystem holding `path` has fewer than
// `needed` bytes free. Does nothing when the free space cannot be determined.
void require_free_space(const std::filesystem::path& path, std::uint64_t needed,
                        const std::string& database);

}  // namespace newsarchive
