#pragma once
#include <optional>
#include <vector>

#include "core/actions.hpp"
#include "core/tour.hpp"

namespace medius::ui {

struct TourInput {
    char caption[256] = {};
    char title[96] = {};
};

// The list of tours to start, and recording the current view as steps of a new tour.
void drawTourPanel(const std::vector<Tour>& tours, const Tour& recording, TourInput& input, bool* open,
                   ActionQueue& actions);
// The caption of the running tour's step, large, at the bottom of the view.
void drawTourCaption(const Tour& tour, std::size_t index, ActionQueue& actions);

}  // namespace medius::ui
