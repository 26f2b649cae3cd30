import type { Database } from "@/lib/db";
import { enforceRateLimits, HOUR_MS } from "@/lib/auth/rate-limit";
import { env } from "@/lib/env";
import { hashInvitationToken } from "./invitation-token";

export const INVITATION_RATE_LIMITED_MESSAGE =
  "Too many invitation links were tried from your network. Wait an hour and try again, or ask the workspace owner to send the invitation again.";

/**
 * Counts one look at, or accept of, an invitation link against the client's address and against that link (429
 * beyond either limit). The accept page says whether a token is valid, so without this it would answer guesses as
 * fast as anyone asks; the per-link bucket also stops one link being hammered from many addresses. The link's bucket
 * is keyed by its hash, so rate_limit_hits never holds a usable token.
 */
export async function limitInvitationTries(db: Database, token: string, ip: string): Promise<void> {
  const e = env();
  await enforceRateLimits(
    db,
    [
      { bucket: `invite:ip:${ip}`, limit: e.INVITE_MAX_PER_IP_PER_HOUR, windowMs: HOUR_MS },
      {
        bucket: `invite:token:${hashInvitationToken(token).slice(0, 32)}`,
        limit: e.INVITE_MAX_PER_LINK_PER_HOUR,
        windowMs: HOUR_MS,
      },
    ],
    INVITATION_RATE_LIMITED_MESSAGE,
  );
}
