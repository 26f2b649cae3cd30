"use client";
/** Decorative props (procedural geometry only), 0.1 m base size times `scale`. */
import { useEffect, useMemo } from "react";
import type { PropSpec } from "@/lib/scene";
import { mixSeed } from "@/lib/scene/random";
import { propGeometry } from "./geometry";

function Prop({ prop, seed }: { prop: PropSpec; seed: number }) {
  const geometry = useMemo(() => propGeometry(prop.kind, mixSeed(seed, prop.id)), [prop.kind, prop.id, seed]);
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
      <meshStandardMaterial color={prop.color} roughness={prop.roughness} metalness={prop.metalness} />
    </mesh>
  );
}

export function Props({ props, seed }: { props: readonly PropSpec[]; seed: number }) {
  return (
    <group name="props">
      {props.map((prop) => (
        <Prop key={prop.id} prop={prop} seed={seed} />
      ))}
    </group>
  );
}
