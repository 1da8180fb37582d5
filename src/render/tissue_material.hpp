#pragma once
// How each tissue's surface answers light on still frames: the parameters of the material
// variant of shaders/mesh.frag.glsl. Chosen by the structure's layer only; its colour and
// opacity stay the view state's.
#include <glm/glm.hpp>

#include "core/structure.hpp"
#include "core/view_options.hpp"

namespace medius::render {

struct TissueMaterial {
    float specular = 0.18f;        // highlight strength (today's broad wet highlight)
    float sharpness = 0.0f;        // 0: broad, 1: a tight glossy highlight
    float wrap = 0.0f;             // diffuse wrapped past the terminator (soft tissue)
    float fluid = 0.0f;            // 1: a fluid sac, thinner face on than at its rim
    float grain = 0.0f;            // amplitude of the faint surface texture
    float striation = 0.0f;        // amplitude of the fascicle stripes (where the mesh has fibres)
    float sheen = 0.0f;            // anisotropic sheen along the fibres
    float fascicleSpacing = 2.6f;  // mm between stripes: a few pixels at the default zoom
    // Where a muscle mesh says it is tendon (its per-vertex tendon fraction), the colour blends
    // toward this pale off-white (linear RGB) and the surface toward the tendon's gloss.
    // tendonShown 0 leaves the tendon part the muscle's colour.
    glm::vec3 tendonColour{0.78f, 0.74f, 0.64f};
    float tendonShown = 0.0f;
};

// The layer's material with the options' switches applied: tissue-materials off leaves the
// plain response (striation still on its own switch), striation off leaves no stripes.
TissueMaterial tissueMaterial(Layer layer, const ViewOptions& options);
// Whether a still frame needs the material variant at all.
bool materialsWanted(const ViewOptions& options);

}  // namespace medius::render
