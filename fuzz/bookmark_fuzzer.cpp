#include "core/bookmark.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    medius::DiagnosticSink sink;
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (auto b = medius::parseBookmark(text, "fuzzed.toml", sink)) {
        medius::DiagnosticSink second;
        if (!medius::parseBookmark(medius::serializeBookmark(*b), "again.toml", second)) __builtin_trap();
    }
    return 0;
}
