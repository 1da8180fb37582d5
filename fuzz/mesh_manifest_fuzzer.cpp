#include <string>

#include "model-io/mesh_manifest.hpp"

// Manifests name files; the fuzzed ones point at paths that do not exist, so this
// exercises the parser and the error paths of applying it, not Assimp (which
// model_import_fuzzer covers).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    medius::DiagnosticSink sink;
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto entries = medius::io::parseMeshManifest(text, "/nonexistent/fuzzed.toml", sink);
    for (const auto& e : entries) {
        // Every accepted entry names a structure and a file and has a finite transform.
        if (e.structure.empty() || e.file.empty()) __builtin_trap();
        for (int c = 0; c < 4; ++c)
            for (int r = 0; r < 4; ++r)
                if (!(e.options.transform[c][r] == e.options.transform[c][r])) __builtin_trap();
    }
    return 0;
}
