#include "core/tour.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    medius::DiagnosticSink sink;
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (auto tour = medius::parseTour(text, "fuzzed.toml", {{"femur_r"}, {"gluteal_tendinopathy"}}, sink)) {
        // What parses must serialise and parse again.
        const std::string again = medius::serializeTour(*tour);
        medius::DiagnosticSink second;
        if (!medius::parseTour(again, "again.toml", {{"femur_r"}, {"gluteal_tendinopathy"}}, second)) __builtin_trap();
    }
    return 0;
}
