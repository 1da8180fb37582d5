#pragma once
// Named views saved as small human-readable TOML files: camera, condition,
// selection, shown and hidden structures, opacity, X-ray. A corrupt file is
// reported with file and line and skipped; the others still load.
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/annotations.hpp"
#include "core/diagnostics.hpp"
#include "core/view_history.hpp"

namespace medius {

struct Bookmark {
    std::string name;
    ViewSnapshot view;
};

std::string serializeBookmark(const Bookmark& bookmark);

std::optional<Bookmark> parseBookmark(const std::string& text, const std::string& path,
                                      DiagnosticSink& sink);

// A folder of bookmark files, one per bookmark.
class BookmarkStore {
public:
    explicit BookmarkStore(std::string folder) : folder_(std::move(folder)) {}
    // $XDG_DATA_HOME/medius/bookmarks, or ~/.local/share/medius/bookmarks.
    static std::string defaultFolder();

    std::vector<Bookmark> loadAll(DiagnosticSink& sink) const;
    // Written atomically (temporary file, then rename). Empty string on success.
    std::string save(const Bookmark& bookmark) const;
    std::string remove(const std::string& name) const;
    std::string pathFor(const std::string& name) const;
    const std::string& folder() const { return folder_; }

private:
    std::string folder_;
};

}  // namespace medius
