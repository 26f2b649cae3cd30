import { and, eq } from "drizzle-orm";
import { shareLinkCaller, type ShareLinkCaller } from "@/lib/auth/caller";
import { verifyPassword } from "@/lib/auth/passwords";
import { enforceRateLimits } from "@/lib/auth/rate-limit";
import type { Database } from "@/lib/db";
import { albumEvents, albumLinks, albums, type AlbumEventKind, type AlbumLinkRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { hashShareToken, isUnlockProof, isWellFormedShareToken, unlockCookieName, unlockProof } from "./share-token";

/** Wrong passwords a link takes per window (all addresses together), and one address across links. */
export const UNLOCK_LIMITS = { perLink: 10, perIp: 30, windowMs: 15 * 60 * 1000 };

export type ResolvedShareLink =
  | { state: "open"; caller: ShareLinkCaller; link: AlbumLinkRow; albumTitle: string }
  | { state: "locked"; link: AlbumLinkRow; albumTitle: string };

/**
 * What a share token opens: null (answered as 404, exactly like a token that never existed) when it is malformed,
 * unknown, revoked or expired; "locked" when the link has a password and `cookies` hold no proof of it; else the
 * link's caller: its album, its scopes.
 */
export async function resolveShareLink(
  db: Database,
  token: string | null | undefined,
  cookies: (name: string) => string | undefined = () => undefined,
): Promise<ResolvedShareLink | null> {
  if (!isWellFormedShareToken(token)) return null;
  const [found] = await db
    .select({ link: albumLinks, albumTitle: albums.title })
    .from(albumLinks)
    .innerJoin(albums, eq(albums.id, albumLinks.albumId))
    .where(eq(albumLinks.tokenHash, hashShareToken(token)))
    .limit(1);
  if (!found) return null;
  const { link, albumTitle } = found;
  if (link.revokedAt) return null;
  if (link.expiresAt && link.expiresAt.getTime() <= Date.now()) return null;
  if (link.passwordHash && !isUnlockProof(cookies(unlockCookieName(link.id)), link.id, link.passwordHash)) {
    return { state: "locked", link, albumTitle };
  }
  return { state: "open", caller: shareLinkCaller(link), link, albumTitle };
}

export type UnlockCookie = { name: string; value: string; maxAge: number };

/**
 * Checks a link's password: every try counts against the link and the address (429 past the limit, before the
 * password is even compared), a wrong one is 403, a right one gives the cookie that opens the link in this browser.
 */
export async function unlockShareLink(
  db: Database,
  token: string | null | undefined,
  password: string,
  ip: string,
): Promise<UnlockCookie> {
  const resolved = await resolveShareLink(db, token);
  if (!resolved) throw new AppError("not_found", "Not found.");
  const { link } = resolved;
  if (!link.passwordHash) throw new AppError("bad_request", "This link has no password.");
  await enforceRateLimits(
    db,
    [
      { bucket: `album-unlock:link:${link.id}`, limit: UNLOCK_LIMITS.perLink, windowMs: UNLOCK_LIMITS.windowMs },
      { bucket: `album-unlock:ip:${ip}`, limit: UNLOCK_LIMITS.perIp, windowMs: UNLOCK_LIMITS.windowMs },
    ],
    "Too many tries. Wait a few minutes and try again.",
  );
  if (!(await verifyPassword(password, link.passwordHash))) {
    throw new AppError("forbidden", "That password is not right.");
  }
  const untilExpiry = link.expiresAt ? Math.floor((link.expiresAt.getTime() - Date.now()) / 1000) : 30 * 86400;
  return {
    name: unlockCookieName(link.id),
    value: unlockProof(link.id, link.passwordHash),
    maxAge: Math.max(60, Math.min(untilExpiry, 30 * 86400)),
  };
}

/** One line of the album's activity log; never fails the request it describes. */
export async function recordAlbumEvent(db: Database, caller: ShareLinkCaller, kind: AlbumEventKind, itemId?: string) {
  await db
    .insert(albumEvents)
    .values({
      id: newId("aev"),
      workspaceId: caller.workspaceId,
      albumId: caller.albumId,
      linkId: caller.linkId,
      itemId: itemId ?? null,
      kind,
    })
    .catch((err: unknown) => console.warn("[albums] could not record an event", err));
}

/** The link row again, by the caller (a revoke between two requests is seen by the second). */
export async function findLiveLinkOf(db: Database, caller: ShareLinkCaller) {
  const [row] = await db
    .select()
    .from(albumLinks)
    .where(and(eq(albumLinks.id, caller.linkId), eq(albumLinks.workspaceId, caller.workspaceId)))
    .limit(1);
  return row && !row.revokedAt ? row : null;
}
