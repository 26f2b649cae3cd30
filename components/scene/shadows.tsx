"use client";
/**
 * Grounding shadows, rendered once per stage change (no per-frame work):
 *  - contact shadows: a blurred depth "AO" under the products on the surface
 *    they stand on, and under the podium on the floor;
 *  - accumulated soft shadows (final quality): drei's AccumulativeShadows fed
 *    by a seed-driven light set, computed synchronously, so the frame that
 *    follows is final.
 * Shadow planes live on SHADOW_LAYER so the contact-shadow cameras never see
 * another shadow plane as an occluder (the main camera enables that layer).
 */
import { AccumulativeShadows, accumulativeContext } from "@react-three/drei";
import { memo, useContext, useLayoutEffect, useRef } from "react";
import { Camera, Vector3, type Group, type Object3D } from "three";
import { orbitDirection, type Bounds, type LightSpec, type ShadowSpec } from "@/lib/scene";
import { ContactShadow } from "./contact-shadow";
import { mixSeed, seededRandom } from "@/lib/scene/random";

export const SHADOW_LAYER = 1;

function moveToShadowLayer(root: Object3D | null) {
  root?.traverse((object) => {
    if (!(object instanceof Camera)) object.layers.set(SHADOW_LAYER);
  });
}

const ACCUMULATION_FRAMES = 24;
const ACCUMULATION_LIGHTS = 6;

/**
 * Like drei's RandomizedLight, but every jitter comes from the document seed
 * and the sample index, so the same document accumulates the same shadow.
 */
function SeededLights({
  seed,
  direction,
  distance,
  spread,
  extent,
  mapSize,
}: {
  seed: number;
  direction: [number, number, number];
  distance: number;
  spread: number;
  extent: number;
  mapSize: number;
}) {
  const parent = useContext(accumulativeContext);
  const group = useRef<Group>(null);
  useLayoutEffect(() => {
    const lights = group.current;
    if (!parent || !lights) return;
    const base = new Vector3(...direction).multiplyScalar(distance);
    let call = 0;
    const api = {
      update: () => {
        // AccumulativeShadows calls update() exactly `frames` times per accumulation.
        const random = seededRandom(mixSeed(seed, `accumulate-${call % ACCUMULATION_FRAMES}`));
        call++;
        for (const light of lights.children) {
          if (random() > 0.3) {
            // Jitter around the key light: an area light of size `spread`.
            light.position.set(
              base.x + (random() - 0.5) * spread,
              base.y + (random() - 0.5) * spread,
              base.z + (random() - 0.5) * spread,
            );
          } else {
            // Some sky: upper-hemisphere samples soften everything.
            const lambda = Math.acos(2 * random() - 1) - Math.PI / 2;
            const phi = 2 * Math.PI * random();
            light.position.set(
              Math.cos(lambda) * Math.cos(phi) * distance,
              Math.abs(Math.cos(lambda) * Math.sin(phi) * distance),
              Math.sin(lambda) * distance,
            );
          }
        }
      },
    };
    const id = lights.uuid;
    parent.lights.set(id, api);
    return () => void parent.lights.delete(id);
  }, [parent, seed, direction, distance, spread]);
  return (
    <group ref={group}>
      {Array.from({ length: ACCUMULATION_LIGHTS }, (_, index) => (
        <directionalLight
          key={index}
          castShadow
          intensity={Math.PI / ACCUMULATION_LIGHTS}
          shadow-bias={-0.0005}
          shadow-mapSize={[mapSize, mapSize]}
        >
          <orthographicCamera attach="shadow-camera" args={[-extent, extent, extent, -extent, distance * 0.05, distance * 3]} />
        </directionalLight>
      ))}
    </group>
  );
}

/** Everything the shadows depend on; they are recomputed only when it changes. */
export type ShadowsProps = Parameters<typeof ShadowsImpl>[0] & { signature: string };

export const Shadows = memo(
  function Shadows(props: ShadowsProps) {
    return <ShadowsImpl {...props} />;
  },
  (previous, next) => previous.signature === next.signature,
);

function ShadowsImpl({
  shadows,
  quality,
  seed,
  productBounds,
  baseHeight,
  podium,
  stageRadius,
  keyLight,
}: {
  shadows: ShadowSpec;
  quality: "draft" | "final";
  seed: number;
  productBounds: Bounds;
  /** Height of the surface the products stand on (podium top or floor). */
  baseHeight: number;
  podium: { width: number; depth: number; height: number } | null;
  stageRadius: number;
  keyLight: LightSpec | undefined;
}) {
  const productWidth = Math.max(productBounds.max[0] - productBounds.min[0], productBounds.max[2] - productBounds.min[2]);
  const productHeight = Math.max(0.01, productBounds.max[1] - productBounds.min[1]);
  const onPodium = podium !== null && Math.abs(baseHeight - podium.height) < 0.002;
  // Under the products: as wide as the podium top allows, else a generous footprint.
  const productScale = onPodium ? Math.min(podium.width, podium.depth) * 0.98 : Math.max(productWidth * 3, productHeight * 2);
  const resolution = quality === "final" ? 512 : 256;
  const lift = 0.0004;
  const accumulate = shadows.accumulated && quality === "final";
  const direction = orbitDirection(keyLight?.azimuth ?? -40, Math.max(20, keyLight?.elevation ?? 45));
  const distance = Math.max(stageRadius * 4, productHeight * 6, 1);

  return (
    <group name="shadows">
      {shadows.contact.opacity > 0 && (
        <group ref={moveToShadowLayer}>
          <ContactShadow
            y={baseHeight + lift}
            size={productScale}
            opacity={shadows.contact.opacity}
            blur={shadows.contact.blur}
            far={productHeight * 0.6}
            resolution={resolution}
          />
          {podium && (
            <ContactShadow
              y={lift}
              size={Math.max(podium.width, podium.depth) * 1.5}
              opacity={Math.min(1, shadows.contact.opacity * 1.2)}
              blur={shadows.contact.blur * 1.2}
              far={Math.max(0.01, podium.height * 0.9)}
              resolution={resolution}
            />
          )}
        </group>
      )}
      {accumulate && (
        <group ref={moveToShadowLayer}>
          <AccumulativeShadows
            position={[0, lift * 2, 0]}
            frames={ACCUMULATION_FRAMES}
            scale={stageRadius * 6}
            resolution={512}
            opacity={0.85}
            alphaTest={0.8}
            color="#000000"
            colorBlend={2}
          >
            <SeededLights
              seed={seed}
              direction={direction}
              distance={distance}
              spread={distance * 0.35}
              extent={stageRadius * 3}
              mapSize={1024}
            />
          </AccumulativeShadows>
        </group>
      )}
    </group>
  );
}
