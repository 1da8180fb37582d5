#include "model-io/mesh_manifest.hpp"

#include <filesystem>
#include <glm/gtc/matrix_transform.hpp>
#include <set>

#include "core/image.hpp"
#include "core/toml_reader.hpp"

namespace medius::io {

std::optional<glm::mat3> frameToPelvic(std::string_view code) {
    if (code.size() != 3) return std::nullopt;
    glm::mat3 m(0.0f);
    bool used[3] = {false, false, false};
    for (int axis = 0; axis < 3; ++axis) {
        int target = -1;
        float sign = 1.0f;
        switch (code[static_cast<std::size_t>(axis)]) {
            case 'A':
                target = 0;
                break;
            case 'P':
                target = 0;
                sign = -1.0f;
                break;
            case 'S':
                target = 1;
                break;
            case 'I':
                target = 1;
                sign = -1.0f;
                break;
            case 'R':
                target = 2;
                break;
            case 'L':
                target = 2;
                sign = -1.0f;
                break;
            default:
                return std::nullopt;
        }
        if (used[target]) return std::nullopt;
        used[target] = true;
        m[axis][target] =
            sign;  // column `axis` is where the file's axis points in the pelvic frame
    }
    return m;
}

std::vector<MeshReplacement> parseMeshManifest(const std::string& text, const std::string& path,
                                               DiagnosticSink& sink) {
    std::vector<MeshReplacement> out;
    const auto parsed = parseTomlText(text, path, sink);
    if (!parsed) return out;
    TomlReader top(*parsed, path, sink, 1);
    top.warnUnknownKeys({"mesh"});
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    std::set<std::string> seen;
    for (const auto& [table, line] : top.tables("mesh", true)) {
        TomlReader r(*table, path, sink, line);
        MeshReplacement m;
        m.line = line;
        m.structure = r.text("structure", true);
        const std::string file = r.text("file", true);
        if (!file.empty()) {
            const std::filesystem::path p(file);
            m.file = (p.is_absolute() ? p : folder / p).lexically_normal().string();
        }
        const std::string units = r.has("units") ? r.text("units", true) : "auto";
        if (const auto u = parseUnits(units))
            m.options.units = *u;
        else if (!units.empty())
            r.error(r.lineOf("units"), "'units' is '" + units + "'; use mm, cm, m or auto");
        const std::string frame = r.has("frame") ? r.text("frame", true) : "ASR";
        const auto axes = frameToPelvic(frame);
        if (!axes && !frame.empty())
            r.error(r.lineOf("frame"),
                    "'frame' is '" + frame +
                        "'; give three letters for the file's +X, +Y, +Z, one of A/P, S/I, R/L "
                        "each (ASR is the ISB pelvic frame)");
        const double scale = r.number("scale", false, 1e-3, 1e3).value_or(1.0);
        const glm::vec3 rotate =
            r.vec3("rotate", false, "in degrees", 3600.0).value_or(glm::vec3(0.0f));
        const glm::vec3 translate =
            r.vec3("translate", false, "in mm", 1e5).value_or(glm::vec3(0.0f));
        r.warnUnknownKeys({"structure", "file", "units", "frame", "scale", "rotate", "translate"});
        if (!m.structure.empty() && !seen.insert(m.structure).second)
            r.error(r.lineOf("structure"), "'" + m.structure + "' is already replaced above");
        if (r.failed()) continue;
        // p_pelvic = T * Rz * Ry * Rx * scale * frame * (units * p_file):
        // first into Medius's axes, then the user's own correction.
        glm::mat4 m4(1.0f);
        m4 = glm::translate(m4, translate);
        m4 = glm::rotate(m4, glm::radians(rotate.z), {0, 0, 1});
        m4 = glm::rotate(m4, glm::radians(rotate.y), {0, 1, 0});
        m4 = glm::rotate(m4, glm::radians(rotate.x), {1, 0, 0});
        m4 = glm::scale(m4, glm::vec3(static_cast<float>(scale)));
        m.options.transform = m4 * glm::mat4(*axes);
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<MeshReplacement> readMeshManifest(const std::string& path, DiagnosticSink& sink) {
    const auto text = readFile(path);
    if (!text) {
        sink.error(path, 0, "cannot read the mesh manifest");
        return {};
    }
    return parseMeshManifest(*text, path, sink);
}

int applyMeshManifest(const std::string& path, Scene& scene, DiagnosticSink& sink) {
    int replaced = 0;
    for (const MeshReplacement& m : readMeshManifest(path, sink)) {
        const Structure* builtIn = scene.find(m.structure);
        if (!builtIn) {
            sink.error(
                path, m.line,
                "no structure '" + m.structure + "' to replace (see medius --list-structures)");
            continue;
        }
        auto mesh = importMesh(m.file, m.options, sink);
        if (!mesh) {
            sink.error(path, m.line, "'" + m.structure + "' keeps its built-in mesh");
            continue;
        }
        Structure s = *builtIn;
        s.mesh = std::move(*mesh);  // no fibre directions: a user mesh carries none
        scene.add(std::move(s));
        ++replaced;
    }
    return replaced;
}

}  // namespace medius::io
