/**
 * The look's full-screen shaders. Both work on the display-referred picture (tone-mapped, sRGB-encoded,
 * premultiplied alpha: the pixels the canvas would have held), so a grade is applied after tone mapping and a
 * transparent background stays transparent.
 */

const VERTEX = /* glsl */ `
out vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`;

/**
 * Applies N8AO's half-resolution occlusion to the scene (the video tier's cheap composite, instead of N8AO's own
 * compositor): each pixel blends the four half-resolution AO texels around it, bilinearly, each weighted down by
 * how far its depth lies from this pixel's (so a product's occlusion does not bleed onto the backdrop behind its
 * silhouette). N8AO's compositor rebuilds a normal and nine world positions per full-resolution pixel to do the
 * same, which cost more than the scene itself on llvmpipe (measured in bench/video-frames: see LOOK_TIERS).
 * With N8AO's colour black and multiplied, its result is the scene times ao^intensity; so is this one.
 */
export const AO_APPLY_SHADER = {
  vertexShader: VERTEX,
  fragmentShader: /* glsl */ `
out highp vec4 outColour;
uniform sampler2D tColor;
uniform highp sampler2D tDepth;
uniform highp sampler2D tAo;
uniform highp sampler2D tAoDepth;
uniform float aoIntensity;
uniform float cameraNear;
uniform float cameraFar;
in vec2 vUv;

float viewZ(float depth) {
  return (cameraNear * cameraFar) / (cameraFar - depth * (cameraFar - cameraNear));
}

void main() {
  vec4 colour = texture(tColor, vUv);
  float depth = texture(tDepth, vUv).x;
  // The background (nothing drawn) has no occlusion, as in N8AO.
  if (depth >= 1.0) {
    outColour = colour;
    return;
  }
  float z = viewZ(depth);
  ivec2 size = textureSize(tAo, 0);
  vec2 p = vUv * vec2(size) - 0.5;
  ivec2 base = ivec2(floor(p));
  vec2 f = p - floor(p);
  float sum = 0.0;
  float weights = 0.0;
  for (int i = 0; i < 4; i++) {
    ivec2 o = ivec2(i & 1, i >> 1);
    ivec2 q = clamp(base + o, ivec2(0), size - 1);
    vec2 b = mix(1.0 - f, f, vec2(o));
    float relative = abs(viewZ(texelFetch(tAoDepth, q, 0).x) - z) / z;
    float w = b.x * b.y * exp(-relative * 60.0) + 1e-6;
    sum += texelFetch(tAo, q, 0).x * w;
    weights += w;
  }
  float ao = clamp(sum / weights, 0.0, 1.0);
  outColour = vec4(colour.rgb * pow(ao, aoIntensity), colour.a);
}
`,
};

/**
 * Depth of field as one gather pass (the thin-lens circle of confusion of lib/scene/blocks/look.ts): each pixel averages taps on a golden-angle spiral as wide as its own circle
 * of confusion, and a tap counts only if its own blur reaches this pixel, so the sharp product never smears onto
 * the blurred background. One pass, no half-resolution buffers: cheap enough for llvmpipe.
 */
export const DOF_SHADER = {
  vertexShader: VERTEX,
  fragmentShader: /* glsl */ `
out highp vec4 outColour;
uniform sampler2D tColor;
uniform sampler2D tDepth;
uniform float cameraNear;
uniform float cameraFar;
uniform float focus;
uniform float focusRange;
uniform float blurPx;
uniform float maxRadius;
uniform vec2 texel;
in vec2 vUv;

float radiusAt(vec2 uv) {
  float depth = texture(tDepth, uv).x;
  float z = (cameraNear * cameraFar) / ((cameraFar - cameraNear) * depth - cameraFar);
  z = max(-z, 1e-3);
  return min(maxRadius, 0.5 * blurPx * max(0.0, abs(z - focus) - focusRange) / z);
}

void main() {
  vec4 centre = texture(tColor, vUv);
  float radius = radiusAt(vUv);
  if (radius < 0.5) {
    outColour = centre;
    return;
  }
  vec4 sum = centre;
  float weights = 1.0;
  for (int i = 0; i < TAPS; i++) {
    float fi = float(i) + 0.5;
    float reach = sqrt(fi / float(TAPS)) * radius;
    float angle = fi * 2.39996323;
    vec2 uv = vUv + vec2(cos(angle), sin(angle)) * reach * texel;
    float weight = smoothstep(reach - 1.0, reach + 1.0, radiusAt(uv));
    sum += texture(tColor, uv) * weight;
    weights += weight;
  }
  outColour = sum / weights;
}
`,
};

