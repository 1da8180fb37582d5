#include "app/scene_setup.hpp"

#include <cstdlib>
#include <filesystem>

#include "anatomy-gen/body_surface.hpp"
#include "anatomy-gen/hip_model.hpp"
#include "anatomy-gen/joints_nerves.hpp"
#include "model-io/mesh_manifest.hpp"
#include "model-io/model_import.hpp"

namespace medius::app {

std::string defaultContentDir() {
    if (const char* env = std::getenv("MEDIUS_CONTENT_DIR"); env && *env) return env;
    return MEDIUS_DEFAULT_CONTENT_DIR;
}

void buildScene(const CommandLine& commandLine, Scene& scene, DiagnosticSink& sink) {
    if (commandLine.builtinAnatomy) {
        const std::string content =
            commandLine.contentDir.empty() ? defaultContentDir() : commandLine.contentDir;
        const auto sex =
            commandLine.sex == "male" ? anatomy::Sex::Male : anatomy::Sex::Female;
        Scene anatomy = anatomy::buildHipModel(content + "/anatomy", sex, sink);
        for (const auto& s : anatomy.structures()) scene.add(s);
        for (auto& s : anatomy::buildJointsAndNerves(content + "/anatomy", sex, sink))
            scene.add(std::move(s));
        anatomy::BodySurface body = anatomy::buildBodySurface(content + "/anatomy", sex, sink);
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
