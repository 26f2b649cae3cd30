"use client";
/**
 * Draws the frame through the look pipeline when the document's look has any effect (scene-contents mounts it
 * only then, through a lazy import, so the AO code is a separate chunk that the editor loads on demand).
 * It takes over R3F's render (useFrame priority 1), so the ready signal's frame is the finished picture.
 */
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { PerspectiveCamera, Vector2, Vector3 } from "three";
import { blurFactor, finishParams, MAX_BLUR_RADIUS, type Bounds, type LookSpec } from "@/lib/scene";
import type { N8AOQualityMode } from "n8ao";
import type { ViewOffset } from "../view-offset";
import { LOOK_FRAME_MARK, markOnce } from "../frame-marks";
import { LookPipeline, type LookFrame } from "./look-pipeline";

export type LookTier = "draft" | "final" | "video";

/**
 * What each tier spends (measured in bench/look.ts at 1080x1080 on llvmpipe). Draft is the editor preview and
 * template previews; video draws dozens of Final frames per clip, so its AO is the cheaper mode, and its edges are
 * smoothed in the finishing pass (`edgeAA`, FXAA) instead of multisampling the scene: the same smooth silhouette
 * (tests/integration/video-frames.test.ts) for less (bench/video-frames.ts). Final stills do the same with the
 * edge-walking FXAA ("search"; see the final tier's comment).
 *
 * Final's AO is "Performance" too: "Medium" was the largest cost of a Final image (1080x1080, load 9-12, so rough:
 * 6.6 s with no effects, 8.1 s with the pipeline but no AO, 15.6 s with Medium AO; Performance adds about 2 s).
 * Medium put Final below the speed bar against the peer (issue 18); the AO pixel test passes with Performance.
 */
export const LOOK_TIERS: Record<
  LookTier,
  {
    aoMode: N8AOQualityMode;
    aoHalfRes: boolean;
    /** N8AO's AO applied by the look's cheap composite instead of N8AO's compositor (look-pipeline AoSettings). */
    aoFastComposite?: boolean;
    msaa: number;
    dofTaps: number;
    /** Smooth edges in the finishing pass: true, FXAA "console" (video); "search", FXAA with an edge walk. */
    edgeAA?: boolean | "search";
  }
> = {
  draft: { aoMode: "Performance", aoHalfRes: true, msaa: 0, dofTaps: 12 },
  // Where a Final 1080x1080 still's time goes (default drink-can scene, harness draws to a one-pixel read, load 3-5,
  // 2026-12-04): about 830 ms a draw; without AO 725, without the look at all 640, without the scene's 4x MSAA 700,
  // without the key light's shadows 690 (PCSS costs no more than three's PCF). MSAA 2 saved nothing measurable;
  // neither did an 8-bit scene target instead of half float.
  // Final applies its AO with the look's composite too: no visible change (bench:quality's DSSIM against the path
  // traced references 0.1387 / 0.0868 / 0.0720 -> 0.1388 / 0.0868 / 0.0721) for about 70 ms less a 1080x1080
  // image on llvmpipe (harness, load 3-5: 832 -> 759 ms a draw).
  // Final's edges: the scene is drawn without multisampling and smoothed in the finishing pass by FXAA with an
  // edge walk (edgeAA "search", look-shaders.ts). 4x MSAA into the half-float scene target was the largest cost
  // left (bench/still-frames.ts, back to back at load 4, 2026-12-04 22:40: 313 ms wall / 609 ms CPU a draw with
  // MSAA, 221 / 423 and 216 / 422 with this, 225 / 433 with the video tier's console FXAA). The console FXAA was
  // not taken earlier because it leaves short stair-steps on long, nearly horizontal edges (a can's rim, the
  // label's top, a podium's top edge: visible in 2x crops); the edge walk smooths those as MSAA did (2x crops of
  // the can's rim, side and label edge, a podium edge, a perfume cap, a box's printed label: bench/aa-frames.ts)
  // and leaves flat areas untouched (tests/integration/look-render.test.ts). bench:quality's DSSIM (reference
  // compare, 540 px): MSAA 0.1325 / 0.0855 / 0.0721, mean 0.0967 (full resolution 0.0898); this 0.1323 / 0.0865 /
  // 0.0712, mean 0.0967 (0.0900).
  // Three's SMAAPass (its lookup textures are inline) cost as much as MSAA here (275 vs 266 ms a draw): not taken.
  final: { aoMode: "Performance", aoHalfRes: true, aoFastComposite: true, msaa: 0, dofTaps: 32, edgeAA: "search" },
  video: { aoMode: "Performance", aoHalfRes: true, aoFastComposite: true, msaa: 0, dofTaps: 20, edgeAA: true },
};

