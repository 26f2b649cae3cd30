"use client";
import dynamic from "next/dynamic";
import type { SceneCanvasProps } from "@/components/scene/scene-canvas";

const SceneCanvas = dynamic(() => import("@/components/scene/scene-canvas"), {
  ssr: false,
  // Same contract as the canvas itself while its code loads.
  loading: () => <div data-testid="scene-canvas" data-render-state="loading" />,
});

export function SampleRender(props: Pick<SceneCanvasProps, "document" | "products" | "size" | "quality">) {
  return <SceneCanvas {...props} />;
}
