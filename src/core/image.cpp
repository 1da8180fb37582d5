#include "core/image.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

namespace medius {

namespace {
std::string temporaryPathFor(const std::string& path) {
    return path + ".tmp-" + std::to_string(::getpid());
}

void appendBytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), size);
}
}  // namespace

void flipRows(Image& image) {
    const std::size_t stride = static_cast<std::size_t>(image.width) * 4;
    std::vector<std::uint8_t> row(stride);
    for (int y = 0; y < image.height / 2; ++y) {
        std::uint8_t* a = &image.rgba[y * stride];
        std::uint8_t* b = &image.rgba[(image.height - 1 - y) * stride];
        std::memcpy(row.data(), a, stride);
        std::memcpy(a, b, stride);
        std::memcpy(b, row.data(), stride);
    }
}

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return std::nullopt;
    std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in) return std::nullopt;
    return bytes;
}

std::string writeFileAtomically(const std::string& path, const std::string& bytes) {
    const std::string tmp = temporaryPathFor(path);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot create " + tmp + ": " + std::strerror(errno);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            return "cannot write " + tmp + ": " + std::strerror(errno);
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        return "cannot rename " + tmp + " to " + path + ": " + ec.message();
    }
    return {};
}

std::string writePng(const std::string& path, const Image& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4)
        return "image has no pixels";
    // Faster than stb's defaults (level 8, best of five filters per row) at a file about
    // 10% larger: a screenshot is written while the user waits, at up to 3840x2160.
    stbi_write_png_compression_level = 4;
    stbi_write_force_png_filter = 4;  // Paeth: usually the best on rendered images
    std::string bytes;
    if (!stbi_write_png_to_func(appendBytes, &bytes, image.width, image.height, 4,
                                image.rgba.data(), image.width * 4))
        return "PNG encoding failed";
    return writeFileAtomically(path, bytes);
}

std::string readPng(const std::string& path, Image& image) {
    int w = 0, h = 0, channels = 0;
    stbi_uc* data = stbi_load(path.c_str(), &w, &h, &channels, 4);
    if (!data) return path + ": " + (stbi_failure_reason() ? stbi_failure_reason() : "unreadable");
    image.width = w;
    image.height = h;
    image.rgba.assign(data, data + static_cast<std::size_t>(w) * h * 4);
    stbi_image_free(data);
    return {};
}

}  // namespace medius
