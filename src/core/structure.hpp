#pragma once
// A named anatomical structure and the scene that holds them: the data layer
// of Polyscope's split. The renderer keeps GPU buffers keyed by structure id
// and re-uploads only what a structure's revision counters say changed.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mesh.hpp"

namespace medius {

enum class Layer { Bone, Muscle, Tendon, Bursa, Ligament, Joint, Nerve, Skin, Other };
enum class Side { None, Left, Right };

const char* layerName(Layer layer);
std::optional<Layer> parseLayer(std::string_view name);
// Default base colour (linear RGB) for a layer, chosen to read as tissue.
glm::vec3 layerColour(Layer layer);

struct Structure {
    std::string id;    // stable snake_case id, e.g. gluteus_medius_anterior_r
    std::string name;  // English
    std::string latin; // Terminologia Anatomica
    Layer layer = Layer::Other;
    Side side = Side::None;
    TriangleMesh mesh;
};

class Scene {
public:
    // Adds or replaces (same id) a structure. Normals are computed when missing.
    void add(Structure s);
    const std::vector<Structure>& structures() const { return structures_; }
    const Structure* find(std::string_view id) const;
    std::size_t size() const { return structures_.size(); }
    bool empty() const { return structures_.empty(); }
    Bounds bounds() const;
    std::size_t triangleCount() const;

    // Named points on the body (e.g. greater_trochanter_r on the skin), in the
    // pelvic frame. Pain zones are drawn through them, so they follow the body.
    void setLandmark(const std::string& name, const glm::vec3& position) {
        landmarks_[name] = position;
    }
    const std::map<std::string, glm::vec3>& landmarks() const { return landmarks_; }
    // Bumped whenever any geometry changes.
    std::uint64_t geometryRevision() const { return geometryRevision_; }
    // The revision at which structure i's mesh last changed, so the renderer
    // re-uploads only the structures that did.
    std::uint64_t structureRevision(std::size_t i) const { return revisions_[i]; }

private:
    std::vector<Structure> structures_;
    std::vector<std::uint64_t> revisions_;
    std::map<std::string, glm::vec3> landmarks_;
    std::uint64_t geometryRevision_ = 0;
};

}  // namespace medius
