/**
 * JSON API answers are per user and often secret (workspace data, error
 * details): no browser or shared cache may keep them. Responses that chose
 * their own Cache-Control (file downloads, thumbnails) keep it.
 */
export const NO_STORE = "no-store";

function isJson(response: Response): boolean {
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
}

/** Adds Cache-Control: no-store to a JSON response that has no Cache-Control yet. */
export function noStoreJson(response: Response): Response {
  if (!isJson(response) || response.headers.has("cache-control")) return response;
  try {
    response.headers.set("cache-control", NO_STORE);
    return response;
  } catch {
    // Headers of a fetched response are immutable: copy them into a new one.
    const headers = new Headers(response.headers);
    headers.set("cache-control", NO_STORE);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
