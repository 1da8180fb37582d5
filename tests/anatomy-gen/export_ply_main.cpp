// anatomy_gen_export <content dir> <out dir> [female|male]: writes <id>.ply per structure and
// prints triangle counts and the generation time.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "anatomy-gen/hip_model.hpp"
#include "ply_writer.hpp"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s <content dir> <out dir> [female|male]\n", argv[0]);
        return 2;
    }
    const auto sex = argc > 3 && std::string(argv[3]) == "male" ? medius::anatomy::Sex::Male
                                                                : medius::anatomy::Sex::Female;
    medius::DiagnosticSink sink;
    sink.setListener(
        [](const medius::Diagnostic& d) { std::fprintf(stderr, "%s\n", d.format().c_str()); });
    const auto t0 = std::chrono::steady_clock::now();
    const medius::Scene scene = medius::anatomy::buildHipModel(argv[1], sex, sink);
    const auto t1 = std::chrono::steady_clock::now();
    std::filesystem::create_directories(argv[2]);
    for (const auto& s : scene.structures()) {
        medius::anatomy::testing::writeBinaryPly(
            s.mesh, (std::filesystem::path(argv[2]) / (s.id + ".ply")).string());
        std::printf("%-48s %8zu triangles  %9.1f cm3\n", s.id.c_str(), s.mesh.triangleCount(),
                    medius::signedVolume(s.mesh) / 1000.0);
    }
    std::printf("structures %zu, triangles %zu, generation %.1f ms\n", scene.size(),
                scene.triangleCount(), std::chrono::duration<double, std::milli>(t1 - t0).count());
    return sink.hasErrors() ? 1 : 0;
}
