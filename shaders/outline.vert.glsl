#version 330 core
// Pushes each vertex outward along its normal by a fixed number of pixels in
// screen space, so the outline is equally thick near and far.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uViewProjection;
uniform vec2 uViewport;  // pixels
uniform float uWidthPixels;
uniform vec4 uClipPlane;  // the section plane, so outlines follow the cut

void main() {
    vec4 clip = uViewProjection * vec4(aPosition, 1.0);
    vec4 clipAlongNormal = uViewProjection * vec4(aPosition + aNormal, 1.0);
    vec2 screenDir = clipAlongNormal.xy / clipAlongNormal.w - clip.xy / clip.w;
    float len = length(screenDir);
    if (len > 1e-6) clip.xy += (screenDir / len) * uWidthPixels * 2.0 / uViewport * clip.w;
    gl_ClipDistance[0] = dot(uClipPlane, vec4(aPosition, 1.0));
    gl_Position = clip;
}
