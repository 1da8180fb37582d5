#include "anatomy-gen/joints_nerves.hpp"

#include <cmath>

#include "anatomy-gen/content_reader.hpp"
#include "anatomy-gen/mesh_ops.hpp"
#include "anatomy-gen/signed_distance.hpp"
#include "anatomy-gen/superquadric.hpp"
#include "anatomy-gen/sweep.hpp"
#include "core/toml_reader.hpp"

namespace medius::anatomy {

namespace {
constexpr float kPi = 3.14159265358979f;

TriangleMesh tube(ContentSection& s) {
    const std::vector<glm::vec3> path = s.points("path");
    const float halfWidth = s.number("half_width");
    const float halfThickness = s.number("half_thickness");
    if (!s.ok()) return {};
    if (path.size() < 2) {
        s.error("'path' needs at least two points");
        return {};
    }
    std::vector<SweepStation> stations;
    for (const auto& p : path) {
        SweepStation st;
        st.centre = p;
        st.widthDirection = glm::vec3(1.0f, 0.0f, 0.0f);
        st.halfWidth = halfWidth;
        st.halfThickness = halfThickness;
        stations.push_back(st);
    }
    SweepOptions options;
    options.ringVertices = halfWidth > 5.0f ? 24 : 12;
    options.samplesPerSpan = 6;
    options.squareness = 2.0f;
    TriangleMesh mesh = sweepTube(stations, options);
    mesh.fibres.clear();  // nerves and capsules have no muscle fibres
    mesh.tendonFractions.clear();
    return mesh;
}

TriangleMesh pad(ContentSection& s) {
    const glm::vec3 centre = s.point("centre");
    const glm::vec3 radii = s.vector("radii");
    const glm::vec3 longAxis = s.vector("long_axis");
    const glm::vec3 normal = s.vector("normal");
    if (!s.ok()) return {};
    if (glm::length(normal) < 1e-6f || glm::length(longAxis) < 1e-6f) {
        s.error("'normal' and 'long_axis' must not be zero");
        return {};
    }
    SuperquadricShape shape;
    // Local X and Z span the equator, Y runs pole to pole: the thin direction is local Y.
    shape.radii = glm::vec3(radii.x, radii.z, radii.y);
    shape.east = 2.0f;
    shape.north = 2.0f;
    shape.rings = 12;
    shape.segments = 28;
    TriangleMesh mesh = superquadric(shape);
    const glm::vec3 n = glm::normalize(normal);
    const glm::vec3 u = glm::normalize(longAxis - n * glm::dot(longAxis, n));
    const glm::vec3 w = glm::cross(u, n);
    glm::mat4 m(1.0f);
    m[0] = glm::vec4(u, 0.0f);  // local X -> long axis
    m[1] = glm::vec4(n, 0.0f);  // local Y -> normal (thin)
    m[2] = glm::vec4(w, 0.0f);  // local Z -> the third axis
    m[3] = glm::vec4(centre, 1.0f);
    mesh.transform(m);
    orientOutward(mesh);
    mesh.computeNormals();
    return mesh;
}

TriangleMesh cap(ContentSection& s) {
    const glm::vec3 centre = s.point("centre");
    const glm::vec3 axis = s.vector("axis");
    const float radius = s.number("radius");
    const float thickness = s.number("thickness");
    const float angle = s.number("angle");
    if (!s.ok()) return {};
    if (glm::length(axis) < 1e-6f || angle <= 0.0f || angle >= 180.0f || thickness <= 0.0f ||
        thickness >= radius) {
        s.error("a cap needs a non-zero axis, 0 < angle < 180 and 0 < thickness < radius");
        return {};
    }
    return sphericalCapShell(centre, axis, radius, thickness, angle);
}

}  // namespace

TriangleMesh sphericalCapShell(const glm::vec3& centre, const glm::vec3& axis, float radius,
                               float thickness, float angleDegrees, int rings, int segments) {
    const glm::mat3 frame = sdf::frameFrom(axis, std::fabs(axis.y) < 0.9f ? glm::vec3(0, 1, 0)
                                                                            : glm::vec3(1, 0, 0));
    const glm::vec3 a = frame[0], b = frame[1], c = frame[2];
    const float maxTheta = glm::radians(angleDegrees);
    TriangleMesh mesh;
    // Vertex layout: the pole, then `rings` rings of `segments`, for the outer and inner sheet.
    const auto addSheet = [&](float r) {
        mesh.positions.push_back(centre + a * r);
        for (int i = 1; i <= rings; ++i) {
            const float theta = maxTheta * i / rings;
            for (int j = 0; j < segments; ++j) {
                const float phi = 2.0f * kPi * j / segments;
                const glm::vec3 dir = a * std::cos(theta) +
                                      (b * std::cos(phi) + c * std::sin(phi)) * std::sin(theta);
                mesh.positions.push_back(centre + dir * r);
            }
        }
    };
    const std::uint32_t perSheet = 1 + rings * segments;
    addSheet(radius + thickness * 0.5f);
    addSheet(radius - thickness * 0.5f);
    const auto ring = [&](std::uint32_t sheet, int i, int j) {
        return sheet * perSheet + 1 + (i - 1) * segments + ((j % segments) + segments) % segments;
    };
    for (std::uint32_t sheet = 0; sheet < 2; ++sheet) {
        const std::uint32_t pole = sheet * perSheet;
        for (int j = 0; j < segments; ++j) {
            const std::uint32_t p = ring(sheet, 1, j), q = ring(sheet, 1, j + 1);
            if (sheet == 0) mesh.indices.insert(mesh.indices.end(), {pole, p, q});
            else mesh.indices.insert(mesh.indices.end(), {pole, q, p});
        }
        for (int i = 1; i < rings; ++i)
            for (int j = 0; j < segments; ++j) {
                const std::uint32_t p = ring(sheet, i, j), q = ring(sheet, i, j + 1);
                const std::uint32_t r = ring(sheet, i + 1, j), t = ring(sheet, i + 1, j + 1);
                if (sheet == 0) mesh.indices.insert(mesh.indices.end(), {p, r, t, p, t, q});
                else mesh.indices.insert(mesh.indices.end(), {p, t, r, p, q, t});
            }
    }
    // The rim joins the two sheets.
    for (int j = 0; j < segments; ++j) {
        const std::uint32_t o0 = ring(0, rings, j), o1 = ring(0, rings, j + 1);
        const std::uint32_t i0 = ring(1, rings, j), i1 = ring(1, rings, j + 1);
        mesh.indices.insert(mesh.indices.end(), {o0, i0, i1, o0, i1, o1});
    }
    orientOutward(mesh);
    mesh.computeNormals();
    return mesh;
}

std::vector<Structure> buildJointsAndNerves(const std::string& contentDir, Sex sex,
                                            DiagnosticSink& sink) {
    std::vector<Structure> out;
    Variant variant{sex, glm::vec3(1.0f)};
    ContentFile skeleton;
    if (skeleton.load(contentDir + "/skeleton.toml", sink)) {
        ContentSection model = skeleton.section("model", Variant{}, sink);
        const glm::vec3 scale = model.vector("male_point_scale");
        if (model.ok()) variant.malePointScale = scale;
    }
    const std::string path = contentDir + "/joints_nerves.toml";
    auto table = parseTomlFile(path, sink);
    if (!table) return out;
    TomlReader top(*table, path, sink, 1);
    for (auto [t, line] : top.tables("structure", true)) {
        TomlReader r(*t, path, sink, line);
        const std::string id = r.text("id", true);
        const std::string name = r.text("name", true);
        const std::string latin = r.text("latin", true);
        const std::string layerText = r.text("layer", true);
        const std::string shapeKind = r.text("shape", true);
        const bool paired = t->get("paired") && t->get("paired")->value_or(false);
        const auto layer = parseLayer(layerText);
        if (!layerText.empty() && !layer) r.error(r.lineOf("layer"), "unknown layer '" + layerText + "'");
        if (r.failed()) continue;

        ContentSection section(t, path, line, variant, sink);
        TriangleMesh mesh;
        if (shapeKind == "tube") mesh = tube(section);
        else if (shapeKind == "pad") mesh = pad(section);
        else if (shapeKind == "cap") mesh = cap(section);
        else {
            r.error(r.lineOf("shape"), "shape '" + shapeKind + "' is not tube, pad or cap");
            continue;
        }
        if (!section.ok() || mesh.empty()) continue;

        Structure s;
        s.name = name;
        s.latin = latin;
        s.layer = *layer;
        if (!paired) {
            s.id = id;
            s.mesh = std::move(mesh);
            out.push_back(std::move(s));
            continue;
        }
        Structure left = s;
        s.id = id + "_r";
        s.name = "Right " + name;
        s.side = Side::Right;
        left.id = id + "_l";
        left.name = "Left " + name;
        left.side = Side::Left;
        left.mesh = mirrorToLeft(mesh);
        s.mesh = std::move(mesh);
        out.push_back(std::move(s));
        out.push_back(std::move(left));
    }
    return out;
}

}  // namespace medius::anatomy
