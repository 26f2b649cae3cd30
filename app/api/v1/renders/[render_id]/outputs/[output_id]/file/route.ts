import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { openRenderFileV1 } from "@/lib/api/v1/services/renders";
import { apiRoute } from "@/lib/auth/api-route";
import { getDb } from "@/lib/db";
import { CACHE, serveFile } from "@/lib/files";
import { contentTypeForName } from "@/lib/formats";

/** The file itself (ranges supported, so videos can be fetched in parts), named for download. */
export const GET = apiRoute(ENDPOINTS.downloadRenderOutput, async ({ caller, params, request }) => {
  const { output, object } = await openRenderFileV1(getDb(), caller.workspaceId, params.render_id, params.output_id);
  return serveFile(object, {
    contentType: contentTypeForName(output.fileName),
    cache: CACHE.private,
    fileName: output.fileName,
    download: true,
    request,
  });
});
