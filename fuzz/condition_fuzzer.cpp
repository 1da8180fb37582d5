// A condition file, with the shipped references and red flags beside it.
#include <filesystem>

#include "core/content_loader.hpp"
#include "fuzz_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string folder = [] {
        const auto d = std::filesystem::temp_directory_path() / ("medius-fuzz-content-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d / "conditions");
        std::filesystem::copy_file(MEDIUS_CONTENT_DIR "/references.toml", d / "references.toml",
                                   std::filesystem::copy_options::overwrite_existing);
        std::filesystem::copy_file(MEDIUS_CONTENT_DIR "/red_flags.toml", d / "red_flags.toml",
                                   std::filesystem::copy_options::overwrite_existing);
        return d.string();
    }();
    std::ofstream(folder + "/conditions/fuzzed.toml", std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    medius::DiagnosticSink sink;
    const medius::KnownNames known{{"femur_r", "iliotibial_band_r"}, {"greater_trochanter_r"}};
    const auto library = medius::loadContent(folder, known, sink);
    for (const auto& c : library.conditions) (void)medius::readableCitations(library, c.summary.clinician);
    return 0;
}
