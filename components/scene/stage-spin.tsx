"use client";
import type { ReactNode } from "react";
import type { StageSpin } from "@/lib/scene";

/**
 * The turning part of a video's stage (Turntable): products, podium, props and their grounding shadows turn about
 * the vertical axis through the camera's target, under the fixed camera, lights, floor and backdrop
 * (lib/scene/motion.ts spinPoint is the same transform). Always the same two groups, turned or not, so a still and
 * a video frame share one tree and nothing remounts between frames. The contact shadows are drawn once, on the
 * first (unturned) frame, and turn with what casts them.
 */
export function StageSpinGroup({ spin, children }: { spin: StageSpin | null; children: ReactNode }) {
  const [x, z] = spin?.axis ?? [0, 0];
  return (
    <group name="stage-spin" position={[x, 0, z]} rotation={[0, spin?.angleRad ?? 0, 0]}>
      <group position={[-x, 0, -z]}>{children}</group>
    </group>
  );
}
