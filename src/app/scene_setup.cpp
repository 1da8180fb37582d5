#include "app/scene_setup.hpp"

#include <cstdlib>
#include <filesystem>

#include "anatomy-gen/hip_model.hpp"
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

}  // namespace medius::app
