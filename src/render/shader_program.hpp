#pragma once
#include <glm/glm.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/gl.hpp"

namespace medius::render {

// A linked vertex + fragment program built from embedded shader files.
// Compile and link errors throw std::runtime_error with the file name and the
// driver's log: embedded shaders failing is a bug, not bad user input.
class ShaderProgram {
public:
    // `defines` ("#define NAME\n" lines) builds a variant of the same files, e.g. one
    // that pays for an effect only where it is drawn.
    ShaderProgram(const std::string& vertexFile, const std::string& fragmentFile,
                  const std::string& defines = "");
    ~ShaderProgram();
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;

    void use() const { glUseProgram(program_); }
    void set(const char* name, float v);
    void set(const char* name, int v);
    void set(const char* name, const glm::vec3& v);
    void set(const char* name, const glm::mat4& m);
    void set(const char* name, const glm::vec2& v);
    void set(const char* name, const glm::vec4& v);
    void set(const char* name, const std::vector<glm::vec4>& values);

private:
    GLint location(const char* name);
    GLuint program_ = 0;
    std::unordered_map<std::string, GLint> locations_;
};

}  // namespace medius::render
