#include "core/view_file_parts.hpp"

#include <algorithm>

#include "core/toml_reader.hpp"

namespace medius {

toml::table cameraTable(const CameraPose& c) {
    toml::table camera;
    camera.insert("target", toml::array{c.target.x, c.target.y, c.target.z});
    camera.insert("distance", c.distance);
    camera.insert("yaw", c.yaw);
    camera.insert("pitch", c.pitch);
    return camera;
}

std::optional<CameraPose> readCameraTable(const toml::table& cam, const std::string& path, int line,
                                          DiagnosticSink& sink) {
    TomlReader cr(cam, path, sink, line);
    CameraPose pose;
    const toml::array* target = cam.get_as<toml::array>("target");
    if (!target || target->size() != 3 ||
        !std::all_of(target->begin(), target->end(), [](const toml::node& n) { return n.is_number(); }))
        cr.error(cr.lineOf("target"), "'target' must be three numbers [x, y, z]");
    else
        for (int k = 0; k < 3; ++k) pose.target[k] = static_cast<float>((*target)[k].value<double>().value_or(0.0));
    pose.distance = static_cast<float>(cr.number("distance", true, 1.0, 100000.0).value_or(500.0));
    pose.yaw = static_cast<float>(cr.number("yaw", true, -100.0, 100.0).value_or(0.0));
    pose.pitch = static_cast<float>(cr.number("pitch", true, -1.6, 1.6).value_or(0.0));
    if (cr.failed()) return std::nullopt;
    return pose;
}

void writeAnnotations(toml::table& table, const Annotations& annotations) {
    if (!annotations.strokes.empty()) {
        toml::array strokes;
        for (const auto& stroke : annotations.strokes) {
            toml::array points;
            for (const auto& p : stroke) points.push_back(toml::array{p.x, p.y});
            strokes.push_back(std::move(points));
        }
        table.insert("strokes", std::move(strokes));
    }
    if (!annotations.notes.empty()) {
        toml::array notes;
        for (const auto& n : annotations.notes) {
            toml::table note;
            note.insert("at", toml::array{n.at.x, n.at.y, n.at.z});
            note.insert("text", n.text);
            notes.push_back(std::move(note));
        }
        table.insert("notes", std::move(notes));
    }
}

bool readAnnotations(const toml::table& table, const std::string& path, DiagnosticSink& sink,
                     Annotations& out) {
    bool ok = true;
    const auto number = [](const toml::node& n) { return static_cast<float>(n.value<double>().value_or(0.0)); };
    // Nested array elements may carry no source position: fall back to the key's line.
    const auto lineOf = [](const toml::node& n, const toml::node* parent) {
        const int line = static_cast<int>(n.source().begin.line);
        return line > 0 ? line : parent ? static_cast<int>(parent->source().begin.line) : 0;
    };
    if (const toml::array* strokes = table["strokes"].as_array()) {
        for (const toml::node& stroke : *strokes) {
            const toml::array* points = stroke.as_array();
            std::vector<glm::vec2> line;
            for (const toml::node& p : points ? *points : toml::array{}) {
                const toml::array* xy = p.as_array();
                if (!xy || xy->size() != 2 || !(*xy)[0].is_number() || !(*xy)[1].is_number()) {
                    sink.error(path, lineOf(p, strokes), "a stroke point must be [x, y]");
                    ok = false;
                    break;
                }
                line.emplace_back(number((*xy)[0]), number((*xy)[1]));
            }
            if (!points) {
                sink.error(path, lineOf(stroke, strokes), "a stroke must be a list of [x, y]");
                ok = false;
            }
            out.strokes.push_back(std::move(line));
        }
    }
    if (const toml::array* notes = table["notes"].as_array()) {
        for (const toml::node& n : *notes) {
            const int noteLine = lineOf(n, notes);
            const toml::table* t = n.as_table();
            const toml::array* at = t ? t->get_as<toml::array>("at") : nullptr;
            const auto text = t ? t->get_as<std::string>("text") : nullptr;
            if (!at || at->size() != 3 || !text) {
                sink.error(path, noteLine, "a note needs at = [x, y, z] and text");
                ok = false;
                continue;
            }
            out.notes.push_back({{number((*at)[0]), number((*at)[1]), number((*at)[2])}, text->get()});
        }
    }
    return ok;
}

}  // namespace medius
