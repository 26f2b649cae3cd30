"use client";
/**
 * The key light's shadow map is drawn again only when what casts it changes, not on every render call.
 *
 * three redraws every shadow map on each renderer.render() (autoUpdate), and a Final still calls it several
 * times per picture: the contact shadows' one-off capture, the look's scene pass, a reflective surface's mirror
 * pass. In a batch (the six ratios of one scene, one after another on the worker's page) the casters are the
 * same for every output; only the camera and the canvas size change, and a directional light's shadow map
 * depends on neither. So on render pages the map follows `signature`: everything that moves, adds or removes a
 * caster or the light (products and their models, the stage and the props kept in this shot, the light rig,
 * the stage's size, the quality's map size, a video frame's time). The editor keeps three's default: its gizmos
 * move objects without a new document.
 */
import { useThree } from "@react-three/fiber";
import { useLayoutEffect } from "react";

export function ShadowMapUpdates({ signature, interactive }: { signature: string; interactive: boolean }) {
  const gl = useThree((state) => state.gl);
  useLayoutEffect(() => {
    gl.shadowMap.autoUpdate = interactive;
    // three clears the flag once it has drawn the maps (the next render call that has shadow-casting lights).
    gl.shadowMap.needsUpdate = true;
  }, [gl, signature, interactive]);
  return null;
}
