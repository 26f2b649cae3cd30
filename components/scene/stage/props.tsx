"use client";
/** Decorative props (procedural geometry only), 0.1 m base size times `scale`, each in its own finish. */
import { useEffect, useMemo } from "react";
import { DoubleSide, FrontSide } from "three";
import type { PropSpec } from "@/lib/scene";
import { mixSeed } from "@/lib/scene/random";
import { propGeometry } from "./geometry";
import { boxProjectUv } from "./surface-maps";
import { SurfaceMaterial, type SurfaceQuality } from "./surface-material";

/** Thin sheets (leaves, cloth) are seen from both sides. */
const THIN: ReadonlySet<PropSpec["kind"]> = new Set(["leaf", "branch", "fabric"]);

function Prop({ prop, seed, quality }: { prop: PropSpec; seed: number; quality: SurfaceQuality }) {
  const propSeed = mixSeed(seed, prop.id);
  // One texture tile per prop's base size: a 0.1 m block shows a few grains of oak, not a stretched plank.
  const geometry = useMemo(() => boxProjectUv(propGeometry(prop.kind, propSeed), 0.1), [prop.kind, propSeed]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <mesh
      name={`prop-${prop.id}`}
      geometry={geometry}
      position={prop.position}
      rotation={[0, prop.rotationY, 0]}
      scale={prop.scale}
      castShadow
      receiveShadow
    >
      <SurfaceMaterial
        finish={prop.surface}
        seed={propSeed}
        color={prop.color}
        roughness={prop.roughness}
        metalness={prop.metalness}
        quality={quality}
        small
        side={THIN.has(prop.kind) ? DoubleSide : FrontSide}
      />
    </mesh>
  );
}

export function Props({ props, seed, quality }: { props: readonly PropSpec[]; seed: number; quality: SurfaceQuality }) {
  return (
    <group name="props">
      {props.map((prop) => (
        <Prop key={prop.id} prop={prop} seed={seed} quality={quality} />
      ))}
    </group>
  );
}
