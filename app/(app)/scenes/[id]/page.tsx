import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { preload } from "react-dom";
import { RestorableSceneEditor } from "@/components/editor/history/restorable-scene-editor";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findProducts } from "@/lib/products/catalog";
import { loadScene } from "@/lib/stored-scenes/scene-service";
import { loadBrandKit } from "@/lib/templates/template-service";

export const metadata: Metadata = { title: "Editor" };

export default async function SceneEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { active, caller } = await requirePageContext(`/scenes/${id}`);
  const scene = await loadScene(getDb(), caller, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  // Every placement's product in one read (never one query per placement); the brand colours for props.
  const [placed, brandKit] = await Promise.all([
    findProducts(
      active.id,
      scene.document.products.map((p) => p.productId),
    ),
    loadBrandKit(getDb(), active.id),
  ]);
  const products: Record<
    string,
    { url: string; name: string; dimensionsM: [number, number, number]; materials: string[]; variants: string[] }
  > = Object.fromEntries(
    placed.map((p) => [
      p.id,
      { url: p.url, name: p.name, dimensionsM: p.dimensionsM, materials: p.materials, variants: p.variants },
    ]),
  );
  // The scene's files download while three.js does (the page's HTML names them); the scene fetches them as
  // plain fetches (GLTFLoader; components/scene/rect-area-ltc.ts), which these preloads match.
  for (const product of placed) preload(product.url, { as: "fetch", crossOrigin: "anonymous" });
  preload("/lighting/ltc.bin", { as: "fetch", crossOrigin: "anonymous" });
  return (
    <RestorableSceneEditor
      scene={{ id: scene.id, name: scene.name, document: scene.document, revision: scene.revision }}
      products={products}
      canEdit={roleCan(active.role, "scenes.write")}
      brandPalette={brandKit.palette}
    />
  );
}
