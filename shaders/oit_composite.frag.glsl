#version 330 core
// Weighted blended order-independent transparency (McGuire and Bavoil 2013), the resolve:
// the weighted average colour of every translucent surface over a pixel, laid over what
// is behind them by the product of their transparencies. The sums come from the
// translucent pass: uAccum holds sum(colour * alpha * w) and sum(alpha * w); uLogClear
// holds sum(-log(1 - alpha)), so exp(-that) is the product of (1 - alpha), which only needs
// additive blending (OpenGL 3.3 has no per-target blend functions).
// Multisampled sums are averaged over the pixel's samples.
uniform sampler2D uAccum;
uniform sampler2D uLogClear;
uniform sampler2DMS uAccumMs;
uniform sampler2DMS uLogClearMs;
uniform int uSamples;  // 1: the plain textures; more: the multisampled ones

out vec4 fragColour;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec4 accum = vec4(0.0);
    float logClear = 0.0;
    if (uSamples <= 1) {
        accum = texelFetch(uAccum, p, 0);
        logClear = texelFetch(uLogClear, p, 0).r;
    } else {
        for (int s = 0; s < uSamples; ++s) {
            accum += texelFetch(uAccumMs, p, s);
            logClear += texelFetch(uLogClearMs, p, s).r;
        }
        accum /= float(uSamples);
        logClear /= float(uSamples);
    }
    float clearance = exp(-logClear);  // how much of what is behind still shows
    if (clearance >= 0.999) discard;
    vec3 average = accum.rgb / clamp(accum.a, 1e-5, 5e4);
    // Blended with (ONE_MINUS_SRC_ALPHA, SRC_ALPHA): average * (1 - clearance) + behind * clearance.
    fragColour = vec4(average, clearance);
}
