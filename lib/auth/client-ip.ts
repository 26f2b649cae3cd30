/**
 * The server (scripts/server.ts) stamps x-plinth-client-ip from the socket, or
 * from X-Forwarded-For only when TRUST_PROXY=1, so a client cannot dodge the
 * per-IP limit by sending its own header.
 */
export function clientIpFromHeaders(headers: Record<string, unknown> | Headers): string {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : (headers[name] as string | string[] | undefined);
  const value = get("x-plinth-client-ip");
  const ip = Array.isArray(value) ? value[0] : value;
  return ip && ip.length <= 64 ? ip : "unknown";
}
