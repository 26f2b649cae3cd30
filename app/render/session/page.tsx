/**
 * The render worker's long-lived page: loaded once per browser page, then
 * handed one output after another (window.__plinthRender), so the WebGL
 * context, compiled shaders and prefiltered environments stay warm between
 * outputs. It holds no data itself: each job brings its frozen scene and
 * per-output asset tokens from the worker.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RENDER_SESSION_ID, verifyRenderToken } from "@/lib/renders/render-token";
import { RenderSession } from "./render-session";

export const metadata: Metadata = { title: "Render session", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function RenderSessionPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  if (!verifyRenderToken(RENDER_SESSION_ID, token).ok) notFound();
  return (
    <main style={{ margin: 0, padding: 0 }}>
      <style>{"html,body{margin:0;padding:0;background:transparent;overflow:hidden}"}</style>
      <RenderSession />
    </main>
  );
}
