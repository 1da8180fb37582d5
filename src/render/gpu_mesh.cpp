#include "render/gpu_mesh.hpp"

namespace medius::render {

namespace {
// Uploads a per-vertex stream that only some meshes carry (fibre directions, tendon fractions).
// It is present when it has one value per vertex; otherwise the buffer is emptied and the
// attribute turned off, so the shader reads the attribute's constant default. Returns the bytes
// uploaded: 0 when absent.
template <typename T>
std::size_t uploadOptionalStream(GLuint buffer, GLuint attribute, const std::vector<T>& values,
                                 std::size_t vertexCount) {
    const bool present = !values.empty() && values.size() == vertexCount;
    const std::size_t size = present ? values.size() * sizeof(T) : 0;
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(size), present ? values.data() : nullptr,
                 GL_STATIC_DRAW);
    if (present)
        glEnableVertexAttribArray(attribute);
    else
        glDisableVertexAttribArray(attribute);
    return size;
}
}  // namespace

GpuMesh::GpuMesh() {
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &positionBuffer_);
    glGenBuffers(1, &normalBuffer_);
    glGenBuffers(1, &fibreBuffer_);
    glGenBuffers(1, &tendonBuffer_);
    glGenBuffers(1, &indexBuffer_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, positionBuffer_);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
    glEnableVertexAttribArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, normalBuffer_);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
    glEnableVertexAttribArray(1);
    // Attribute 2, the fibre direction, is enabled only for meshes that have one; the
    // others read the current value of attribute 2, which SceneRenderer keeps at zero.
    glBindBuffer(GL_ARRAY_BUFFER, fibreBuffer_);
    glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
    // Attribute 3, the tendon fraction, likewise: the others read SceneRenderer's zero.
    glBindBuffer(GL_ARRAY_BUFFER, tendonBuffer_);
    glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, sizeof(float), nullptr);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
    glBindVertexArray(0);
}

GpuMesh::~GpuMesh() {
    glDeleteBuffers(1, &positionBuffer_);
    glDeleteBuffers(1, &normalBuffer_);
    glDeleteBuffers(1, &fibreBuffer_);
    glDeleteBuffers(1, &tendonBuffer_);
    glDeleteBuffers(1, &indexBuffer_);
    if (coarseIndexBuffer_) glDeleteBuffers(1, &coarseIndexBuffer_);
    glDeleteVertexArrays(1, &vao_);
}

void GpuMesh::update(const TriangleMesh& mesh, bool positionsChanged, bool normalsChanged,
                     bool fibresChanged, bool tendonFractionsChanged) {
    const auto bytes = [](const auto& v) {
        return static_cast<GLsizeiptr>(v.size() * sizeof(v[0]));
    };
    glBindVertexArray(vao_);
    if (positionsChanged) {
        glBindBuffer(GL_ARRAY_BUFFER, positionBuffer_);
        glBufferData(GL_ARRAY_BUFFER, bytes(mesh.positions), mesh.positions.data(), GL_STATIC_DRAW);
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
    if (fibresChanged) {
        fibreBytes_ = uploadOptionalStream(fibreBuffer_, 2, mesh.fibres, mesh.positions.size());
        hasFibres_ = fibreBytes_ > 0;
        ++fibreUploads_;
    }
    if (tendonFractionsChanged) {
        tendonBytes_ =
            uploadOptionalStream(tendonBuffer_, 3, mesh.tendonFractions, mesh.positions.size());
        hasTendon_ = tendonBytes_ > 0;
        ++tendonUploads_;
    }
    glBindVertexArray(0);
    gpuBytes_ = bytes(mesh.positions) + bytes(mesh.normals) + fibreBytes_ + tendonBytes_ +
                bytes(mesh.indices);
}

void GpuMesh::setCoarseIndices(const std::vector<std::uint32_t>& indices) {
    coarseCount_ = static_cast<GLsizei>(indices.size());
    coarseBytes_ = indices.size() * sizeof(std::uint32_t);
    if (indices.empty()) return;
    if (!coarseIndexBuffer_) glGenBuffers(1, &coarseIndexBuffer_);
    glBindVertexArray(0);  // the element buffer binding belongs to the VAO: keep ours out of it
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, coarseIndexBuffer_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(coarseBytes_), indices.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
}

void GpuMesh::draw(bool coarse) const {
    if (indexCount_ == 0) return;
    glBindVertexArray(vao_);
    if (coarse && coarseCount_ > 0) {
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, coarseIndexBuffer_);
        glDrawElements(GL_TRIANGLES, coarseCount_, GL_UNSIGNED_INT, nullptr);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);  // the VAO keeps the full list
    } else {
        glDrawElements(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr);
    }
    glBindVertexArray(0);
}

}  // namespace medius::render
