#pragma once
// An 8-bit RGBA image in memory, top row first, and its PNG file form.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace medius {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, top row first

    std::uint8_t* pixel(int x, int y) { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
    const std::uint8_t* pixel(int x, int y) const {
        return &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
    }
};

// Reverses the row order: OpenGL reads images bottom row first.
void flipRows(Image& image);

// Writes atomically (temporary file, then rename) so an interrupted export
// never leaves a half-written PNG where a good one was. Returns an empty
// string on success, otherwise what went wrong.
std::string writePng(const std::string& path, const Image& image);
// Reads a PNG (for tests and reference images). Empty string on success.
std::string readPng(const std::string& path, Image& image);

// Writes `bytes` to `path` through a temporary file and rename. Empty string on success.
std::string writeFileAtomically(const std::string& path, const std::string& bytes);
// The whole file, or nullopt when it cannot be opened.
std::optional<std::string> readFile(const std::string& path);

}  // namespace medius
