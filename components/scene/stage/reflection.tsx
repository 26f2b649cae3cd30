"use client";
/**
 * Planar reflections (issue 18): a glossy floor or podium top mirrors what stands on it. three's Reflector renders
 * the set from the camera mirrored in the plane into a render target; this plane then lays that image over the
 * surface below it, with the surface's `reflection` as strength and its roughness as blur, fading out with
 * distance on the floor. Only objects are mirrored (the backdrop is left out of the mirror pass and the pass
 * clears to alpha 0), so an invisible floor stays a shadow catcher with a reflection and no surface of its own,
 * and a cut-out keeps its transparent background.
 *
 * Cost is tiered: the mirror pass renders the scene once more per reflective surface, at 256 px in Draft (the
 * editor) and 1024 px in Final, and Draft blurs with 6 taps instead of 12.
 */
import { useEffect, useMemo } from "react";
import { Color, type BufferGeometry, type ShaderMaterial, type Camera, type Scene, type WebGLRenderer } from "three";
import { Reflector } from "three/examples/jsm/objects/Reflector.js";

export type ReflectionTier = "draft" | "final";

const RESOLUTION: Record<ReflectionTier, number> = { draft: 256, final: 1024 };
const TAPS: Record<ReflectionTier, number> = { draft: 6, final: 12 };

/** Every live reflector, hidden while any one of them draws its mirror (no mirror inside a mirror). */
const reflectors = new Set<Reflector>();
let mirroring = false;

const shader = (taps: number) => ({
  name: "PlinthReflection",
  uniforms: {
    color: { value: null },
    tDiffuse: { value: null },
    textureMatrix: { value: null },
    strength: { value: 0.5 },
    blur: { value: 0 },
    fadeRadius: { value: 1e6 },
  },
  vertexShader: /* glsl */ `
    uniform mat4 textureMatrix;
    varying vec4 vUv;
    varying vec2 vLocal;
    #include <common>
    #include <logdepthbuf_pars_vertex>
    void main() {
      vUv = textureMatrix * vec4(position, 1.0);
      vLocal = position.xy;
      gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
      #include <logdepthbuf_vertex>
    }`,
  fragmentShader: /* glsl */ `
    uniform sampler2D tDiffuse;
    uniform float strength;
    uniform float blur;
    uniform float fadeRadius;
    varying vec4 vUv;
    varying vec2 vLocal;
    #include <logdepthbuf_pars_fragment>
    void main() {
      #include <logdepthbuf_fragment>
      vec2 uv = vUv.xy / vUv.w;
      // Rough surfaces blur the mirror: a rotated spiral of taps (rotated per pixel so the taps do not band).
      float angle = 6.2831853 * fract(52.9829189 * fract(dot(gl_FragCoord.xy, vec2(0.06711056, 0.00583715))));
      vec4 sum = texture2D(tDiffuse, uv);
      float weight = 1.0;
      for (int i = 0; i < ${taps}; i++) {
        float t = (float(i) + 0.5) / float(${taps});
        float a = angle + float(i) * 2.39996323;
        vec2 offset = vec2(cos(a), sin(a)) * sqrt(t) * blur;
        float w = 1.0 - 0.5 * t;
        sum += texture2D(tDiffuse, uv + offset) * w;
        weight += w;
      }
      vec4 mirror = sum / weight;
      float fade = 1.0 - smoothstep(fadeRadius * 0.55, fadeRadius, length(vLocal));
      float alpha = clamp(mirror.a * strength * fade, 0.0, 1.0);
      // The pass cleared to transparent black: unpremultiply to get the mirrored colour itself.
      gl_FragColor = vec4(mirror.rgb / max(mirror.a, 1e-4), alpha);
      #include <tonemapping_fragment>
      #include <colorspace_fragment>
    }`,
});

const clearColour = new Color();

function createReflector(geometry: BufferGeometry, tier: ReflectionTier): Reflector {
  const size = RESOLUTION[tier];
  const reflector = new Reflector(geometry, {
    textureWidth: size,
    textureHeight: size,
    clipBias: 0.0005,
    multisample: tier === "final" ? 4 : 0,
    shader: shader(TAPS[tier]),
  });
  const material = reflector.material as ShaderMaterial;
  material.transparent = true;
  material.depthWrite = false;
  const mirror = reflector.onBeforeRender;
  reflector.onBeforeRender = function (renderer: WebGLRenderer, scene: Scene, camera: Camera, ...rest) {
    if (mirroring || scene.overrideMaterial) return;
    mirroring = true;
    const hidden = [...reflectors].filter((other) => other !== reflector && other.visible);
    hidden.forEach((other) => (other.visible = false));
    const background = scene.background;
    const alpha = renderer.getClearAlpha();
    renderer.getClearColor(clearColour);
    scene.background = null;
    renderer.setClearColor(0x000000, 0);
    reflector.camera.layers.mask = camera.layers.mask;
    try {
      mirror.call(this, renderer, scene, camera, ...rest);
    } finally {
      scene.background = background;
      renderer.setClearColor(clearColour, alpha);
      hidden.forEach((other) => (other.visible = true));
      mirroring = false;
    }
  };
  return reflector;
}

/**
 * A mirror lying on the plane y = `height` (the geometry is drawn in its XY plane, facing +Z, and laid flat).
 * `strength`: the surface's reflection, 0..1; `roughness` blurs it; `fadeRadius` fades it out (the floor).
 */
export function ReflectionPlane({
  name,
  geometry,
  height,
  strength,
  roughness,
  tier,
  fadeRadius = 1e6,
  renderOrder = 0,
}: {
  name: string;
  geometry: BufferGeometry;
  height: number;
  strength: number;
  roughness: number;
  tier: ReflectionTier;
  fadeRadius?: number;
  renderOrder?: number;
}) {
  const reflector = useMemo(() => createReflector(geometry, tier), [geometry, tier]);
  useEffect(() => {
    reflectors.add(reflector);
    return () => {
      reflectors.delete(reflector);
      reflector.dispose();
    };
  }, [reflector]);
  const { uniforms } = reflector.material as ShaderMaterial;
  uniforms.strength.value = strength;
  // Blur in screen fractions: a satin surface smears the mirror over a few percent of the frame.
  uniforms.blur.value = Math.min(0.08, roughness * roughness * 0.12);
  uniforms.fadeRadius.value = fadeRadius;
  return (
    <primitive object={reflector} name={name} rotation-x={-Math.PI / 2} position-y={height} renderOrder={renderOrder} />
  );
}
