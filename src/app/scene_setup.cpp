#include "app/scene_setup.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <future>

#include "anatomy-gen/body_surface.hpp"
#include "anatomy-gen/hip_model.hpp"
#include "anatomy-gen/joints_nerves.hpp"
#include "app/startup_trace.hpp"
#include "model-io/mesh_manifest.hpp"
#include "model-io/model_import.hpp"
#include "core/image.hpp"
#include "core/scene_cache.hpp"
#include "core/xdg.hpp"

namespace medius::app {

std::string defaultContentDir() {
    if (const char* env = std::getenv("MEDIUS_CONTENT_DIR"); env && *env) return env;
    return MEDIUS_DEFAULT_CONTENT_DIR;
}

namespace {

// Everything the generated anatomy depends on: the anatomy content (every file, by name
// and bytes), the variant, and this very build of Medius (its size and time stamp).
std::uint64_t anatomyKey(const std::string& anatomyDir, const std::string& sex) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(anatomyDir, ec))
        if (entry.is_regular_file(ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::uint64_t key = fnv1a(sex.data(), sex.size());
    for (const auto& file : files) {
        const std::string name = file.filename().string();
        key = fnv1a(name.data(), name.size(), key);
        const std::string bytes = readFile(file.string()).value_or("");
        key = fnv1a(bytes.data(), bytes.size(), key);
    }
    struct stat exe {};
    if (::stat("/proc/self/exe", &exe) == 0) {
        key = fnv1a(&exe.st_size, sizeof exe.st_size, key);
        key = fnv1a(&exe.st_mtim, sizeof exe.st_mtim, key);
    }
    return key;
}

Scene generateAnatomy(const std::string& anatomyDir, anatomy::Sex sex, DiagnosticSink& sink) {
    // The skin depends only on content, not on the other meshes: it is generated alongside
    // the bones and muscles, with its own sink (a sink is not thread-safe), merged in after.
    DiagnosticSink skinSink;
    auto skinTask = std::async(std::launch::async, [&anatomyDir, sex, &skinSink] {
        return anatomy::buildBodySurface(anatomyDir, sex, skinSink);
    });
    Scene scene = anatomy::buildHipModel(anatomyDir, sex, sink);
    startupMark("bones and muscles generated");
    for (auto& s : anatomy::buildJointsAndNerves(anatomyDir, sex, sink)) scene.add(std::move(s));
    startupMark("joints and nerves generated");
    anatomy::BodySurface body = skinTask.get();
    for (const auto& d : skinSink.all()) sink.report(d);
    startupMark("skin generated");
    if (!body.skin.empty()) {
        Structure skin;
        skin.id = "skin";
        skin.name = "Skin";
        skin.latin = "Cutis";
        skin.layer = Layer::Skin;
        skin.mesh = std::move(body.skin);
        scene.add(std::move(skin));
    }
    for (const auto& [name, position] : body.landmarks) scene.setLandmark(name, position);
    return scene;
}

// The generated anatomy, from the snapshot in the user's cache folder when it was made
// from the same content by the same build, else generated (and the snapshot written).
// MEDIUS_CACHE=off always generates.
Scene builtInAnatomy(const std::string& anatomyDir, const std::string& sexName, DiagnosticSink& sink) {
    const auto sex = sexName == "male" ? anatomy::Sex::Male : anatomy::Sex::Female;
    const char* setting = std::getenv("MEDIUS_CACHE");
    if (setting && std::string(setting) == "off") return generateAnatomy(anatomyDir, sex, sink);
    const std::string path = xdgPath(XdgFolder::Cache, "anatomy-" + sexName + ".bin");
    const std::uint64_t key = anatomyKey(anatomyDir, sexName);
    std::string why = "absent";
    if (const auto bytes = readFile(path)) {
        if (auto cached = deserializeScene(*bytes, key, why)) {
            startupMark("anatomy read from the cache");
            return std::move(*cached);
        }
    }
    const int errorsBefore = sink.count(Level::Error);
    Scene scene = generateAnatomy(anatomyDir, sex, sink);
    // Only a clean generation is kept: a content error must show again next time.
    if (sink.count(Level::Error) == errorsBefore) {
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
        const std::string error = writeFileAtomically(path, serializeScene(scene, key));
        sink.info(path, 0, error.empty() ? "anatomy snapshot written (cache was " + why + ")"
                                         : "anatomy snapshot not written: " + error);
    }
    return scene;
}

}  // namespace

void buildScene(const CommandLine& commandLine, Scene& scene, DiagnosticSink& sink) {
    if (commandLine.builtinAnatomy) {
        const std::string content =
            commandLine.contentDir.empty() ? defaultContentDir() : commandLine.contentDir;
        Scene anatomy = builtInAnatomy(content + "/anatomy", commandLine.sex, sink);
        if (scene.empty()) {
            scene = std::move(anatomy);  // 9 MB of meshes: moved, not copied
        } else {
            for (const auto& s : anatomy.structures()) scene.add(s);
            for (const auto& [name, position] : anatomy.landmarks()) scene.setLandmark(name, position);
        }
    }
    if (!commandLine.meshManifest.empty()) {
        const int replaced = io::applyMeshManifest(commandLine.meshManifest, scene, sink);
        sink.info(commandLine.meshManifest, 0,
                  std::to_string(replaced) + " structures replaced by your meshes");
    }
    io::ImportOptions options;
    options.units = io::parseUnits(commandLine.units).value_or(io::Units::Auto);
    int n = 0;
    for (const auto& path : commandLine.models) {
        auto mesh = io::importMesh(path, options, sink);
        if (!mesh) continue;
        Structure s;
        s.id = "user_model_" + std::to_string(++n);
        s.name = std::filesystem::path(path).filename().string();
        s.layer = Layer::Other;
        s.mesh = std::move(*mesh);
        scene.add(std::move(s));
    }
}

KnownNames knownNames(const Scene& scene) {
    KnownNames known;
    for (const auto& s : scene.structures())
        if (s.layer != Layer::Other) known.structures.insert(s.id);
    for (const auto& [name, position] : scene.landmarks()) known.landmarks.insert(name);
    return known;
}

}  // namespace medius::app
