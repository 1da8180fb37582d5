#version 330 core
// Per-pixel lighting in view space, so the lights follow the camera the way
// a lamp over a dissection table would: a warm key light from the upper left,
// a cool fill from the right, a hemisphere ambient (sky above, floor below)
// and a rim term that lifts silhouettes off the background.
in vec3 vViewPosition;
in vec3 vViewNormal;

uniform vec3 uBaseColour;  // linear RGB
uniform float uOpacity;
uniform float uExposure;
uniform float uRimStrength;
uniform vec3 uSkyDirection;  // world up (+Y superior) in view space

out vec4 fragColour;

const vec3 kKeyDirection = normalize(vec3(-0.45, 0.6, 0.65));
const vec3 kKeyColour = vec3(1.00, 0.96, 0.90) * 0.85;
const vec3 kFillDirection = normalize(vec3(0.7, 0.1, 0.5));
const vec3 kFillColour = vec3(0.80, 0.88, 1.00) * 0.25;
const vec3 kSkyColour = vec3(0.42, 0.45, 0.50);
const vec3 kGroundColour = vec3(0.16, 0.14, 0.13);

vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
    vec3 n = normalize(vViewNormal);
    vec3 v = normalize(-vViewPosition);
    // Open meshes (user models, sections) show their back faces: light them as front faces.
    if (!gl_FrontFacing) n = -n;

    float hemi = 0.5 + 0.5 * dot(n, uSkyDirection);
    vec3 ambient = mix(kGroundColour, kSkyColour, hemi);

    float keyDiffuse = max(dot(n, kKeyDirection), 0.0);
    float fillDiffuse = max(dot(n, kFillDirection), 0.0);
    vec3 h = normalize(kKeyDirection + v);
    // Wet tissue has a soft, broad highlight rather than a sharp plastic one.
    float specular = pow(max(dot(n, h), 0.0), 24.0) * 0.18 * step(0.0, keyDiffuse);

    float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0) * uRimStrength;

    vec3 colour = uBaseColour * (ambient + kKeyColour * keyDiffuse + kFillColour * fillDiffuse);
    colour += vec3(specular) + vec3(0.55, 0.62, 0.75) * rim;
    colour *= uExposure;
    fragColour = vec4(linearToSrgb(colour), uOpacity);
}
