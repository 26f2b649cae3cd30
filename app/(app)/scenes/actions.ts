"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { deleteScene, duplicateScene, renameScene } from "@/lib/stored-scenes/scene-service";

const sceneId = z.string().min(1).max(64);
const sceneName = z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");

export const renameSceneAction = workspaceAction(
  { permission: "scenes.write", schema: z.object({ id: sceneId, name: sceneName }) },
  async ({ id, name }, ctx) => {
    await renameScene(getDb(), ctx.workspace.id, id, name);
    revalidatePath("/scenes");
    return { name };
  },
);

export const duplicateSceneAction = workspaceAction(
  { permission: "scenes.write", schema: z.object({ id: sceneId }) },
  async ({ id }, ctx) => {
    const copy = await duplicateScene(getDb(), ctx, id);
    revalidatePath("/scenes");
    return copy;
  },
);

export const deleteSceneAction = workspaceAction(
  { permission: "scenes.write", schema: z.object({ id: sceneId }) },
  async ({ id }, ctx) => {
    await deleteScene(getDb(), ctx.workspace.id, id);
    revalidatePath("/scenes");
    return null;
  },
);
