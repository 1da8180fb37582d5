#pragma once
// Shader text embedded at build time from shaders/*.glsl (see cmake/EmbedShaders.cmake).
#include <string_view>
#include <vector>

namespace medius::render {

struct ShaderSource {
    const char* name;  // file name, e.g. "mesh.frag.glsl"
    const char* text;
};

const std::vector<ShaderSource>& embeddedShaders();
// Throws std::runtime_error naming the file when it is not embedded.
const char* shaderText(std::string_view name);

}  // namespace medius::render
