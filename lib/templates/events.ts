import type { Database } from "@/lib/db";
import { outputOrigin, recordTemplateEvents } from "@/lib/db/queries/templates";
import { ratioLabel } from "./ratio";

/** A downloaded image: remembered with its scene's template, ratio and format ("For you"). */
export async function recordDownload(db: Database, workspaceId: string, outputId: string) {
  const origin = await outputOrigin(db, workspaceId, outputId);
  if (!origin) return;
  await recordTemplateEvents(db, workspaceId, [
    {
      kind: "download",
      sceneId: origin.sceneId,
      ratio: ratioLabel(origin.width, origin.height),
      format: origin.format,
    },
  ]);
}
