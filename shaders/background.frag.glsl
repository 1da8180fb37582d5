#version 330 core
// A subtle vertical gradient: darker at the bottom, so the model reads as
// standing in a room rather than floating on a flat card.
in float vHeight;

uniform vec3 uTopColour;     // sRGB
uniform vec3 uBottomColour;  // sRGB

out vec4 fragColour;

void main() {
    float t = clamp(vHeight, 0.0, 1.0);
    // Smooth the ramp so no band is visible at 8 bits.
    t = t * t * (3.0 - 2.0 * t);
    fragColour = vec4(mix(uBottomColour, uTopColour, t), 1.0);
}
