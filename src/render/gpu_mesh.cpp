#include "render/gpu_mesh.hpp"

namespace medius::render {

GpuMesh::GpuMesh() {
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &positionBuffer_);
    glGenBuffers(1, &normalBuffer_);
    glGenBuffers(1, &indexBuffer_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, positionBuffer_);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
    glEnableVertexAttribArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, normalBuffer_);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
    glEnableVertexAttribArray(1);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
    glBindVertexArray(0);
}

GpuMesh::~GpuMesh() {
    glDeleteBuffers(1, &positionBuffer_);
    glDeleteBuffers(1, &normalBuffer_);
    glDeleteBuffers(1, &indexBuffer_);
    glDeleteVertexArrays(1, &vao_);
}

void GpuMesh::update(const TriangleMesh& mesh, bool positionsChanged, bool normalsChanged) {
    const auto bytes = [](const auto& v) {
        return static_cast<GLsizeiptr>(v.size() * sizeof(v[0]));
    };
    glBindVertexArray(vao_);
    if (positionsChanged) {
        glBindBuffer(GL_ARRAY_BUFFER, positionBuffer_);
        glBufferData(GL_ARRAY_BUFFER, bytes(mesh.positions), mesh.positions.data(),
                     GL_STATIC_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, bytes(mesh.indices), mesh.indices.data(),
                     GL_STATIC_DRAW);
        indexCount_ = static_cast<GLsizei>(mesh.indices.size());
        ++positionUploads_;
    }
    if (normalsChanged) {
        glBindBuffer(GL_ARRAY_BUFFER, normalBuffer_);
        glBufferData(GL_ARRAY_BUFFER, bytes(mesh.normals), mesh.normals.data(), GL_STATIC_DRAW);
        ++normalUploads_;
    }
    glBindVertexArray(0);
    gpuBytes_ = bytes(mesh.positions) + bytes(mesh.normals) + bytes(mesh.indices);
}

void GpuMesh::draw() const {
    if (indexCount_ == 0) return;
    glBindVertexArray(vao_);
    glDrawElements(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
}

}  // namespace medius::render
