#include "core/bookmark.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/image.hpp"
#include "core/toml_reader.hpp"

namespace medius {

namespace fs = std::filesystem;

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

std::string serializeBookmark(const Bookmark& b) {
    toml::table root;
    root.insert("name", b.name);
    root.insert("condition", b.view.condition);
    root.insert("selected", b.view.choices.selected);
    root.insert("xray", b.view.xray);
    toml::array pinned;
    for (const auto& id : b.view.choices.pinnedLabels) pinned.push_back(id);
    root.insert("pinned_labels", std::move(pinned));
    const CameraPose& c = b.view.camera;
    toml::table camera;
    camera.insert("target", toml::array{c.target.x, c.target.y, c.target.z});
    camera.insert("distance", c.distance);
    camera.insert("yaw", c.yaw);
    camera.insert("pitch", c.pitch);
    root.insert("camera", std::move(camera));
    toml::table visible, opacity;
    for (const auto& [id, v] : b.view.choices.visible) visible.insert(id, v);
    for (const auto& [id, o] : b.view.choices.opacity) opacity.insert(id, o);
    root.insert("visible", std::move(visible));
    toml::array strokes;
    for (const auto& stroke : b.view.annotations.strokes) {
        toml::array points;
        for (const auto& p : stroke) points.push_back(toml::array{p.x, p.y});
        strokes.push_back(std::move(points));
    }
    root.insert("strokes", std::move(strokes));
    toml::array notes;
    for (const auto& n : b.view.annotations.notes) {
        toml::table t;
        t.insert("at", toml::array{n.at.x, n.at.y, n.at.z});
        t.insert("text", n.text);
        notes.push_back(std::move(t));
    }
    root.insert("notes", std::move(notes));
    root.insert("opacity", std::move(opacity));
    std::ostringstream out;
    out << "# Medius bookmark: a saved view. Safe to edit by hand.\n" << root << "\n";
    return out.str();
}

std::optional<Bookmark> parseBookmark(const std::string& text, const std::string& path,
                                      DiagnosticSink& sink) {
    toml::table table;
    try {
        table = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        sink.error(path, static_cast<int>(e.source().begin.line),
                   "bookmark is not valid TOML: " + std::string(e.description()));
        return std::nullopt;
    }
    TomlReader r(table, path, sink, 1);
    Bookmark b;
    b.name = r.text("name", true);
    b.view.condition = r.text("condition", false);
    b.view.choices.selected = r.text("selected", false);
    for (const auto& id : r.textList("pinned_labels", false)) b.view.choices.pinnedLabels.insert(id);
    if (const toml::node* x = table.get("xray")) {
        if (!x->is_boolean()) r.error(r.lineOf("xray"), "'xray' must be true or false");
        else b.view.xray = x->as_boolean()->get();
    }
    if (const toml::table* cam = r.subtable("camera", true)) {
        TomlReader cr(*cam, path, sink, r.lineOf("camera"));
        const toml::array* target = cam->get_as<toml::array>("target");
        if (!target || target->size() != 3 ||
            !std::all_of(target->begin(), target->end(), [](const toml::node& n) { return n.is_number(); }))
            cr.error(cr.lineOf("target"), "'target' must be three numbers [x, y, z]");
        else
            for (int k = 0; k < 3; ++k) b.view.camera.target[k] = static_cast<float>((*target)[k].value<double>().value_or(0.0));
        b.view.camera.distance = static_cast<float>(cr.number("distance", true, 1.0, 100000.0).value_or(500.0));
        b.view.camera.yaw = static_cast<float>(cr.number("yaw", true, -100.0, 100.0).value_or(0.0));
        b.view.camera.pitch = static_cast<float>(cr.number("pitch", true, -1.6, 1.6).value_or(0.0));
        if (cr.failed()) return std::nullopt;
    }
    if (const toml::table* visible = r.subtable("visible", false)) {
        for (const auto& [id, v] : *visible) {
            if (!v.is_boolean()) {
                r.error(static_cast<int>(v.source().begin.line), "visible." + std::string(id.str()) + " must be true or false");
                continue;
            }
            b.view.choices.visible[std::string(id.str())] = v.as_boolean()->get();
        }
    }
    if (const toml::table* opacity = r.subtable("opacity", false)) {
        for (const auto& [id, v] : *opacity) {
            const auto value = v.value<double>();
            if (!value || *value < 0.0 || *value > 1.0) {
                r.error(static_cast<int>(v.source().begin.line), "opacity." + std::string(id.str()) + " must be a number from 0 to 1");
                continue;
            }
            b.view.choices.opacity[std::string(id.str())] = static_cast<float>(*value);
        }
    }
    if (!readAnnotations(table, path, sink, b.view.annotations)) r.error(1, "bad annotations");
    r.warnUnknownKeys({"name", "condition", "selected", "xray", "pinned_labels", "camera", "visible",
                       "opacity", "strokes", "notes"});
    if (r.failed()) return std::nullopt;
    return b;
}

std::string BookmarkStore::defaultFolder() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::string(xdg) + "/medius/bookmarks";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/medius/bookmarks";
}

std::string BookmarkStore::pathFor(const std::string& name) const {
    std::string file;
    for (char ch : name) file += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_') ? ch : '_';
    if (file.empty()) file = "bookmark";
    return folder_ + "/" + file + ".toml";
}

std::vector<Bookmark> BookmarkStore::loadAll(DiagnosticSink& sink) const {
    std::vector<Bookmark> out;
    std::error_code ec;
    if (!fs::is_directory(folder_, ec)) return out;  // no bookmarks yet
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(folder_, ec))
        if (e.path().extension() == ".toml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            sink.error(path, 0, "cannot read the bookmark");
            continue;
        }
        std::stringstream text;
        text << in.rdbuf();
        if (auto b = parseBookmark(text.str(), path, sink)) out.push_back(std::move(*b));
    }
    return out;
}

std::string BookmarkStore::save(const Bookmark& bookmark) const {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec) return "cannot create " + folder_ + ": " + ec.message();
    return writeFileAtomically(pathFor(bookmark.name), serializeBookmark(bookmark));
}

std::string BookmarkStore::remove(const std::string& name) const {
    std::error_code ec;
    if (!fs::remove(pathFor(name), ec) || ec)
        return "cannot remove " + pathFor(name) + (ec ? ": " + ec.message() : ": not found");
    return {};
}

}  // namespace medius
