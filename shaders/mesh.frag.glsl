#version 330 core
// Per-pixel lighting in view space, so the lights follow the camera the way
// a lamp over a dissection table would: a warm key light from the upper left,
// a cool fill from the right, a hemisphere ambient (sky above, floor below)
// and a rim term that lifts silhouettes off the background.
// On the skin it also paints pain zones: soft-edged capsules in the pelvic
// frame, solid for local pain and hatched for referred pain.
in vec3 vViewPosition;
in vec3 vViewNormal;
in vec3 vWorldPosition;

uniform vec3 uBaseColour;  // linear RGB
uniform float uOpacity;
uniform float uExposure;
uniform float uRimStrength;
uniform float uEmissive;     // highlighted structures glow a little
uniform vec3 uSkyDirection;  // world up (+Y superior) in view space

const int kMaxZones = 48;
uniform int uPaintCanvas;    // 1 on the skin
uniform int uZoneCount;
uniform vec4 uZoneA[kMaxZones];  // xyz: segment start (mm), w: radius (mm)
uniform vec4 uZoneB[kMaxZones];  // xyz: segment end, w: intensity, negative when referred
uniform vec3 uLocalPainColour;
uniform vec3 uReferredPainColour;

uniform int uWeightedPass;  // 1: write the order-independent sums instead of a colour

#ifdef TISSUE_MATERIALS
// The still frame's variant: a surface response per tissue (render/tissue_material.hpp).
// Built separately so frames drawn while the camera moves pay nothing for it.
in vec3 vViewFibre;           // view space; zero where the mesh has no fibres
in vec2 vFascicle;            // the position across the fibre, in fascicle spacings
in vec2 vTendonGrain;         // the tendon fraction (0 belly .. 1 tendon), the grain's factor - 1
uniform mat4 uView;
uniform vec4 uSurface;        // specular strength, sharpness (0 broad, 1 glossy), wrap, fluid
uniform vec4 uDetail;         // grain, striation, fibre sheen, fascicle spacing (mm)
uniform vec4 uTendon;         // tendon colour (linear RGB), how much of it is shown (0 or 1)
#endif

out vec4 fragColour;
layout(location = 1) out vec4 fragLogClear;  // only read in the weighted pass

const vec3 kKeyDirection = normalize(vec3(-0.45, 0.6, 0.65));
const vec3 kKeyColour = vec3(1.00, 0.96, 0.90) * 0.85;
const vec3 kFillDirection = normalize(vec3(0.7, 0.1, 0.5));
const vec3 kFillColour = vec3(0.80, 0.88, 1.00) * 0.25;
const vec3 kSkyColour = vec3(0.42, 0.45, 0.50);
const vec3 kGroundColour = vec3(0.16, 0.14, 0.13);

// The sRGB curve without pow(): on a software renderer pow() is an exp and a log per
// channel per pixel. A fit by three nested square roots; over [0.0031308, 1] it is at most
// 0.0016 from the exact curve, under half of one 8-bit step.
vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    vec3 s1 = sqrt(c), s2 = sqrt(s1), s3 = sqrt(s2);
    vec3 curve = 0.585122381 * s1 + 0.783140355 * s2 - 0.368262736 * s3;
    return mix(c * 12.92, curve, step(0.0031308, c));
}

float pow24(float x) {
    float x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
    return x8 * x8 * x8;
}

float segmentDistance(vec3 p, vec3 a, vec3 b) {
    vec3 ab = b - a;
    float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
    return length(p - (a + ab * t));
}

#ifdef TISSUE_MATERIALS
// A smooth wave of period 1 in [-1, 1], close to a sine: a few operations where sin() is
// a long polynomial on a software renderer.
float wave(float x) {
    float t = abs(fract(x) - 0.5) * 2.0;
    return t * t * (3.0 - 2.0 * t) * 2.0 - 1.0;
}

// Fascicles: a pattern of the position across the fibre only (mesh.vert.glsl gives its
// coordinates in the plane normal to the fibre), so it is constant along the fibre and
// stripes any surface the fibres run over. In [-1, 1]; zero where the stripes would be finer
// than the pixels (the fade keeps them from shimmering when zoomed out).
float fascicles(vec2 across, float spacing) {
    float a = across.x, b = across.y;
    // Two waves at a slight beat: bundles of uneven width, as real fascicles are.
    float s = 0.6 * wave(a + 0.13 * wave(0.31 * b)) + 0.4 * wave(1.37 * b);
    float mmPerPixel = length(fwidth(vWorldPosition));
    // Full strength from about five pixels a stripe, none below two and a half.
    return s * clamp(spacing / max(mmPerPixel, 1e-4) * 0.57 - 1.0, 0.0, 1.0);
}
#endif

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
    float facing = 1.0 - max(dot(n, v), 0.0);
    float rim = facing * facing * facing * uRimStrength;
    vec3 base = uBaseColour;
    float alpha = uOpacity;
