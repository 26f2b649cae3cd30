import { viewerRoute } from "@/lib/auth/viewer-route";
import { viewerFileResponse } from "@/lib/viewers/viewer-file-response";

export const runtime = "nodejs";

/** An uploaded product's still (its library thumbnail), shown by its published viewer before the model loads. */
export const GET = viewerRoute({ permission: "viewer_files.read" }, ({ caller, request }) =>
  viewerFileResponse(caller, "poster", request),
);
