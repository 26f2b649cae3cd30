import { lookup as dnsLookup } from "node:dns/promises";
import { ipFamily, isBlockedAddress } from "./blocked-addresses";

/** Why a webhook URL may not be called; its message is shown in the delivery log. */
export class WebhookTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookTargetError";
  }
}

export type ResolvedTarget = { url: URL; address: string; family: 4 | 6 };
export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** The URL checks that need no DNS: http(s) only, no credentials; shown as field errors when an endpoint is made. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError("Enter a full URL, starting with https://");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new WebhookTargetError("Webhook URLs start with https:// (or http://)");
  if (url.username || url.password) throw new WebhookTargetError("Leave user names and passwords out of the URL");
  return url;
}

/**
 * Resolves the URL's host once and checks every address it gives: one blocked address refuses the target (a name
 * that resolves to both a public and a private address is not trusted). The caller connects to the returned
 * address itself, so a second DNS answer (rebinding) can never switch it to another machine.
 */
export async function resolveWebhookTarget(
  raw: string,
  options: { allowPrivate: boolean; lookup?: Lookup },
): Promise<ResolvedTarget> {
  const url = parseWebhookUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = ipFamily(host);
  const addresses = literal
    ? [{ address: host, family: literal }]
    : await (options.lookup ?? systemLookup)(host).catch(() => {
        throw new WebhookTargetError(`The host ${host} could not be found`);
      });
  if (addresses.length === 0) throw new WebhookTargetError(`The host ${host} could not be found`);
  if (!options.allowPrivate) {
    const blocked = addresses.find((a) => isBlockedAddress(a.address));
    if (blocked)
      throw new WebhookTargetError(
        `Refused: ${host} is a private, loopback or link-local address (${blocked.address}). ` +
          "Self-hosted servers can allow these with WEBHOOKS_ALLOW_PRIVATE_TARGETS=1.",
      );
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