/**
 * Grade (curves), vignette and grain, and for a scene drawn without multisampling (a Final still, a video frame),
 * edge antialiasing.
 * Coordinates are the FULL frame's (a tile of a very large render gets the
 * same vignette and grain as that part of a one-piece render). The grain is an integer hash of the pixel and the
 * scene's seed (and a video frame's index): the same scene gives the same pixels on every render.
 */
export const FINISH_SHADER = {
  vertexShader: VERTEX,
  fragmentShader: /* glsl */ `
out highp vec4 outColour;
uniform sampler2D tColor;
uniform bool graded;
uniform vec3 lift;
uniform vec3 gamma;
uniform vec3 gain;
uniform float contrast;
uniform float saturation;
uniform float vignette;
uniform float grain;
uniform uint seed;
uniform vec2 fullSize;
uniform vec2 tileOrigin;
uniform vec2 tileSize;
uniform bool antialias;
uniform vec2 texel;
in vec2 vUv;

float lumaOf(vec4 c) {
  return dot(c.rgb, vec3(0.299, 0.587, 0.114));
}

// FXAA 3.11 "console" (Lottes): four bilinear taps at the pixel's corners find the edge's direction, two or four
// taps along it blend across the step. About 7 taps on an edge, 5 elsewhere (flat pixels return early): a
// fraction of the full-quality FXAA's cost, and enough to turn a silhouette's stair-steps into a ramp.
vec4 edgeAntialiased(vec2 uv) {
  vec4 centre = texture(tColor, uv);
  float lumaNw = lumaOf(texture(tColor, uv + vec2(-0.5, 0.5) * texel));
  float lumaNe = lumaOf(texture(tColor, uv + vec2(0.5, 0.5) * texel));
  float lumaSw = lumaOf(texture(tColor, uv + vec2(-0.5, -0.5) * texel));
  float lumaSe = lumaOf(texture(tColor, uv + vec2(0.5, -0.5) * texel));
  float lumaM = lumaOf(centre);
  float lumaMax = max(max(lumaNw, lumaNe), max(lumaSw, lumaSe));
  float lumaMin = min(min(lumaNw, lumaNe), min(lumaSw, lumaSe));
  lumaMax = max(lumaMax, lumaM);
  lumaMin = min(lumaMin, lumaM);
  if (lumaMax - lumaMin < max(0.05, lumaMax * 0.125)) return centre;
  float swMinusNe = lumaSw - lumaNe;
  float seMinusNw = lumaSe - lumaNw;
  vec2 dir = normalize(vec2(swMinusNe + seMinusNw, swMinusNe - seMinusNw) + 1e-6);
  vec4 n1 = texture(tColor, uv - dir * 0.5 * texel);
  vec4 p1 = texture(tColor, uv + dir * 0.5 * texel);
  vec2 dir2 = clamp(dir / (min(abs(dir.x), abs(dir.y)) * 8.0), -2.0, 2.0);
  vec4 n2 = texture(tColor, uv - dir2 * 2.0 * texel);
  vec4 p2 = texture(tColor, uv + dir2 * 2.0 * texel);
  vec4 a = (n1 + p1) * 0.5;
  vec4 b = (n2 + p2) * 0.25 + a * 0.5;
  float lumaB = lumaOf(b);
  return lumaB < lumaMin || lumaB > lumaMax ? a : b;
}

// Bilinear luma from four unfiltered fetches. The edge walk's loop samples between texels, and on llvmpipe a
// filtered texture() inside a loop costs many times the same fetch in straight-line code (a Final 1080x1080 draw:
// 382-386 -> 320-348 ms of CPU with this). Exact bilinear weights, where the sampler's are 8-bit: a walk may end
// one step apart from before on a few edge pixels (0.1% of channels changed on the sample scenes).
float lumaAt(vec2 uv) {
  ivec2 size = textureSize(tColor, 0);
  vec2 p = uv * vec2(size) - 0.5;
  vec2 f = fract(p);
  ivec2 i = ivec2(floor(p));
  ivec2 hi = size - 1;
  float a = lumaOf(texelFetch(tColor, clamp(i, ivec2(0), hi), 0));
  float b = lumaOf(texelFetch(tColor, clamp(i + ivec2(1, 0), ivec2(0), hi), 0));
  float c = lumaOf(texelFetch(tColor, clamp(i + ivec2(0, 1), ivec2(0), hi), 0));
  float d = lumaOf(texelFetch(tColor, clamp(i + ivec2(1, 1), ivec2(0), hi), 0));
  return mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
}

// The pixel's own and its eight neighbours' values: unfiltered fetches of whole texels (the same values a bilinear
// fetch at the texel's centre returns), a little cheaper on llvmpipe (a Final 1080x1080 still's draw 2-3% less CPU).
vec4 texelAt(ivec2 offset) {
  ivec2 size = textureSize(tColor, 0);
  return texelFetch(tColor, clamp(ivec2(gl_FragCoord.xy) + offset, ivec2(0), size - 1), 0);
}

float lumaNear(ivec2 offset) {
  return lumaOf(texelAt(offset));
}

// A compile-time variant (EDGE_SEARCH, set by look-pipeline.ts for Final stills), not a uniform branch: llvmpipe
// ran the walk's loop on video frames too with a uniform switch (a 1080x1080 turntable frame 174 -> 225 ms).
// FXAA 3.11 "quality" (Lottes), for Final stills: like the console version it finds the edge's direction from the
// neighbours, but then walks along the edge (up to 12 bilinear taps each way) to find where the step ends, and
// moves the sample by the pixel's distance to that end: a long, nearly horizontal edge (a can's rim, a podium's
// top edge) becomes a smooth ramp instead of the short stair-steps the console version leaves there. Flat pixels
// return after five taps; only edge pixels walk. The subpixel blend (which also softens texture detail, a label's
// print) is kept small: 0.25 of FXAA's default 0.75. The walk reaches at most 26.5 px from the pixel, inside the
// 32 px that tiles of a very large render overlap (worker/tiles.ts TILE_OVERLAP): a tiled picture has no seams.
#ifdef EDGE_SEARCH
const float SEARCH_STEPS[11] = float[](1.0, 1.0, 1.0, 1.0, 1.5, 2.0, 2.0, 2.0, 2.0, 4.0, 8.0);
const float SUBPIX_QUALITY = 0.25;
vec4 edgeSearched(vec2 uv) {
  vec4 centre = texelAt(ivec2(0));
  float lumaM = lumaOf(centre);
  float lumaS = lumaNear(ivec2(0, 1));
  float lumaE = lumaNear(ivec2(1, 0));
  float lumaN = lumaNear(ivec2(0, -1));
  float lumaW = lumaNear(ivec2(-1, 0));
  float rangeMax = max(max(max(lumaN, lumaW), max(lumaE, lumaS)), lumaM);
  float rangeMin = min(min(min(lumaN, lumaW), min(lumaE, lumaS)), lumaM);
  float range = rangeMax - rangeMin;
  if (range < max(0.0312, rangeMax * 0.125)) return centre;
  float lumaNW = lumaNear(ivec2(-1, -1));
  float lumaSE = lumaNear(ivec2(1, 1));
  float lumaNE = lumaNear(ivec2(1, -1));
  float lumaSW = lumaNear(ivec2(-1, 1));
  float lumaNS = lumaN + lumaS;
  float lumaWE = lumaW + lumaE;
  float lumaNESE = lumaNE + lumaSE;
  float lumaNWNE = lumaNW + lumaNE;
  float lumaNWSW = lumaNW + lumaSW;
  float lumaSWSE = lumaSW + lumaSE;
  float edgeHorz = abs(-2.0 * lumaW + lumaNWSW) + abs(-2.0 * lumaM + lumaNS) * 2.0 + abs(-2.0 * lumaE + lumaNESE);
  float edgeVert = abs(-2.0 * lumaS + lumaSWSE) + abs(-2.0 * lumaM + lumaWE) * 2.0 + abs(-2.0 * lumaN + lumaNWNE);
  bool horzSpan = edgeHorz >= edgeVert;
  float lengthSign = horzSpan ? texel.y : texel.x;
  if (!horzSpan) {
    lumaN = lumaW;
    lumaS = lumaE;
  }
  float gradientN = lumaN - lumaM;
  float gradientS = lumaS - lumaM;
  bool pairN = abs(gradientN) >= abs(gradientS);
  float gradient = max(abs(gradientN), abs(gradientS));
  if (pairN) lengthSign = -lengthSign;
  float subpixC = clamp(abs(((lumaNS + lumaWE) * 2.0 + lumaNWSW + lumaNESE) / 12.0 - lumaM) / range, 0.0, 1.0);
  vec2 posB = uv;
  vec2 offNP = horzSpan ? vec2(texel.x, 0.0) : vec2(0.0, texel.y);
  if (horzSpan) posB.y += lengthSign * 0.5;
  else posB.x += lengthSign * 0.5;
  float lumaNN = (pairN ? lumaN : lumaS) + lumaM;
  float gradientScaled = gradient * 0.25;
  bool lumaMLTZero = lumaM - lumaNN * 0.5 < 0.0;
  vec2 posN = posB - offNP;
  vec2 posP = posB + offNP;
  float lumaEndN = lumaAt(posN) - lumaNN * 0.5;
  float lumaEndP = lumaAt(posP) - lumaNN * 0.5;
  bool doneN = abs(lumaEndN) >= gradientScaled;
  bool doneP = abs(lumaEndP) >= gradientScaled;
  for (int i = 0; i < 11 && !(doneN && doneP); i++) {
    if (!doneN) {
      posN -= offNP * SEARCH_STEPS[i];
      lumaEndN = lumaAt(posN) - lumaNN * 0.5;
      doneN = abs(lumaEndN) >= gradientScaled;
    }
    if (!doneP) {
      posP += offNP * SEARCH_STEPS[i];
      lumaEndP = lumaAt(posP) - lumaNN * 0.5;
      doneP = abs(lumaEndP) >= gradientScaled;
    }
  }
  float dstN = horzSpan ? uv.x - posN.x : uv.y - posN.y;
  float dstP = horzSpan ? posP.x - uv.x : posP.y - uv.y;
  bool directionN = dstN < dstP;
  bool goodSpan = directionN ? (lumaEndN < 0.0) != lumaMLTZero : (lumaEndP < 0.0) != lumaMLTZero;
  float pixelOffset = goodSpan ? 0.5 - min(dstN, dstP) / (dstN + dstP) : 0.0;
  float subpixF = (-2.0 * subpixC + 3.0) * subpixC * subpixC;
  float offset = max(pixelOffset, subpixF * subpixF * SUBPIX_QUALITY);
  vec2 posM = uv;
  if (horzSpan) posM.y += offset * lengthSign;
  else posM.x += offset * lengthSign;
  return texture(tColor, posM);
}
#endif

uint hash(uint x) {
  x ^= x >> 16; x *= 0x7feb352du;
  x ^= x >> 15; x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

float uniformNoise(uvec2 pixel, uint salt) {
  return float(hash(pixel.x ^ hash(pixel.y ^ hash(seed ^ salt)))) / 4294967295.0;
}

void main() {
#ifdef EDGE_SEARCH
  vec4 colour = edgeSearched(vUv);
#else
  vec4 colour = antialias ? edgeAntialiased(vUv) : texture(tColor, vUv);
#endif
  float alpha = colour.a;
  if (alpha <= 0.0) {
    outColour = vec4(0.0);
    return;
  }
  vec3 rgb = colour.rgb / alpha;
  if (graded) {
    rgb = clamp(gain * (rgb + lift * (1.0 - rgb)), 0.0, 1.0);
    rgb = pow(rgb, 1.0 / gamma);
    vec3 s = rgb * rgb * (3.0 - 2.0 * rgb);
    rgb = clamp(rgb + (s - rgb) * contrast * 2.0, 0.0, 1.0);
    float luma = dot(rgb, vec3(0.2126, 0.7152, 0.0722));
    rgb = clamp(vec3(luma) + (rgb - vec3(luma)) * saturation, 0.0, 1.0);
  }
  // Top-left origin, like the tile window.
  vec2 pixel = tileOrigin + vec2(gl_FragCoord.x, tileSize.y - gl_FragCoord.y);
  if (vignette > 0.0) {
    vec2 d = (pixel / fullSize - 0.5) * 2.0;
    float r = length(d) * 0.70710678;
    rgb *= 1.0 - vignette * 0.5 * smoothstep(0.3, 1.05, r);
  }
  if (grain > 0.0) {
    uvec2 p = uvec2(pixel);
    // Triangular noise (two uniforms) reads as film grain, not as dither; strongest in the mid-tones.
    float n = uniformNoise(p, 0x68e31da4u) + uniformNoise(p, 0xb5297a4du) - 1.0;
    float luma = dot(rgb, vec3(0.2126, 0.7152, 0.0722));
    rgb = clamp(rgb + n * grain * 0.07 * (0.35 + 2.6 * luma * (1.0 - luma)), 0.0, 1.0);
  }
  outColour = vec4(rgb * alpha, alpha);
}
`,
};
