#version 330 core
// One triangle that covers the screen, made from gl_VertexID: no buffers needed.
out float vHeight;

void main() {
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    vHeight = corner.y;  // 0 at the bottom edge, 1 at the top (2 off-screen)
    gl_Position = vec4(corner * 2.0 - 1.0, 1.0, 1.0);
}
