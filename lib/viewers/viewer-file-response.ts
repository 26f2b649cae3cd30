import type { ViewerLinkCaller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { CACHE, serveFile } from "@/lib/files";
import { openViewerFile, type ViewerFileKind } from "./viewer-link";

/**
 * A published viewer's file by its link: long-cached in the visitor's browser (a viewer's files never change
 * under its link), never in shared caches (a revoked link must stop answering at once), with byte ranges.
 */
export async function viewerFileResponse(caller: ViewerLinkCaller, kind: ViewerFileKind, request: Request) {
  const file = await openViewerFile(getDb(), caller, kind);
  return serveFile(file.object, {
    contentType: file.contentType,
    cache: CACHE.immutable,
    lastModified: file.updatedAt,
    request,
  });
}
