#version 330 core
// Structures are stored in the pelvic frame already, so there is no model matrix.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
#ifdef TISSUE_MATERIALS
layout(location = 2) in vec3 aFibre;  // zero on meshes without fibre directions
out vec3 vFibre;
layout(location = 3) in float aTendon;  // 0 belly .. 1 tendon; zero on meshes without it
out float vTendon;
#endif

uniform mat4 uViewProjection;
uniform mat4 uView;
uniform vec4 uClipPlane;  // kept where dot(plane, (p, 1)) >= 0; all of it when the section is off

#ifndef TISSUE_MATERIALS
out vec3 vViewPosition;
#endif
out vec3 vViewNormal;
out vec3 vWorldPosition;

void main() {
#ifndef TISSUE_MATERIALS
    vViewPosition = (uView * vec4(aPosition, 1.0)).xyz;
#endif
    // uView is a rigid transform, so its upper 3x3 also transforms normals.
    vViewNormal = mat3(uView) * aNormal;
    vWorldPosition = aPosition;
#ifdef TISSUE_MATERIALS
    vFibre = aFibre;
    vTendon = aTendon;
#endif
    gl_ClipDistance[0] = dot(uClipPlane, vec4(aPosition, 1.0));
    gl_Position = uViewProjection * vec4(aPosition, 1.0);
}
