import { z } from "zod";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { CACHE, serveFile } from "@/lib/files";
import { getStorage } from "@/lib/storage";
import { openWorkspaceExport } from "@/lib/workspace-data/workspace-data-service";

export const runtime = "nodejs";

/** A finished export's ZIP, for the workspace's owners, until the link expires (then 404). */
export const GET = workspaceRoute(
  { permission: "workspace.manage", schema: z.object({}) },
  async ({ ctx, params, request }) => {
    const { object, fileName } = await openWorkspaceExport(getDb(), getStorage(), ctx, params.exportId);
    return serveFile(object, {
      contentType: "application/zip",
      cache: CACHE.private,
      fileName,
      download: true,
      request,
    });
  },
);
