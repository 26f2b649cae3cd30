"use client";
/**
 * The light rig: key/fill/rim lights placed by azimuth/elevation (degrees, in
 * the world, camera independent, 0 = front/+Z) around the product group.
 *
 * Each light is a soft box (RectAreaLight: the rectangular highlight on glossy
 * packaging that reads as "studio") whose size follows `softness`; the key
 * light also carries a shadow-casting directional light whose shadow is an
 * area light's (soft-shadows.ts): sharp at contact, wider with distance, the
 * more so the higher `softness`.
 */
import { use, useMemo } from "react";
import { Color, Object3D, type DirectionalLight, type RectAreaLight } from "three";
import { boundsCenter, orbitDirection, type Bounds, type LightSpec } from "@/lib/scene";
import { kelvinToLinearRgb } from "./color-temperature";
import { loadRectAreaLtc } from "./rect-area-ltc";
import { installSoftShadows, pcssRadius } from "./soft-shadows";

// PCSS in three's shadow chunk, before any shadowed material compiles (once per page).
installSoftShadows();

/** Document intensity -> three units (tuned by eye against the default scene). */
const SOFTBOX_SCALE = 0.9;
const DIRECTIONAL_SCALE = 0.7;
/** Share of the key light carried by the shadow-casting directional light. */
const KEY_DIRECTIONAL_SHARE = 0.55;
/**
 * The key shadow's penumbra per metre between occluder and receiver (the light's angular size) at softness 0
 * and 1. Narrower than the soft box drawn for highlights (0.12..1.02 of its distance): at the box's own size
 * a 1-softness shadow fades out a few centimetres from contact, and most templates use 0.8-1.
 */
const SHADOW_SPREAD = { hard: 0.03, soft: 0.45 };
/** Shadow camera depth range, in light distances (the normalised depth PCSS works in). */
const SHADOW_NEAR = 0.1;
const SHADOW_FAR = 3;

export function lightColor(kelvin: number): Color {
  const [r, g, b] = kelvinToLinearRgb(kelvin);
  // Linear working-space components: no colour-space conversion.
  return new Color(r, g, b);
}

function Softbox({
  spec,
  center,
  distance,
  share,
}: {
  spec: LightSpec;
  center: [number, number, number];
  distance: number;
  share: number;
}) {
  const direction = orbitDirection(spec.azimuth, spec.elevation);
  const position: [number, number, number] = [
    center[0] + direction[0] * distance,
    center[1] + direction[1] * distance,
    center[2] + direction[2] * distance,
  ];
  // 0 = small hard source, 1 = a big box about as wide as its distance.
  const size = distance * (0.12 + 0.9 * spec.softness);
  // RectAreaLight intensity is luminance: keep the delivered light roughly constant as the box grows.
  const reference = distance * 0.6;
  const intensity = (spec.intensity * share * SOFTBOX_SCALE * (reference * reference)) / (size * size);
  return (
    <rectAreaLight
      ref={(node: RectAreaLight | null) => node?.lookAt(...center)}
      position={position}
      width={size}
      height={size * 1.3}
      intensity={intensity}
      color={lightColor(spec.temperatureK)}
    />
  );
}

function KeyShadowLight({
  spec,
  center,
  distance,
  extent,
  shadowMapSize,
}: {
  spec: LightSpec;
  center: [number, number, number];
  distance: number;
  extent: number;
  shadowMapSize: number;
}) {
  const target = useMemo(() => new Object3D(), []);
  const direction = orbitDirection(spec.azimuth, spec.elevation);
  const spread = SHADOW_SPREAD.hard + (SHADOW_SPREAD.soft - SHADOW_SPREAD.hard) * spec.softness;
  // Half the penumbra (the filter disk's radius), in shadow-map uv per unit of normalised depth.
  const radius = pcssRadius(spread / 2, distance * (SHADOW_FAR - SHADOW_NEAR), extent * 2);
  // A light below the horizon cannot cast a floor shadow; keep it a little above.
  const position: [number, number, number] = [
    center[0] + direction[0] * distance,
    center[1] + Math.max(direction[1], 0.15) * distance,
    center[2] + direction[2] * distance,
  ];
  return (
    <>
      <primitive object={target} position={center} />
      <directionalLight
        ref={(node: DirectionalLight | null) => {
          if (node) node.target = target;
        }}
        position={position}
        intensity={spec.intensity * KEY_DIRECTIONAL_SHARE * DIRECTIONAL_SCALE}
        color={lightColor(spec.temperatureK)}
        castShadow
        shadow-mapSize={[shadowMapSize, shadowMapSize]}
        shadow-radius={radius}
        shadow-bias={-0.0004}
        shadow-normalBias={0.002}
      >
        <orthographicCamera
          attach="shadow-camera"
          args={[-extent, extent, extent, -extent, distance * SHADOW_NEAR, distance * SHADOW_FAR]}
        />
      </directionalLight>
    </>
  );
}

export function Lights({
  lights,
  bounds,
  stageRadius,
  shadowMapSize,
}: {
  lights: readonly LightSpec[];
  /** Product group bounds: the lights aim at its centre. */
  bounds: Bounds;
  /** Half-size of everything that casts/receives key shadows (products, podium, props). */
  stageRadius: number;
  shadowMapSize: number;
}) {
  // RectAreaLight shading needs the LTC tables (fetched as data, once per page): suspend until they are installed.
  use(loadRectAreaLtc());
  const center = boundsCenter(bounds);
  const radius = Math.max(
    0.05,
    Math.hypot(bounds.max[0] - bounds.min[0], bounds.max[1] - bounds.min[1], bounds.max[2] - bounds.min[2]) / 2,
  );
  const distance = Math.max(radius * 6, stageRadius * 3, 0.8);
  // Shadows fall across the stage: cover it (plus room for long shadows).
  const extent = Math.max(stageRadius, radius) * 1.6;
  const key = lights.find((light) => light.role === "key");
  return (
    <group name="light-rig">
      {lights.map((spec) => (
        <Softbox
          key={spec.id}
          spec={spec}
          center={center}
          distance={distance}
          share={spec === key ? 1 - KEY_DIRECTIONAL_SHARE : 1}
        />
      ))}
      {key && (
        // Keyed by what sizes its shadow: a new stage gets a new light and shadow map. Updated in place, the
        // light kept a shadow map drawn for the previous stage's frustum on a warm page (the worker's session,
        // several scenes in a row), and the next scene's shadows floated, displaced, on the backdrop.
        <KeyShadowLight
          key={`${extent}:${distance}:${shadowMapSize}:${key.softness}`}
          spec={key}
          center={center}
          distance={distance}
          extent={extent}
          shadowMapSize={shadowMapSize}
        />
      )}
    </group>
  );
}
