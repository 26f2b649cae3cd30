"use client";
/** Renderer-wide settings that come from the document: tone mapping, exposure. */
import { useThree } from "@react-three/fiber";
import { useLayoutEffect } from "react";
import {
  ACESFilmicToneMapping,
  AgXToneMapping,
  NeutralToneMapping,
  NoToneMapping,
  SRGBColorSpace,
  type ToneMapping,
} from "three";
import type { ToneMappingSpec } from "@/lib/scene";

export const TONE_MAPPING: Record<ToneMappingSpec["mode"], ToneMapping> = {
  neutral: NeutralToneMapping,
  aces: ACESFilmicToneMapping,
  agx: AgXToneMapping,
  none: NoToneMapping,
};

export function RendererSettings({
  toneMapping,
  quality,
  video,
}: {
  toneMapping: ToneMappingSpec;
  quality: "draft" | "final";
  /** A video's frame (dozens a clip): the still's picture, cheaper where motion hides it. */
  video: boolean;
}) {
  const gl = useThree((state) => state.gl);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    gl.toneMapping = TONE_MAPPING[toneMapping.mode];
    gl.toneMappingExposure = toneMapping.exposure;
    gl.outputColorSpace = SRGBColorSpace;
    // Refraction is rendered at a fraction of the output: glass reads as glass, CPU rendering stays fast. A video
    // frame refracts a third-size backdrop, as Draft does: a little softer (the liquid's edge behind the glass, in
    // a 2x crop), which motion hides, for about 6% less CPU a glass frame (bench/video-frames.ts, perfume bottle
    // 1080x1080: 412-422 -> 390 ms). bench:video's 6 s glass turntable: 46.8 and 48.2 s before, 46.8 and 43.8 s after.
    gl.transmissionResolutionScale = quality === "final" && !video ? 0.5 : 0.33;
    invalidate();
  }, [gl, toneMapping.mode, toneMapping.exposure, quality, video, invalidate]);
  return null;
}
