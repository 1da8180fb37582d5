#include "core/tour.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "core/image.hpp"
#include "core/toml_reader.hpp"
#include "core/view_file_parts.hpp"
#include "core/xdg.hpp"
#include "core/view_options.hpp"

namespace medius {

namespace fs = std::filesystem;

namespace {
bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}
}  // namespace

std::optional<Tour> parseTour(const std::string& text, const std::string& path, const TourNames& names,
                              DiagnosticSink& sink) {
    const auto parsed = parseTomlText(text, path, sink);
    if (!parsed) return std::nullopt;
    const toml::table& table = *parsed;
    TomlReader top(table, path, sink, 1);
    Tour tour;
    tour.file = path;
    tour.id = top.text("id", true);
    tour.title = top.text("title", true);
    top.warnUnknownKeys({"id", "title", "step"});
    for (auto [t, line] : top.tables("step", true)) {
        TomlReader r(*t, path, sink, line);
        TourStep step;
        step.caption = r.text("caption", true);
        step.condition = r.text("condition", false);
        if (!step.condition.empty() && !names.conditions.empty() && !contains(names.conditions, step.condition))
            r.error(r.lineOf("condition"), "unknown condition '" + step.condition + "'");
        step.view = r.text("view", false);
        if (!step.view.empty() && !parseViewPreset(step.view))
            r.error(r.lineOf("view"), "view '" + step.view + "' is not a view preset");
        if (const toml::table* cam = r.subtable("camera", false)) {
            step.camera = readCameraTable(*cam, path, r.lineOf("camera"), sink);
            if (!step.camera) r.error(r.lineOf("camera"), "bad camera");
        }
        if (r.has("layers")) {
            std::vector<Layer> layers;
            for (const auto& name : r.textList("layers", false)) {
                if (auto layer = parseLayer(name)) layers.push_back(*layer);
                else r.error(r.lineOf("layers"), "unknown layer '" + name + "'");
            }
            step.layers = layers;
        }
        step.labels = r.textList("labels", false);
        step.hide = r.textList("hide", false);
        std::vector<std::string> named = step.labels;
        named.insert(named.end(), step.hide.begin(), step.hide.end());
        for (const auto& id : named)
            if (!names.structures.empty() && !contains(names.structures, id))
                r.error(r.lineOf("labels"), "unknown structure id '" + id + "'");
        const std::string section = r.text("section", false);
        if (!section.empty()) {
            if (section != "off" && section != "coronal" && section != "sagittal" && section != "transverse")
                r.error(r.lineOf("section"), "section '" + section + "' is not off, coronal, sagittal or transverse");
            step.section = section;
        }
        step.sectionOffset = static_cast<float>(r.number("section_offset", false, -1200.0, 400.0).value_or(0.0));
        if (const toml::node* x = t->get("xray")) {
            if (x->is_boolean()) step.xray = x->as_boolean()->get();
            else r.error(r.lineOf("xray"), "'xray' must be true or false");
        }
        step.audience = r.text("audience", false);
        if (const std::string pose = r.text("pose", false); !pose.empty()) {
            std::string error;
            ViewOptions probe;
            if (!setViewOption(probe, "pose", pose, error)) r.error(r.lineOf("pose"), "pose: " + error);
            step.pose = pose;
        }
        step.exercise = r.text("exercise", false);
        if (!step.exercise.empty() && !names.exercises.empty() && !contains(names.exercises, step.exercise))
            r.error(r.lineOf("exercise"), "unknown exercise '" + step.exercise + "'");
        if (const auto phase = r.number("exercise_phase", false, 0.0, 1.0)) {
            step.exercisePhase = static_cast<float>(*phase);
            if (step.exercise.empty()) r.error(r.lineOf("exercise_phase"), "'exercise_phase' needs 'exercise'");
        }
        if (!step.audience.empty() && step.audience != "patient" && step.audience != "clinician")
            r.error(r.lineOf("audience"), "audience '" + step.audience + "' is not clinician or patient");
        if (!readAnnotations(*t, path, sink, step.annotations)) r.error(line, "bad annotations");
        r.warnUnknownKeys({"caption", "condition", "view", "camera", "layers", "labels", "section",
                           "section_offset", "xray", "audience", "strokes", "notes", "hide", "pose",
                           "exercise", "exercise_phase"});
        if (r.failed()) top.error(line, "step left out");
        else tour.steps.push_back(std::move(step));
    }
    if (top.failed()) return std::nullopt;
    return tour;
}

std::string serializeTour(const Tour& tour) {
    toml::table root;
    root.insert("id", tour.id);
    root.insert("title", tour.title);
    toml::array steps;
    for (const auto& s : tour.steps) {
        toml::table t;
        t.insert("caption", s.caption);
        if (!s.condition.empty()) t.insert("condition", s.condition);
        if (!s.view.empty()) t.insert("view", s.view);
        if (s.camera) t.insert("camera", cameraTable(*s.camera));
        if (s.layers) {
            toml::array layers;
            for (Layer l : *s.layers) layers.push_back(layerName(l));
            t.insert("layers", std::move(layers));
        }
        if (!s.labels.empty()) {
            toml::array labels;
            for (const auto& id : s.labels) labels.push_back(id);
            t.insert("labels", std::move(labels));
        }
        if (!s.hide.empty()) {
            toml::array hide;
            for (const auto& id : s.hide) hide.push_back(id);
            t.insert("hide", std::move(hide));
        }
        if (s.section != "off") {
            t.insert("section", s.section);
            t.insert("section_offset", s.sectionOffset);
        }
        if (s.xray) t.insert("xray", true);
        if (s.pose != "standing") t.insert("pose", s.pose);
        if (!s.exercise.empty()) t.insert("exercise", s.exercise);
        if (s.exercisePhase) t.insert("exercise_phase", *s.exercisePhase);
        if (!s.audience.empty()) t.insert("audience", s.audience);
        writeAnnotations(t, s.annotations);
        steps.push_back(std::move(t));
    }
    root.insert("step", std::move(steps));
    std::ostringstream out;
    out << "# Medius tour. Steps run in order; edit freely.\n" << root << "\n";
    return out.str();
}

std::vector<Tour> loadTours(const std::vector<std::string>& folders, const TourNames& names,
                            DiagnosticSink& sink) {
    std::vector<Tour> out;
    for (const auto& folder : folders) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) continue;
        std::vector<std::string> files;
        for (const auto& e : fs::directory_iterator(folder, ec))
            if (e.path().extension() == ".toml") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        for (const auto& path : files) {
            if (auto tour = parseTour(readFile(path).value_or(""), path, names, sink)) out.push_back(std::move(*tour));
        }
    }
    return out;
}

std::string userTourFolder() { return xdgPath(XdgFolder::Data, "tours"); }

}  // namespace medius
