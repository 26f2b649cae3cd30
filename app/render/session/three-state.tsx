"use client";

import { useThree, type RootState } from "@react-three/fiber";
import { useEffect, type MutableRefObject } from "react";

/** Keeps the canvas's three.js state (renderer, scene, camera) in a ref: Studio path traces that very scene. */
export function ThreeState({ into }: { into: MutableRefObject<RootState | null> }) {
  const state = useThree();
  useEffect(() => {
    into.current = state;
    return () => {
      if (into.current === state) into.current = null;
    };
  });
  return null;
}
