#include "model-io/scene_export.hpp"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <system_error>

#include "core/image.hpp"

namespace medius::io {

namespace {

// glTF constants (glTF 2.0 specification, section 5).
constexpr std::uint32_t kGlbMagic = 0x46546C67;     // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A;    // "JSON"
constexpr std::uint32_t kChunkBinary = 0x004E4942;  // "BIN\0"
constexpr int kFloat = 5126, kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962, kElementArrayBuffer = 34963;

std::string jsonString(const std::string& text) {
    std::string out = "\"";
    for (const unsigned char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += static_cast<char>(c);  // UTF-8 passes through: JSON is UTF-8
                }
        }
    }
    return out + "\"";
}

void appendBytes(std::string& out, const void* data, std::size_t size) {
    out.append(static_cast<const char*>(data), size);
}
void appendU32(std::string& out, std::uint32_t value) {
    appendBytes(out, &value, 4);
}
void padTo4(std::string& out, char with) {
    while (out.size() % 4 != 0) out += with;
}

std::string vec3Json(const glm::vec3& v) {
    std::ostringstream s;
    s.precision(9);
    s << '[' << v.x << ',' << v.y << ',' << v.z << ']';
    return s.str();
}

const char* sideName(Side side) {
    return side == Side::Left ? "left" : side == Side::Right ? "right" : "none";
}

}  // namespace

std::string sceneToGlb(const Scene& scene) {
    std::string binary;
    std::ostringstream nodes, meshes, accessors, views, materials;
    // One material per layer, so a viewer shows bone, muscle and tendon apart.
    std::vector<Layer> materialLayers;
    auto materialOf = [&](Layer layer) {
        for (std::size_t i = 0; i < materialLayers.size(); ++i)
            if (materialLayers[i] == layer) return static_cast<int>(i);
        materialLayers.push_back(layer);
        return static_cast<int>(materialLayers.size() - 1);
    };
    int accessorCount = 0, viewCount = 0, meshCount = 0;
    auto addView = [&](const void* data, std::size_t size, int target) {
        padTo4(binary, '\0');
        if (viewCount) views << ',';
        views << "{\"buffer\":0,\"byteOffset\":" << binary.size() << ",\"byteLength\":" << size
              << ",\"target\":" << target << '}';
        appendBytes(binary, data, size);
        return viewCount++;
    };
    auto addAccessor = [&](int view, int componentType, std::size_t count, const char* type,
                           const std::string& extra) {
        if (accessorCount) accessors << ',';
        accessors << "{\"bufferView\":" << view << ",\"componentType\":" << componentType
                  << ",\"count\":" << count << ",\"type\":\"" << type << '"' << extra << '}';
        return accessorCount++;
    };

    for (const Structure& s : scene.structures()) {
        const TriangleMesh& mesh = s.mesh;
        if (mesh.empty() || mesh.positions.empty()) continue;
        const Bounds b = mesh.bounds();
        const int positionView =
            addView(mesh.positions.data(), mesh.positions.size() * sizeof(glm::vec3), kArrayBuffer);
        const int position =
            addAccessor(positionView, kFloat, mesh.positions.size(), "VEC3",
                        ",\"min\":" + vec3Json(b.min) + ",\"max\":" + vec3Json(b.max));
        int normal = -1;
        if (mesh.normals.size() == mesh.positions.size()) {
            const int normalView =
                addView(mesh.normals.data(), mesh.normals.size() * sizeof(glm::vec3), kArrayBuffer);
            normal = addAccessor(normalView, kFloat, mesh.normals.size(), "VEC3", "");
        }
        // Application-specific attribute (glTF 2.0 3.7.2.1: names start with an underscore):
        // where a muscle is tendon, 0 belly .. 1 tendon. Viewers that do not know it ignore it.
        int tendon = -1;
        if (mesh.tendonFractions.size() == mesh.positions.size()) {
            const int tendonView =
                addView(mesh.tendonFractions.data(), mesh.tendonFractions.size() * sizeof(float),
                        kArrayBuffer);
            tendon = addAccessor(tendonView, kFloat, mesh.tendonFractions.size(), "SCALAR", "");
        }
        const int indexView = addView(
            mesh.indices.data(), mesh.indices.size() * sizeof(std::uint32_t), kElementArrayBuffer);
        const int indices = addAccessor(indexView, kUnsignedInt, mesh.indices.size(), "SCALAR", "");

        if (meshCount) {
            meshes << ',';
            nodes << ',';
        }
        meshes << "{\"name\":" << jsonString(s.id)
               << ",\"primitives\":[{\"attributes\":{\"POSITION\":" << position;
        if (normal >= 0) meshes << ",\"NORMAL\":" << normal;
        if (tendon >= 0) meshes << ",\"_TENDON_FRACTION\":" << tendon;
        meshes << "},\"indices\":" << indices << ",\"material\":" << materialOf(s.layer) << "}]}";
        nodes << "{\"name\":" << jsonString(s.id) << ",\"mesh\":" << meshCount
              << ",\"extras\":{\"name\":" << jsonString(s.name)
              << ",\"latin\":" << jsonString(s.latin) << ",\"layer\":\"" << layerName(s.layer)
              << "\",\"side\":\"" << sideName(s.side) << "\"}}";
        ++meshCount;
    }
    for (std::size_t i = 0; i < materialLayers.size(); ++i) {
        const glm::vec3 c = layerColour(materialLayers[i]);
        if (i) materials << ',';
        materials << "{\"name\":\"" << layerName(materialLayers[i])
                  << "\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[" << c.r << ',' << c.g
                  << ',' << c.b << ",1],\"metallicFactor\":0,\"roughnessFactor\":0.7}}";
    }
    padTo4(binary, '\0');

    std::ostringstream json;
    json << "{\"asset\":{\"version\":\"2.0\",\"generator\":\"Medius\",\"extras\":{\"units\":"
            "\"millimetres\",\"frame\":\"ISB pelvic frame: X anterior, Y superior, Z right\"}},"
         << "\"scene\":0,\"scenes\":[{\"name\":\"Medius\",\"nodes\":[";
    for (int i = 0; i < meshCount; ++i) json << (i ? "," : "") << i;
    json << "]}],\"nodes\":[" << nodes.str() << "],\"meshes\":[" << meshes.str()
         << "],\"materials\":[" << materials.str() << "],\"accessors\":[" << accessors.str()
         << "],\"bufferViews\":[" << views.str()
         << "],\"buffers\":[{\"byteLength\":" << binary.size() << "}]}";
    std::string jsonChunk = json.str();
    padTo4(jsonChunk, ' ');  // the specification pads the JSON chunk with spaces

    std::string glb;
    const auto total = static_cast<std::uint32_t>(12 + 8 + jsonChunk.size() + 8 + binary.size());
    appendU32(glb, kGlbMagic);
    appendU32(glb, 2);
    appendU32(glb, total);
    appendU32(glb, static_cast<std::uint32_t>(jsonChunk.size()));
    appendU32(glb, kChunkJson);
    glb += jsonChunk;
    appendU32(glb, static_cast<std::uint32_t>(binary.size()));
    appendU32(glb, kChunkBinary);
    glb += binary;
    return glb;
}

