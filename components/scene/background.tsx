"use client";
/**
 * The backdrop behind the stage. Solid and gradient backgrounds are drawn
 * without tone mapping, so the document's hex colours come out exactly in the
 * output pixels; "transparent" clears to alpha 0 for cut-outs.
 */
import { useThree } from "@react-three/fiber";
import { useEffect, useLayoutEffect, useMemo } from "react";
import { CanvasTexture, Color, LinearFilter, SRGBColorSpace, type Texture } from "three";
import type { BackgroundSpec, EnvironmentSpec } from "@/lib/scene";
import { normalisedIntensity, useEnvironmentMap } from "./environment";
import type { ViewOffset } from "./view-offset";

const DEG = Math.PI / 180;

/**
 * A screen-space linear gradient with CSS semantics (0deg = `from` at the
 * bottom, clockwise), drawn for the canvas aspect so the corners get exactly
 * the end colours. sRGB texture -> three draws it un-tone-mapped.
 */
export function gradientTexture(from: string, to: string, angleDeg: number, aspect: number): CanvasTexture {
  const longSide = 1024;
  const width = Math.max(2, Math.round(aspect >= 1 ? longSide : longSide * aspect));
  const height = Math.max(2, Math.round(aspect >= 1 ? longSide / aspect : longSide));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("2D canvas unavailable");
  const angle = angleDeg * DEG;
  const dx = Math.sin(angle);
  const dy = -Math.cos(angle); // canvas y points down; 0deg points up
  const half = (Math.abs(width * dx) + Math.abs(height * dy)) / 2;
  const gradient = context.createLinearGradient(
    width / 2 - dx * half,
    height / 2 - dy * half,
    width / 2 + dx * half,
    height / 2 + dy * half,
  );
  gradient.addColorStop(0, from);
  gradient.addColorStop(1, to);
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.minFilter = LinearFilter;
  texture.magFilter = LinearFilter;
  texture.generateMipmaps = false;
  return texture;
}

function SolidBackground({ color }: { color: string }) {
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    // Color.set(hex) reads sRGB and stores linear; three clears with it converted back, exactly.
    scene.background = new Color(color);
    invalidate();
    return () => {
      scene.background = null;
    };
  }, [scene, color, invalidate]);
  return null;
}

function GradientBackground({
  from,
  to,
  angle,
  viewOffset,
}: {
  from: string;
  to: string;
  angle: number;
  viewOffset?: ViewOffset;
}) {
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  const width = useThree((state) => state.size.width);
  const height = useThree((state) => state.size.height);
  // A tile shows its window of the full frame's gradient (texture repeat/offset), so tiles join seamlessly.
  const [fullWidth, fullHeight] = viewOffset ? [viewOffset.fullWidth, viewOffset.fullHeight] : [width, height];
  const aspect = Math.round((fullWidth / Math.max(1, fullHeight)) * 1000) / 1000 || 1;
  const texture = useMemo(() => gradientTexture(from, to, angle, aspect), [from, to, angle, aspect]);
  useEffect(() => () => texture.dispose(), [texture]);
  const tileWindow = viewOffset
    ? [
        viewOffset.width / fullWidth,
        viewOffset.height / fullHeight,
        viewOffset.x / fullWidth,
        1 - (viewOffset.y + viewOffset.height) / fullHeight,
      ]
    : [1, 1, 0, 0];
  const windowKey = tileWindow.join(",");
  useLayoutEffect(() => {
    texture.repeat.set(tileWindow[0], tileWindow[1]);
    texture.offset.set(tileWindow[2], tileWindow[3]);
    scene.background = texture;
    invalidate();
    return () => {
      scene.background = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the window is keyed by value
  }, [scene, texture, invalidate, windowKey]);
  return null;
}

function EnvironmentBackground({ environment, blur }: { environment: EnvironmentSpec; blur: number }) {
  const texture: Texture = useEnvironmentMap(environment.id);
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    scene.background = texture;
    scene.backgroundBlurriness = blur;
    // Shown as a backdrop, the map sits at about mid-grey on average, whatever the HDRI.
    scene.backgroundIntensity = normalisedIntensity(texture, environment.intensity) * 2;
    scene.backgroundRotation.set(0, environment.rotation * DEG, 0);
    invalidate();
    return () => {
      scene.background = null;
      scene.backgroundBlurriness = 0;
      scene.backgroundIntensity = 1;
    };
  }, [scene, texture, blur, environment.intensity, environment.rotation, invalidate]);
  return null;
}

function TransparentBackground() {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    scene.background = null;
    gl.setClearColor(0x000000, 0);
    invalidate();
  }, [gl, scene, invalidate]);
  return null;
}

/** Environment backdrop blur when the environment is shown without its own blur setting. */
const DEFAULT_ENVIRONMENT_BLUR = 0.35;

export function Background({
  background,
  environment,
  viewOffset,
}: {
  background: BackgroundSpec;
  environment: EnvironmentSpec;
  viewOffset?: ViewOffset;
}) {
  switch (background.kind) {
    case "transparent":
      // A cut-out stays a cut-out, even with "show environment" on.
      return <TransparentBackground />;
    case "environment":
      return <EnvironmentBackground environment={environment} blur={background.blur} />;
    default:
      if (environment.showAsBackground)
        return <EnvironmentBackground environment={environment} blur={DEFAULT_ENVIRONMENT_BLUR} />;
      return background.kind === "solid" ? (
        <SolidBackground color={background.color} />
      ) : (
        <GradientBackground
          from={background.from}
          to={background.to}
          angle={background.angle}
          viewOffset={viewOffset}
        />
      );
  }
}
