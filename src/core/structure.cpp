#include "core/structure.hpp"

namespace medius {

namespace {
struct LayerInfo {
    Layer layer;
    const char* name;
    glm::vec3 colour;
};
// Linear-space colours: ivory bone, red-brown muscle, pale tendon, bluish bursa.
constexpr LayerInfo kLayers[] = {
    {Layer::Bone, "bone", {0.80f, 0.74f, 0.60f}},
    {Layer::Muscle, "muscle", {0.55f, 0.12f, 0.10f}},
    {Layer::Tendon, "tendon", {0.85f, 0.82f, 0.72f}},
    {Layer::Bursa, "bursa", {0.35f, 0.55f, 0.80f}},
    {Layer::Ligament, "ligament", {0.75f, 0.72f, 0.62f}},
    {Layer::Joint, "joint", {0.60f, 0.75f, 0.85f}},
    {Layer::Nerve, "nerve", {0.90f, 0.80f, 0.20f}},
    {Layer::Skin, "skin", {0.80f, 0.58f, 0.46f}},
    {Layer::Other, "other", {0.60f, 0.62f, 0.66f}},
};
}  // namespace

const char* layerName(Layer layer) {
    for (const auto& l : kLayers)
        if (l.layer == layer) return l.name;
    return "other";
}

std::optional<Layer> parseLayer(std::string_view name) {
    for (const auto& l : kLayers)
        if (name == l.name) return l.layer;
    return std::nullopt;
}

glm::vec3 layerColour(Layer layer) {
    for (const auto& l : kLayers)
        if (l.layer == layer) return l.colour;
    return kLayers[std::size(kLayers) - 1].colour;
}

void Scene::add(Structure s) {
    if (s.mesh.normals.size() != s.mesh.positions.size()) s.mesh.computeNormals();
    ++geometryRevision_;
    for (std::size_t i = 0; i < structures_.size(); ++i) {
        if (structures_[i].id == s.id) {
            structures_[i] = std::move(s);
            revisions_[i] = geometryRevision_;
            return;
        }
    }
    structures_.push_back(std::move(s));
    revisions_.push_back(geometryRevision_);
}

const Structure* Scene::find(std::string_view id) const {
    for (const auto& s : structures_)
        if (s.id == id) return &s;
    return nullptr;
}

Bounds Scene::bounds() const {
    Bounds b;
    for (const auto& s : structures_) b.extend(s.mesh.bounds());
    return b;
}

std::size_t Scene::triangleCount() const {
    std::size_t n = 0;
    for (const auto& s : structures_) n += s.mesh.triangleCount();
    return n;
}

}  // namespace medius
