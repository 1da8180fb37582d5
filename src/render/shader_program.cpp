#include "render/shader_program.hpp"

#include <glm/gtc/type_ptr.hpp>
#include <stdexcept>

#include "render/shader_sources.hpp"

namespace medius::render {

const char* shaderText(std::string_view name) {
    for (const auto& s : embeddedShaders())
        if (name == s.name) return s.text;
    throw std::runtime_error("shader " + std::string(name) + " is not embedded in this build");
}

namespace {
GLuint compile(GLenum stage, const std::string& file, const std::string& defines) {
    // The defines go after the #version line, which must come first.
    const std::string_view text = shaderText(file);
    const std::size_t cut = text.find('\n') == std::string_view::npos ? text.size() : text.find('\n') + 1;
    const char* parts[] = {text.data(), defines.c_str(), text.data() + cut};
    const GLint lengths[] = {static_cast<GLint>(cut), static_cast<GLint>(defines.size()),
                             static_cast<GLint>(text.size() - cut)};
    GLuint shader = glCreateShader(stage);
    glShaderSource(shader, 3, parts, lengths);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[4096] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        glDeleteShader(shader);
        throw std::runtime_error("shaders/" + file + ": compile error: " + log);
    }
    return shader;
}
}  // namespace

ShaderProgram::ShaderProgram(const std::string& vertexFile, const std::string& fragmentFile,
                             const std::string& defines) {
    const GLuint vs = compile(GL_VERTEX_SHADER, vertexFile, defines);
    GLuint fs = 0;
    try {
        fs = compile(GL_FRAGMENT_SHADER, fragmentFile, defines);
    } catch (...) {
        glDeleteShader(vs);
        throw;
    }
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glLinkProgram(program_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[4096] = {};
        glGetProgramInfoLog(program_, sizeof log, nullptr, log);
        glDeleteProgram(program_);
        throw std::runtime_error("shaders/" + vertexFile + " + " + fragmentFile +
                                 ": link error: " + log);
    }
}

ShaderProgram::~ShaderProgram() {
    if (program_) glDeleteProgram(program_);
}

GLint ShaderProgram::location(const char* name) {
    auto it = locations_.find(name);
    if (it != locations_.end()) return it->second;
    const GLint loc = glGetUniformLocation(program_, name);
    locations_.emplace(name, loc);
    return loc;
}

void ShaderProgram::set(const char* name, float v) { glUniform1f(location(name), v); }
void ShaderProgram::set(const char* name, int v) { glUniform1i(location(name), v); }
void ShaderProgram::set(const char* name, const glm::vec3& v) {
    glUniform3fv(location(name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::vec4& v) {
    glUniform4fv(location(name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::vec2& v) {
    glUniform2fv(location(name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const std::vector<glm::vec4>& values) {
    if (values.empty()) return;
    glUniform4fv(location(name), static_cast<GLsizei>(values.size()), glm::value_ptr(values[0]));
}
void ShaderProgram::set(const char* name, const glm::mat4& m) {
    glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(m));
}

}  // namespace medius::render
