#version 330 core
// Structures are stored in the pelvic frame already, so there is no model matrix.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
#ifdef TISSUE_MATERIALS
// The material variant works out per vertex what varies slowly over the surface: the
// default frame has about two triangles per covered pixel, and a software renderer shades
// at least a 4x4 block of pixels for each, so per-pixel work costs far more than per-vertex.
layout(location = 2) in vec3 aFibre;  // zero on meshes without fibre directions
layout(location = 3) in float aTendon;  // 0 belly .. 1 tendon; zero on meshes without it
uniform vec4 uDetail;  // grain, striation, fibre sheen, fascicle spacing (mm)
uniform vec3 uOrigin;  // the structure's centre: keeps pattern phases small
out vec3 vViewFibre;   // the unit fibre in view space; zero where the mesh has none
out vec2 vFascicle;    // the position across the fibre, in fascicle spacings
out vec2 vTendonGrain; // the tendon fraction, and the grain's factor on the colour minus one

// A smooth wave of period 1 in [-1, 1], close to a sine (as in mesh.frag.glsl).
float wave(float x) {
    float t = abs(fract(x) - 0.5) * 2.0;
    return t * t * (3.0 - 2.0 * t) * 2.0 - 1.0;
}

// Faint grain: a product of waves along unrelated directions, some 12 mm long, so smooth
// over a triangle of a millimetre or two. Reads as the surface of dry bone, never as dirt.
float grain(vec3 p) {
    return wave(dot(p, vec3(0.084, 0.065, -0.049))) * wave(dot(p, vec3(-0.041, 0.099, 0.075))) *
           wave(dot(p, vec3(0.062, -0.053, 0.097)));
}
#endif

uniform mat4 uViewProjection;
uniform mat4 uView;
uniform vec4 uClipPlane;  // kept where dot(plane, (p, 1)) >= 0; all of it when the section is off

out vec3 vViewPosition;
out vec3 vViewNormal;
out vec3 vWorldPosition;

void main() {
    vViewPosition = (uView * vec4(aPosition, 1.0)).xyz;
    // uView is a rigid transform, so its upper 3x3 also transforms normals.
    vViewNormal = mat3(uView) * aNormal;
    vWorldPosition = aPosition;
#ifdef TISSUE_MATERIALS
    vec3 p = aPosition - uOrigin;
    float fibreLength = length(aFibre);
    vViewFibre = vec3(0.0);
    vFascicle = vec2(0.0);
    if (fibreLength > 0.5) {
        vec3 fibre = aFibre / fibreLength;
        vViewFibre = mat3(uView) * fibre;
        // Coordinates in the plane normal to the fibre: constant along it, so the stripes
        // they make run along the fibres over any surface.
        vec3 u = normalize(cross(fibre, vec3(0.36, 0.48, 0.80)));
        vFascicle = vec2(dot(p, u), dot(p, cross(fibre, u))) / uDetail.w;
    }
    vTendonGrain = vec2(aTendon, uDetail.x * grain(p));
#endif
    gl_ClipDistance[0] = dot(uClipPlane, vec4(aPosition, 1.0));
    gl_Position = uViewProjection * vec4(aPosition, 1.0);
}
