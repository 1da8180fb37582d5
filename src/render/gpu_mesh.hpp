#pragma once
// A TriangleMesh on the GPU. Each vertex stream has its own buffer and its
// own dirty bit, so changing one stream never re-uploads the others.
#include <cstdint>
#include <vector>

#include "core/mesh.hpp"
#include "render/gl.hpp"

namespace medius::render {

class GpuMesh {
  public:
    GpuMesh();
    ~GpuMesh();
    GpuMesh(const GpuMesh&) = delete;
    GpuMesh& operator=(const GpuMesh&) = delete;

    // Uploads the streams flagged as changed. Fibre directions (muscles only) feed the
    // striation; a mesh without them reads a zero direction, which the shader leaves plain.
    // Tendon fractions (muscles with a tendon part) make the tendon end pale; a mesh without
    // them reads zero: all belly.
    void update(const TriangleMesh& mesh, bool positionsChanged, bool normalsChanged,
                bool fibresChanged, bool tendonFractionsChanged);
    // A second triangle list over the same vertices, drawn while the camera moves
    // (core/mesh_simplify.hpp). Empty: the full list is drawn then too.
    void setCoarseIndices(const std::vector<std::uint32_t>& indices);
    void draw(bool coarse = false) const;
    std::size_t drawnTriangles(bool coarse) const {
        return static_cast<std::size_t>(coarse && coarseCount_ ? coarseCount_ : indexCount_) / 3;
    }
    std::size_t gpuBytes() const { return gpuBytes_ + coarseBytes_; }
    // How many times each stream was uploaded; tests check dirty-bit behaviour.
    int positionUploads() const { return positionUploads_; }
    int normalUploads() const { return normalUploads_; }
    int fibreUploads() const { return fibreUploads_; }
    int tendonUploads() const { return tendonUploads_; }
    bool hasFibres() const { return hasFibres_; }
    bool hasTendonFractions() const { return hasTendon_; }

  private:
    GLuint vao_ = 0, positionBuffer_ = 0, normalBuffer_ = 0, fibreBuffer_ = 0, tendonBuffer_ = 0,
           indexBuffer_ = 0;
    GLuint coarseIndexBuffer_ = 0;
    GLsizei indexCount_ = 0, coarseCount_ = 0;
    std::size_t gpuBytes_ = 0, coarseBytes_ = 0;
    std::size_t fibreBytes_ = 0, tendonBytes_ = 0;
    int positionUploads_ = 0, normalUploads_ = 0, fibreUploads_ = 0, tendonUploads_ = 0;
    bool hasFibres_ = false, hasTendon_ = false;
};

}  // namespace medius::render
