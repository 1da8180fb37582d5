#pragma once
#include <optional>
#include <vector>

#include "core/actions.hpp"
#include "core/panel_layout.hpp"
#include "core/tour.hpp"

namespace medius::ui {

struct TourInput {
    char caption[256] = {};
    char title[96] = {};
};

// The list of tours to start, and recording the current view as steps of a new tour.
void drawTourPanel(const std::vector<Tour>& tours, const Tour& recording, TourInput& input, bool* open,
                   ActionQueue& actions);
// The caption of the running tour's step, large, in the layout's caption band under the view.
void drawTourCaption(const Tour& tour, std::size_t index, const ScreenRect& band, ActionQueue& actions);
// The band's height the caption needs at `width` pixels (wrapped), 0 when there is no step.
float tourCaptionHeight(const Tour& tour, std::size_t index, float width);

}  // namespace medius::ui
