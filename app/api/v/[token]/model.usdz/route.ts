import { viewerRoute } from "@/lib/auth/viewer-route";
import { viewerFileResponse } from "@/lib/viewers/viewer-file-response";

export const runtime = "nodejs";

/** A published viewer's USDZ for iOS Quick Look (model-viewer's ios-src), by its public link (404 once revoked). */
export const GET = viewerRoute({ permission: "viewer_files.read" }, ({ caller, request }) =>
  viewerFileResponse(caller, "usdz", request),
);
