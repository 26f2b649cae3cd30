import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { finishApiResponse } from "@/lib/http/api-response";
import { resolveViewerLinkCaller } from "@/lib/viewers/viewer-link";
import { assertCan, type ViewerLinkCaller } from "./caller";
import type { Permission } from "./permissions";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a route a published viewer's page calls with no session: the `[token]` route param (the link's secret,
 * looked up by its hash) stands in. A malformed, unknown or revoked token answers 404, exactly like a file that
 * does not exist; then the link's scopes must hold `permission`.
 */
export function viewerRoute(
  { permission = "viewer_files.read" }: { permission?: Permission },
  fn: (args: { caller: ViewerLinkCaller; request: Request }) => Promise<Response>,
) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    let response: Response;
    try {
      const { token } = (await routeContext.params) ?? {};
      const found = await resolveViewerLinkCaller(getDb(), typeof token === "string" ? token : null);
      if (!found) throw new AppError("not_found", "Not found.");
      assertCan(found.caller, permission);
      response = await fn({ caller: found.caller, request });
    } catch (err) {
      response = errorResponse(err);
    }
    return finishApiResponse(request, response);
  };
}
