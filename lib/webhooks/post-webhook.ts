import http from "node:http";
import https from "node:https";
import type { ResolvedTarget } from "./safe-target";

export type PostResult = { kind: "answered"; status: number; excerpt: string } | { kind: "no_answer"; error: string };

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Only the start of an answer is read (and the first 500 characters kept in the log); the rest is dropped. */
export const WEBHOOK_RESPONSE_CAP = 16 * 1024;
const EXCERPT_CHARS = 500;

/**
 * POSTs one signed webhook to the address already checked by resolveWebhookTarget: the socket connects to that
 * address (our own `lookup` answers with it), while Host and TLS SNI keep the URL's name. Redirects are not
 * followed (a 3xx is an answer, and a failure); the whole exchange has one deadline and the body a size cap.
 */
export function postWebhook(
  target: ResolvedTarget,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs?: number; maxBytes?: number } = {},
): Promise<PostResult> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? WEBHOOK_RESPONSE_CAP;
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve(result);
    };
    const request = client.request(
      target.url,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Plinth-Webhooks/1",
        },
        // Pinned: the connection goes to the checked address, whatever DNS says now.
        lookup: (_hostname, opts, callback) => {
          if ((opts as { all?: boolean }).all)
            (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
              { address: target.address, family: target.family },
            ]);
          else callback(null, target.address, target.family);
        },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish({
            kind: "answered",
            status: response.statusCode ?? 0,
            excerpt: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS),
          });
        response.on("data", (chunk: Buffer) => {
          if (size >= maxBytes) return;
          chunks.push(chunk.subarray(0, maxBytes - size));
          size += chunk.length;
          if (size >= maxBytes) done();
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const deadline = setTimeout(
      () => finish({ kind: "no_answer", error: `No answer within ${Math.round(timeoutMs / 1000)} s` }),
      timeoutMs,
    );
    request.on("error", (err) => finish({ kind: "no_answer", error: err.message }));
    request.end(body);
  });
}
