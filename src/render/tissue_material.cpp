#include "render/tissue_material.hpp"

namespace medius::render {

namespace {
// Subtle on purpose: a projected atlas must read as clean tissue, never as dirt.
TissueMaterial designed(Layer layer) {
    TissueMaterial m;
    switch (layer) {
        case Layer::Bone:  // dry and matte, with a faint mottled texture
            m.specular = 0.05f;
            m.grain = 0.05f;
            break;
        case Layer::Muscle:  // fascicles along the fibres and a soft sheen across them
            m.specular = 0.08f;
            m.wrap = 0.15f;
            m.striation = 0.11f;
            m.sheen = 0.10f;
            m.tendonShown = 1.0f;  // its tendon and aponeurosis are pale and glossy
            m.tendonColour = layerColour(Layer::Tendon);
            break;
        case Layer::Tendon:  // glossy, pale
            m.specular = 0.40f;
            m.sharpness = 1.0f;
            break;
        case Layer::Ligament:
            m.specular = 0.28f;
            m.sharpness = 0.6f;
            break;
        case Layer::Bursa:  // a translucent fluid sac with a wet glint
            m.specular = 0.50f;
            m.sharpness = 1.0f;
            m.wrap = 0.3f;
            m.fluid = 1.0f;
            break;
        case Layer::Nerve:  // a yellow cord with a slight sheen
            m.specular = 0.22f;
            m.sharpness = 0.5f;
            m.wrap = 0.1f;
            break;
        default:
            break;
    }
    return m;
}
}  // namespace

TissueMaterial tissueMaterial(Layer layer, const ViewOptions& options) {
    const TissueMaterial d = designed(layer);
    TissueMaterial m = options.tissueMaterials ? d : TissueMaterial{};
    m.striation = options.striation ? d.striation : 0.0f;
    return m;
}

bool materialsWanted(const ViewOptions& options) {
    return options.tissueMaterials || options.striation;
}

}  // namespace medius::render
