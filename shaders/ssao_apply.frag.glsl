#version 330 core
// Lays the half-resolution occlusion over the opaque picture: one bilinear tap on the corner
// between four half-resolution pixels averages one block of the estimate's four sample turns
// (and upsamples). Drawn with the blend (ZERO, SRC_COLOR), i.e. a multiply, into every sample
// of a multisampled target.
uniform sampler2D uOcclusion;  // half resolution, linear filtering
uniform vec2 uHalfTexel;       // 1 / the occlusion texture's size
uniform vec2 uFullSize;
uniform float uStrength;       // 0: none, 1: the estimate as it is

out vec4 fragColour;

void main() {
    // The half-resolution corner nearest this pixel.
    vec2 corner = floor(gl_FragCoord.xy * 0.5 + 0.5);
    float ao = texture(uOcclusion, corner * uHalfTexel).r;
    // Unoccluded (the background, open surfaces: most of the picture): the multiply would
    // leave the pixel as it is, so skip its blend into every sample.
    if (ao >= 1.0) discard;
    // The picture is sRGB-encoded: a gentle factor here is a stronger one in light.
    float k = mix(1.0, ao, uStrength);
    fragColour = vec4(k, k, k, 1.0);
}
