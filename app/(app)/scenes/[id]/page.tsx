import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SceneEditor } from "@/components/editor/scene-editor";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findProduct } from "@/lib/products/catalog";
import { loadScene } from "@/lib/stored-scenes/scene-service";

export const metadata: Metadata = { title: "Editor" };

export default async function SceneEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { active, caller } = await requirePageContext(`/scenes/${id}`);
  const scene = await loadScene(getDb(), caller, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const products: Record<
    string,
    { url: string; name: string; dimensionsM: [number, number, number]; materials: string[]; variants: string[] }
  > = {};
  for (const placement of scene.document.products) {
    const product = await findProduct(active.id, placement.productId);
    if (product)
      products[product.id] = {
        url: product.url,
        name: product.name,
        dimensionsM: product.dimensionsM,
        materials: product.materials,
        variants: product.variants,
      };
  }
  return (
    <SceneEditor
      scene={{ id: scene.id, name: scene.name, document: scene.document, revision: scene.revision }}
      products={products}
      canEdit={roleCan(active.role, "scenes.write")}
    />
  );
}
