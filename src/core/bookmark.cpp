#include "core/bookmark.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "core/image.hpp"
#include "core/toml_reader.hpp"
#include "core/view_file_parts.hpp"
#include "core/xdg.hpp"

namespace medius {

namespace fs = std::filesystem;

std::string serializeBookmark(const Bookmark& b) {
    toml::table root;
    root.insert("name", b.name);
    root.insert("condition", b.view.condition);
    root.insert("selected", b.view.choices.selected);
    root.insert("xray", b.view.xray);
    toml::array pinned;
    for (const auto& id : b.view.choices.pinnedLabels) pinned.push_back(id);
    root.insert("pinned_labels", std::move(pinned));
    root.insert("camera", cameraTable(b.view.camera));
    toml::table visible, opacity;
    for (const auto& [id, v] : b.view.choices.visible) visible.insert(id, v);
    for (const auto& [id, o] : b.view.choices.opacity) opacity.insert(id, o);
    root.insert("visible", std::move(visible));
    writeAnnotations(root, b.view.annotations);
    root.insert("opacity", std::move(opacity));
    std::ostringstream out;
    out << "# Medius bookmark: a saved view. Safe to edit by hand.\n" << root << "\n";
    return out.str();
}

std::optional<Bookmark> parseBookmark(const std::string& text, const std::string& path,
                                      DiagnosticSink& sink) {
    const auto parsed = parseTomlText(text, path, sink, "bookmark is not valid TOML");
    if (!parsed) return std::nullopt;
    const toml::table& table = *parsed;
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
        const auto pose = readCameraTable(*cam, path, r.lineOf("camera"), sink);
        if (!pose) return std::nullopt;
        b.view.camera = *pose;
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

std::string BookmarkStore::defaultFolder() { return xdgPath(XdgFolder::Data, "bookmarks"); }

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
        const auto text = readFile(path);
        if (!text) {
            sink.error(path, 0, "cannot read the bookmark");
            continue;
        }
        if (auto b = parseBookmark(*text, path, sink)) out.push_back(std::move(*b));
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
