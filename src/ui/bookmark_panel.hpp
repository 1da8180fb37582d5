#pragma once
#include <vector>

#include "core/actions.hpp"
#include "core/bookmark.hpp"

namespace medius::ui {

struct BookmarkInput {
    char name[96] = {};
};

void drawBookmarkPanel(const std::vector<Bookmark>& bookmarks, const std::string& folder,
                       BookmarkInput& input, bool* open, ActionQueue& actions);

}  // namespace medius::ui
