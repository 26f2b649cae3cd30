import { z } from "zod";
import type { WorkspaceExportView } from "@/lib/workspace-data/workspace-data-service";

/** A workspace export as Settings → Data lists it (lib/workspace-data/workspace-data-service.ts toExportView). */
export const workspaceExportOutput: z.ZodType<WorkspaceExportView> = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "running", "done", "failed", "expired"]),
    progress: z.number().min(0).max(1),
    bytes: z.number().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    downloadUrl: z.string().nullable(),
    error: z.string().nullable(),
  })
  .strict();

export const workspaceExportListOutput = z.object({ exports: z.array(workspaceExportOutput) });
