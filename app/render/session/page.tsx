/**
 * The render worker's long-lived page: loaded once per browser page, then
 * handed one output after another (window.__plinthDraw), so the WebGL
 * context, compiled shaders and prefiltered environments stay warm between
 * outputs. It holds no data itself: each job brings its frozen scene and
 * per-output asset tokens from the worker.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { resolveRenderTokenCaller } from "@/lib/auth/render-token-caller";
import { RenderSession } from "./render-session";

export const metadata: Metadata = { title: "Render session", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function RenderSessionPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  if (!resolveRenderTokenCaller({ kind: "session", id: "session" }, token)) notFound();
  return (
    <main style={{ margin: 0, padding: 0 }}>
      <style>{"html,body{margin:0;padding:0;background:transparent;overflow:hidden}"}</style>
      <RenderSession />
    </main>
  );
}
