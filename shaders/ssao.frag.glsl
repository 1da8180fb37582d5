#version 330 core
// Screen-space ambient occlusion at half resolution, from the opaque pass's depth only (so
// translucent structures neither cast nor receive it). The estimator of McGuire et al.'s
// Alchemy / scalable AO: points of the depth buffer within a world radius that rise above
// the surface's tangent plane occlude it, weighted by how close they are. Samples lie on a
// spiral turned four ways in each 2x2 block of pixels; the apply pass's one bilinear tap
// averages each block, so the four turns count as one spiral of four times the samples.
uniform sampler2D uDepth;   // full-resolution depth, [0, 1]
uniform vec4 uProjection;   // P[0][0], P[1][1], P[2][2], P[3][2] of the perspective projection
uniform vec2 uFullSize;     // full-resolution size in pixels
uniform vec4 uArea;         // the first and last pixel of the copied depth (x0, y0, x1, y1)
uniform float uRadius;      // world radius (mm)
uniform float uIntensity;

out vec4 fragColour;

const int kSamples = 6;
const float kTurns = 3.0;
// The rotation from one sample's direction to the next's.
const float kStepAngle = kTurns * 6.2831853 / float(kSamples);
const mat2 kStep = mat2(cos(kStepAngle), sin(kStepAngle), -sin(kStepAngle), cos(kStepAngle));

// The nearest pixel of the copied area: outside it there is only background.
ivec2 inArea(vec2 pixel) {
    return clamp(ivec2(pixel), ivec2(uArea.xy), ivec2(uArea.zw));
}

vec3 viewPosition(vec2 pixel) {
    ivec2 p = inArea(pixel);
    float depth = texelFetch(uDepth, p, 0).r;
    float zNdc = depth * 2.0 - 1.0;
    float z = -uProjection.w / (zNdc + uProjection.z);  // negative in front of the camera
    vec2 ndc = (vec2(p) + 0.5) / uFullSize * 2.0 - 1.0;
    return vec3(ndc * -z / uProjection.xy, z);
}

void main() {
    vec2 full = floor(gl_FragCoord.xy) * 2.0 + 0.5;
    float depth = texelFetch(uDepth, inArea(full), 0).r;
    if (depth >= 1.0) {
        fragColour = vec4(1.0);
        return;
    }
    vec3 p = viewPosition(full);
    // The tangent plane from the depth itself (the opaque surfaces, whatever shader drew
    // them), each way from the side that continues the surface: at a silhouette the other
    // side is a different surface or the background, and would tilt the plane.
    vec3 east = viewPosition(full + vec2(2.0, 0.0)) - p, west = p - viewPosition(full - vec2(2.0, 0.0));
    vec3 north = viewPosition(full + vec2(0.0, 2.0)) - p, south = p - viewPosition(full - vec2(0.0, 2.0));
    vec3 dx = abs(east.z) < abs(west.z) ? east : west;
    vec3 dy = abs(north.z) < abs(south.z) ? north : south;
    vec3 n = normalize(cross(dx, dy));
    // The world radius in full-resolution pixels at this depth.
    float radiusPixels = uRadius * uProjection.y * 0.5 * uFullSize.y / -p.z;
    if (radiusPixels < 2.0) {
        fragColour = vec4(1.0);
        return;
    }
    radiusPixels = min(radiusPixels, 0.12 * uFullSize.y);  // bounds the texture cache misses
    ivec2 block = ivec2(gl_FragCoord.xy) & 1;
    float spin = 6.2831853 / float(kSamples) * (0.25 * float(block.x * 2 + block.y) + 0.125);
    float r2 = uRadius * uRadius;
    float sum = 0.0;
    // The spiral's direction turns by the same angle from sample to sample: one rotation per
    // sample instead of a cos() and a sin() (long polynomials on a software renderer).
    float first = 0.5 / float(kSamples) * kTurns * 6.2831853 + spin;
    vec2 direction = vec2(cos(first), sin(first));
    for (int i = 0; i < kSamples; ++i) {
        float t = (float(i) + 0.5) / float(kSamples);
        vec3 q = viewPosition(full + direction * t * radiusPixels);
        direction = kStep * direction;
        vec3 d = q - p;
        float dd = dot(d, d);
        float f = max(r2 - dd, 0.0);
        sum += f * f * f * max((dot(d, n) - 0.002 * -p.z) / (dd + 0.01 * r2), 0.0);
    }
    // Times the radius: (d.n)/(d.d) is per millimetre, so the estimate does not depend on the scale.
    float ao = max(0.0, 1.0 - sum * uIntensity * uRadius / (r2 * r2 * r2) * (5.0 / float(kSamples)));
    fragColour = vec4(ao, ao, ao, 1.0);
}
