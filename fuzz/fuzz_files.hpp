#pragma once
// Fuzz inputs go through the same file-reading paths users' files do.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

inline std::string writeFuzzFile(const std::string& name, const std::uint8_t* data, std::size_t size) {
    static const std::string dir = [] {
        const auto d = std::filesystem::temp_directory_path() / ("medius-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d.string();
    }();
    const std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                   static_cast<std::streamsize>(size));
    return path;
}
