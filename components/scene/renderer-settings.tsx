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
}: {
  toneMapping: ToneMappingSpec;
  quality: "draft" | "final";
}) {
  const gl = useThree((state) => state.gl);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    gl.toneMapping = TONE_MAPPING[toneMapping.mode];
    gl.toneMappingExposure = toneMapping.exposure;
    gl.outputColorSpace = SRGBColorSpace;
    // Refraction is rendered at a fraction of the output: glass reads as glass, CPU rendering stays fast.
    gl.transmissionResolutionScale = quality === "final" ? 0.5 : 0.33;
    invalidate();
  }, [gl, toneMapping.mode, toneMapping.exposure, quality, invalidate]);
  return null;
}