/** N8AO's intensity for the document's 1: it darkens display-referred (sRGB) values, so less than its default. */
const AO_INTENSITY_SCALE = 1.8;

export interface LookEffectsProps {
  look: LookSpec;
  tier: LookTier;
  /** The product group's bounds: AO reach follows its size, focus sits on its centre. */
  productBounds: Bounds;
  seed: number;
  /** Seconds into a video (grain changes per frame, deterministically); undefined for a still. */
  time?: number;
  viewOffset?: ViewOffset;
}

export function LookEffects({ look, tier, productBounds, seed, time, viewOffset }: LookEffectsProps) {
  const gl = useThree((state) => state.gl);
  const invalidate = useThree((state) => state.invalidate);
  const pipeline = useMemo(() => new LookPipeline(), []);
  useEffect(() => () => pipeline.dispose(), [pipeline]);
  useEffect(() => invalidate(), [look, tier, invalidate]);

  const centre = useMemo(
    () =>
      new Vector3(
        (productBounds.min[0] + productBounds.max[0]) / 2,
        (productBounds.min[1] + productBounds.max[1]) / 2,
        (productBounds.min[2] + productBounds.max[2]) / 2,
      ),
    [productBounds],
  );
  const productSize = Math.max(
    productBounds.max[0] - productBounds.min[0],
    productBounds.max[1] - productBounds.min[1],
    productBounds.max[2] - productBounds.min[2],
  );

  // The depth the product occupies towards the camera (its horizontal half-extent) stays in focus.
  const productRadius =
    Math.max(productBounds.max[0] - productBounds.min[0], productBounds.max[2] - productBounds.min[2]) / 2;

  useFrame(({ scene, camera }) => {
    if (!(camera instanceof PerspectiveCamera)) return void gl.render(scene, camera);
    const settings = LOOK_TIERS[tier];
    const size = gl.getDrawingBufferSize(new Vector2());
    pipeline.setSize(size.x, size.y, settings.msaa);
    const fullHeight = viewOffset ? viewOffset.fullHeight * (size.y / viewOffset.height) : size.y;
    camera.updateMatrixWorld();
    const focus = Math.max(0.05, -centre.clone().applyMatrix4(camera.matrixWorldInverse).z);

    const frame: LookFrame = {
      ao:
        look.ambientOcclusion.enabled && look.ambientOcclusion.intensity > 0
          ? {
              intensity: look.ambientOcclusion.intensity * AO_INTENSITY_SCALE,
              radius: Math.min(2, Math.max(0.01, productSize * 0.2)),
              mode: settings.aoMode,
              halfRes: settings.aoHalfRes,
              fastComposite: settings.aoFastComposite === true,
            }
          : null,
      dof: look.depthOfField.enabled
        ? {
            focus,
            focusRange: productRadius,
            blurPx: blurFactor(focus, camera.getEffectiveFOV(), look.depthOfField.fNumber) * fullHeight,
            maxRadiusPx: MAX_BLUR_RADIUS * fullHeight,
            taps: settings.dofTaps,
          }
        : null,
      finish: {
        // Shared with Studio's traced picture (lib/scene/look-finish.ts), so both get the same grade and grain.
        ...finishParams(look, seed, time, { width: size.x, height: size.y }, viewOffset),
        antialias: settings.edgeAA !== undefined && settings.edgeAA !== false,
        edgeSearch: settings.edgeAA === "search",
      },
    };
    pipeline.render(gl, scene, camera, frame);
    markOnce(LOOK_FRAME_MARK);
  }, 1);
  return null;
}

export default LookEffects;
