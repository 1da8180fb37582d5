#include "core/settings.hpp"
#include "fuzz_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = writeFuzzFile("settings.toml", data, size);
    medius::DiagnosticSink sink;
    // A corrupt file is moved aside; either way loading must not crash.
    (void)medius::loadSettings(path, sink);
    return 0;
}
