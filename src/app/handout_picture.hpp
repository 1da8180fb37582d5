#pragma once
// The picture on the patient handout: the painful area of the chosen condition, seen from
// the condition's own side, with the pain map painted on opaque skin over white paper.
#include <string>

#include "app/app_state.hpp"
#include "core/image.hpp"
#include "export/handout.hpp"
#include "render/scene_renderer.hpp"

namespace medius::app {

// Renders the picture for the current condition (portrait, 900 x 1100). Needs a current
// OpenGL context. Returns an empty image and says why in `error` when it cannot.
Image renderHandoutPicture(AppState& state, render::SceneRenderer& renderer, std::string& error);

// One moment of an exercise for the handout's exercise page (800 x 600, on white): the bones,
// a pale skin and the working muscles lit. Leaves the app's pose and playback as they were.
Image renderExercisePicture(AppState& state, render::SceneRenderer& renderer, const Exercise& exercise, float phase,
                            std::string& error);

// The handout's exercise page entries for `ids` (patient wording, start and end pictures).
// Unknown ids are reported in `error` and give an empty list.
std::vector<HandoutExercise> handoutExercises(AppState& state, render::SceneRenderer& renderer,
                                              const std::vector<std::string>& ids, std::string& error);

// What the handout shows of each structure: only the skin, opaque, as the pain canvas.
std::vector<StructureAppearance> handoutAppearances(const Scene& scene);

// The box the handout frames: the condition's pain zones, widened to at least
// `minimumExtent` mm so the body part stays recognisable around a small patch.
Bounds painAreaFocus(const std::vector<PainSegment>& zones, float minimumExtent);

// Takes the body off the renderer's background and stands it on white: `lit` is the frame,
// `black` the same frame with the body unlit, `background` the frame without the body.
Image composeOverWhite(const Image& lit, const Image& black, const Image& background);

}  // namespace medius::app
