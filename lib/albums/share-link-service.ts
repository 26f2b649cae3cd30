import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { actingUserId, assertCan, type WorkspaceCaller } from "@/lib/auth/caller";
import { hashPassword } from "@/lib/auth/passwords";
import type { Database } from "@/lib/db";
import { albumEvents, albumLinks, albums, type AlbumLinkRow } from "@/lib/db/schema";
import { appUrl } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { sendMail } from "@/lib/mail/send-mail";
import { hashShareToken, newShareToken, sharePath, shareTokenHint } from "./share-token";

export const DEFAULT_LINK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const linkOptions = {
  /** Days until the link stops working; null: never. Defaults to 30. */
  expiresInDays: z.number().int().min(1, "At least one day.").max(365, "At most a year.").nullable().default(30),
  allowDownloads: z.boolean().default(false),
  downloadSize: z.enum(["original", "web"]).default("original"),
};
export const createLinkSchema = z
  .object({
    ...linkOptions,
    password: z.string().min(6, "At least 6 characters.").max(200).optional(),
    allowReview: z.boolean().default(false),
  })
  .strict();
export const inviteGuestsSchema = z
  .object({
    ...linkOptions,
    emails: z
      .array(z.string().trim().toLowerCase().email("Enter valid email addresses."))
      .min(1, "Enter at least one email address.")
      .max(20, "At most 20 people at once."),
    allowReview: z.boolean().default(true),
  })
  .strict();
export const updateLinkSchema = z
  .object({
    expiresInDays: linkOptions.expiresInDays.optional(),
    allowDownloads: z.boolean().optional(),
    downloadSize: linkOptions.downloadSize.optional(),
  })
  .strict();

export type ShareLinkSummary = {
  id: string;
  albumId: string;
  albumTitle: string;
  tokenHint: string;
  guestEmail: string | null;
  expiresAt: string | null;
  hasPassword: boolean;
  allowDownloads: boolean;
  downloadSize: "original" | "web";
  allowReview: boolean;
  createdAt: string;
};

function toSummary(row: AlbumLinkRow, albumTitle: string): ShareLinkSummary {
  return {
    id: row.id,
    albumId: row.albumId,
    albumTitle,
    tokenHint: row.tokenHint,
    guestEmail: row.guestEmail,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    hasPassword: Boolean(row.passwordHash),
    allowDownloads: row.allowDownloads,
    downloadSize: row.downloadSize,
    allowReview: row.allowReview,
    createdAt: row.createdAt.toISOString(),
  };
}

const expiryFrom = (days: number | null) => (days === null ? null : new Date(Date.now() + days * DAY_MS));

async function albumOf(db: Database, workspaceId: string, albumId: string) {
  const [album] = await db
    .select({ id: albums.id, title: albums.title })
    .from(albums)
    .where(and(eq(albums.workspaceId, workspaceId), eq(albums.id, albumId)))
    .limit(1);
  if (!album) throw notFound("Album");
  return album;
}

type LinkOptions = {
  expiresInDays: number | null;
  allowDownloads: boolean;
  downloadSize: (typeof albumLinks.$inferInsert)["downloadSize"];
  allowReview: boolean;
};

/** A new link row with a fresh token (only its hash and hint are stored); the token is returned to be shown once. */
async function insertLink(
  db: Database,
  caller: WorkspaceCaller,
  albumId: string,
  options: LinkOptions,
  extra: { passwordHash?: string | null; guestEmail?: string },
) {
  const token = newShareToken();
  const [row] = await db
    .insert(albumLinks)
    .values({
      id: newId("shl"),
      workspaceId: caller.workspaceId,
      albumId,
      tokenHash: hashShareToken(token),
      tokenHint: shareTokenHint(token),
      expiresAt: expiryFrom(options.expiresInDays),
      allowDownloads: options.allowDownloads,
      downloadSize: options.downloadSize,
      allowReview: options.allowReview,
      createdBy: actingUserId(caller),
      ...extra,
    })
    .returning();
  return { token, row };
}

/** A new link to the album; the link (with its token) is answered here once, only its hash is kept. */
export async function createShareLink(db: Database, caller: WorkspaceCaller, albumId: string, raw: unknown) {
  assertCan(caller, "albums.manage");
  const input = createLinkSchema.parse(raw);
  const album = await albumOf(db, caller.workspaceId, albumId);
  const { token, row } = await insertLink(db, caller, album.id, input, {
    passwordHash: input.password ? await hashPassword(input.password) : null,
  });
  return { link: toSummary(row, album.title), path: sharePath(token) };
}

/**
 * Shares the album with named people: each gets their own link by mail (through the mail outbox or SMTP), which
 * opens this album only, as a guest with their email as name. The links are never shown to the inviter.
 */