#ifdef TISSUE_MATERIALS
    float nh = max(dot(n, h), 0.0);
    float broad = pow24(nh);
    // Glossy tissue (tendon, the bursa's fluid) has a tighter, brighter highlight.
    float specular = uSurface.x * mix(broad, broad * broad * broad, uSurface.y) * step(0.0, keyDiffuse);
    // Wrapped diffuse: light reaches a little past the terminator, as in soft tissue.
    float wrap = uSurface.z;
    float keyWrapped = max((dot(n, kKeyDirection) + wrap) / (1.0 + wrap), 0.0);
    vec3 light = ambient + kKeyColour * keyWrapped + kFillColour * fillDiffuse;
    base *= 1.0 + vTendonGrain.y;
    // Where the mesh says the muscle has become tendon: pale, with the tendon's tight gloss.
    float tendon = clamp(vTendonGrain.x, 0.0, 1.0) * uTendon.w;
    base = mix(base, uTendon.rgb, tendon);
    specular = mix(specular, 0.40 * broad * broad * broad * step(0.0, keyDiffuse), tendon);
    float fibreLength = length(vViewFibre);
    if (fibreLength > 0.5) {
        float stripes = fascicles(vFascicle, uDetail.w);
        // Tendon is finely fibrillar: fainter stripes than the fleshy fascicles.
        base *= 1.0 + uDetail.y * mix(1.0, 0.35, tendon) * stripes;
        // Sheen along the fibres (Kajiya-Kay): a soft anisotropic band across them.
        vec3 t = vViewFibre / fibreLength;
        float th = dot(t, h);
        float sheen = sqrt(max(1.0 - th * th, 0.0));
        float s2 = sheen * sheen, s4 = s2 * s2, s8 = s4 * s4;
        specular += uDetail.z * s8 * s8 * (0.8 + 0.2 * stripes) * keyWrapped;
    }
    // A fluid sac: thin and clear where seen face on, denser toward its rim, with a wet glint.
    alpha *= mix(1.0, mix(0.55, 1.0, facing * facing), uSurface.w);
    rim += uSurface.w * facing * facing * 0.25;
#else
    // Wet tissue has a soft, broad highlight rather than a sharp plastic one.
    float specular = pow24(max(dot(n, h), 0.0)) * 0.18 * step(0.0, keyDiffuse);
    vec3 light = ambient + kKeyColour * keyDiffuse + kFillColour * fillDiffuse;
#endif
    if (uPaintCanvas == 1 && uZoneCount > 0) {
        float local = 0.0, referred = 0.0;
        for (int i = 0; i < uZoneCount; ++i) {
            float d = segmentDistance(vWorldPosition, uZoneA[i].xyz, uZoneB[i].xyz);
            float r = uZoneA[i].w;
            // Full strength in the inner 55% of the radius, fading to nothing at the edge.
            float w = abs(uZoneB[i].w) * (1.0 - smoothstep(0.55 * r, r, d));
            if (uZoneB[i].w < 0.0) referred = max(referred, w); else local = max(local, w);
        }
        // Referred pain is hatched: diagonal bands 9 mm apart fixed on the body.
        float band = step(0.5, fract(dot(vWorldPosition, vec3(0.577)) / 9.0));
        float referredShown = referred * mix(0.45, 1.0, band);
        float paint = max(local, referredShown);
        vec3 painColour = local >= referredShown ? uLocalPainColour : uReferredPainColour;
        base = mix(base, painColour, clamp(paint * 1.15, 0.0, 1.0));
        // Never fully opaque: a highlighted structure under the paint still shows.
        alpha = mix(alpha, 0.72, clamp(paint * 1.3, 0.0, 1.0));
    }

    vec3 colour = base * light + base * uEmissive;
    colour += vec3(specular) + vec3(0.55, 0.62, 0.75) * rim;
    colour *= uExposure;
    if (uWeightedPass == 1) {
        // Weighted blended transparency: nearer surfaces weigh more (McGuire and Bavoil's
        // depth weight, scaled to this scene's millimetres), so the average leans toward
        // what is in front without any sorting.
        float a = clamp(alpha, 0.0, 0.99);
        float z = abs(vViewPosition.z) / 1000.0;
        float w = a * clamp(0.03 / (1e-5 + pow(z / 4.0, 4.0)), 1e-2, 3e3);
        fragColour = vec4(linearToSrgb(colour) * a * w, a * w);
        fragLogClear = vec4(-log(1.0 - a), 0.0, 0.0, 0.0);
        return;
    }
    fragColour = vec4(linearToSrgb(colour), alpha);
    fragLogClear = vec4(0.0);
}
