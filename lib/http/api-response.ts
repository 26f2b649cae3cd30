import { noStoreJson } from "./no-store";
import { HSTS_VALUE, isHttpsRequest, proxySettings } from "./request-facts";

/**
 * The last step of every JSON route handler (middleware does not see API
 * routes): no-store on JSON, HSTS when the client came over https.
 */
export function finishApiResponse(request: Request, response: Response): Response {
  const out = noStoreJson(response);
  if (isHttpsRequest(request.headers, proxySettings()) && !out.headers.has("strict-transport-security")) {
    try {
      out.headers.set("strict-transport-security", HSTS_VALUE);
    } catch {
      // Immutable headers (a fetched response): HSTS comes with the next page anyway.
    }
  }
  return out;
}