export async function inviteGuests(db: Database, caller: WorkspaceCaller, albumId: string, raw: unknown) {
  assertCan(caller, "albums.manage");
  const input = inviteGuestsSchema.parse(raw);
  const album = await albumOf(db, caller.workspaceId, albumId);
  const out: { link: ShareLinkSummary; mailed: boolean }[] = [];
  for (const email of [...new Set(input.emails)]) {
    const { token, row } = await insertLink(db, caller, album.id, input, { guestEmail: email });
    const mailed = await sendMail(db, {
      to: email,
      subject: `You are invited to review "${album.title}"`,
      body: [
        `You have been invited to the album "${album.title}".`,
        "",
        `Open it here (no account needed): ${appUrl()}${sharePath(token)}`,
        "",
        row.expiresAt ? `The link works until ${row.expiresAt.toUTCString()}.` : "",
        "If you did not expect this, ignore this mail.",
      ].join("\n"),
    });
    out.push({ link: toSummary(row, album.title), mailed });
  }
  return out;
}

/** Every link of the workspace that still opens its album (not revoked, not expired), newest first. */
export async function listLiveLinks(db: Database, caller: WorkspaceCaller, albumId?: string) {
  assertCan(caller, "albums.view");
  if (albumId) await albumOf(db, caller.workspaceId, albumId);
  const rows = await db
    .select({ link: albumLinks, albumTitle: albums.title })
    .from(albumLinks)
    .innerJoin(albums, eq(albums.id, albumLinks.albumId))
    .where(
      and(
        eq(albumLinks.workspaceId, caller.workspaceId),
        albumId ? eq(albumLinks.albumId, albumId) : undefined,
        isNull(albumLinks.revokedAt),
        or(isNull(albumLinks.expiresAt), gt(albumLinks.expiresAt, new Date())),
      ),
    )
    .orderBy(desc(albumLinks.createdAt), desc(albumLinks.id));
  return rows.map((r) => toSummary(r.link, r.albumTitle));
}

/** Revokes at once: the next request for its page or files answers 404. */
export async function revokeShareLink(db: Database, caller: WorkspaceCaller, linkId: string) {
  assertCan(caller, "albums.manage");
  const [row] = await db
    .update(albumLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(albumLinks.workspaceId, caller.workspaceId), eq(albumLinks.id, linkId), isNull(albumLinks.revokedAt)))
    .returning();
  if (!row) throw notFound("Link");
  return { id: row.id };
}

/** Expiry (counted from now), downloads on or off, download size. */
export async function updateShareLink(db: Database, caller: WorkspaceCaller, linkId: string, raw: unknown) {
  assertCan(caller, "albums.manage");
  const input = updateLinkSchema.parse(raw);
  const [row] = await db
    .update(albumLinks)
    .set({
      ...(input.expiresInDays !== undefined ? { expiresAt: expiryFrom(input.expiresInDays) } : {}),
      ...(input.allowDownloads !== undefined ? { allowDownloads: input.allowDownloads } : {}),
      ...(input.downloadSize !== undefined ? { downloadSize: input.downloadSize } : {}),
    })
    .where(and(eq(albumLinks.workspaceId, caller.workspaceId), eq(albumLinks.id, linkId), isNull(albumLinks.revokedAt)))
    .returning();
  if (!row) throw notFound("Link");
  const album = await albumOf(db, caller.workspaceId, row.albumId);
  return toSummary(row, album.title);
}

export type AlbumActivity = { kind: "view" | "download"; who: string; itemId: string | null; at: string };

/** Views and downloads of an album's guests: which link (its hint) or named guest, when; newest first. */
export async function listAlbumActivity(db: Database, caller: WorkspaceCaller, albumId: string, limit = 200) {
  assertCan(caller, "albums.view");
  await albumOf(db, caller.workspaceId, albumId);
  const rows = await db
    .select({
      kind: albumEvents.kind,
      itemId: albumEvents.itemId,
      at: albumEvents.createdAt,
      guestEmail: albumLinks.guestEmail,
      hint: albumLinks.tokenHint,
    })
    .from(albumEvents)
    .innerJoin(albumLinks, eq(albumLinks.id, albumEvents.linkId))
    .where(and(eq(albumEvents.workspaceId, caller.workspaceId), eq(albumEvents.albumId, albumId)))
    .orderBy(desc(albumEvents.createdAt))
    .limit(limit);
  return rows.map((r): AlbumActivity => ({
    kind: r.kind,
    who: r.guestEmail ?? `Link ${r.hint}…`,
    itemId: r.itemId,
    at: r.at.toISOString(),
  }));
}
