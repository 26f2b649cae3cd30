import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { NewSceneForm } from "@/components/scenes/new-scene-form";
import { SceneList } from "@/components/scenes/scene-list";
import { requirePageContext } from "@/lib/auth/session";
import { roleCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listScenes } from "@/lib/db/queries/scenes";
import { listAvailableProducts } from "@/lib/products/catalog";

export const metadata: Metadata = { title: "Scenes" };

export default async function ScenesPage() {
  const { active } = await requirePageContext("/scenes");
  const rows = await listScenes(getDb(), active.id);
  // Newest uploads first, then the shared samples: the product a user just added is the default choice.
  const products = await listAvailableProducts(active.id);
  const byId = new Map(products.map((p) => [p.id, p]));
  const canEdit = roleCan(active.role, "scenes.write");
  return (
    <div>
      <PageHeader
        title="Scenes"
        description="Your staged products. Open one to adjust light, camera, background and materials; edits save as you go."
        actions={canEdit ? <NewSceneForm products={products.map((p) => ({ id: p.id, name: p.name }))} /> : undefined}
      />
      {rows.length === 0 ? (
        <EmptyState
          title="No scenes yet"
          body={
            canEdit
              ? "Create a scene from a product: it starts centred on a neutral podium with soft studio light."
              : "Nobody has created a scene in this workspace yet."
          }
        />
      ) : (
        <SceneList
          canEdit={canEdit}
          scenes={rows.map((r) => ({
            id: r.id,
            name: r.name,
            productName: byId.get(r.productId)?.name ?? "Product",
            thumbnailUrl: byId.get(r.productId)?.thumbnailUrl ?? null,
            updatedAt: r.updatedAt.toISOString(),
          }))}
        />
      )}
    </div>
  );
}