std::string meshToPly(const TriangleMesh& mesh, const std::string& comment) {
    const bool withNormals = mesh.normals.size() == mesh.positions.size();
    std::string oneLine = comment;  // a newline would end the PLY comment early
    for (char& c : oneLine)
        if (c == '\n' || c == '\r') c = ' ';
    std::ostringstream header;
    header << "ply\nformat binary_little_endian 1.0\ncomment " << oneLine
           << "\ncomment millimetres, ISB pelvic frame (X anterior, Y superior, Z right)\n"
           << "element vertex " << mesh.positions.size()
           << "\nproperty float x\nproperty float y\nproperty float z\n";
    if (withNormals) header << "property float nx\nproperty float ny\nproperty float nz\n";
    header << "element face " << mesh.triangleCount()
           << "\nproperty list uchar int vertex_indices\nend_header\n";
    std::string out = header.str();
    out.reserve(out.size() + mesh.positions.size() * 24 + mesh.triangleCount() * 13);
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
        appendBytes(out, &mesh.positions[v], 12);
        if (withNormals) appendBytes(out, &mesh.normals[v], 12);
    }
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
        out += static_cast<char>(3);
        for (int k = 0; k < 3; ++k) {
            const auto index = static_cast<std::int32_t>(mesh.indices[t * 3 + k]);
            appendBytes(out, &index, 4);
        }
    }
    return out;
}

int exportScene(const Scene& scene, const std::string& folder, DiagnosticSink& sink) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        sink.error(folder, 0, "cannot create the export folder: " + ec.message());
        return 0;
    }
    int written = 0;
    const std::string glbPath = (std::filesystem::path(folder) / "scene.glb").string();
    if (const std::string error = writeFileAtomically(glbPath, sceneToGlb(scene)); !error.empty())
        sink.error(glbPath, 0, "cannot write: " + error);
    else
        ++written;
    for (const Structure& s : scene.structures()) {
        if (s.mesh.empty()) continue;
        const std::string path = (std::filesystem::path(folder) / (s.id + ".ply")).string();
        if (const std::string error = writeFileAtomically(
                path, meshToPly(s.mesh, "Medius " + s.id + " (" + s.name + ")"));
            !error.empty())
            sink.error(path, 0, "cannot write: " + error);
        else
            ++written;
    }
    return written;
}

}  // namespace medius::io
