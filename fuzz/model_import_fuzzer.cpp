// Model files of every format Medius documents, chosen by the first byte.
#include "fuzz_files.hpp"
#include "model-io/model_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static const char* kNames[] = {"model.glb", "model.gltf", "model.obj", "model.stl", "model.ply"};
    const std::string path = writeFuzzFile(kNames[data[0] % 5], data + 1, size - 1);
    medius::DiagnosticSink sink;
    if (auto mesh = medius::io::importMesh(path, {}, sink))
        if (!mesh->validate().empty()) __builtin_trap();  // what loads must be a valid mesh
    return 0;
}
