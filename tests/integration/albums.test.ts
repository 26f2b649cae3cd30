import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DEV_OUTBOX = "on";
});

import { GET as itemFile } from "@/app/api/s/[token]/items/[itemId]/[variant]/route";
import { POST as guestComment } from "@/app/api/s/[token]/items/[itemId]/comments/route";
import { POST as guestDecision } from "@/app/api/s/[token]/items/[itemId]/decision/route";
import { PATCH as guestResolve } from "@/app/api/s/[token]/comments/[commentId]/route";
import { GET as guestReviews } from "@/app/api/s/[token]/reviews/route";
import { POST as unlock } from "@/app/api/s/[token]/unlock/route";
import { addAlbumItems, createAlbum, getAlbum, listAlbums, updateAlbum } from "@/lib/albums/album-service";
import { loadGuestReviews } from "@/lib/albums/guest-album";
import { sendReviewDigest } from "@/lib/albums/review-notifications";
import { addComment, decide, memberTarget } from "@/lib/albums/review-service";
import { resolveShareLink, UNLOCK_LIMITS } from "@/lib/albums/share-access";
import {
  createShareLink,
  inviteGuests,
  listAlbumActivity,
  listLiveLinks,
  revokeShareLink,
  updateShareLink,
} from "@/lib/albums/share-link-service";
import { hashShareToken } from "@/lib/albums/share-token";
import { memberCaller } from "@/lib/auth/caller";
import { albumLinks, mailOutbox, memberships, renderBatches, renderOutputs } from "@/lib/db/schema";
import { toAppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { stopBoss } from "@/lib/jobs/boss";
import { setStorageForTests } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * Share albums on a real Postgres, real storage and the real route handlers: hashed tokens, expiry, revoke,
 * passwords (wrong, rate-limited), downloads off, a guest held to one album, review states and batched mail.
 */
let storage: LocalStorage;
let storageDir: string;
const ORIGIN = "http://localhost:3000";

beforeAll(() => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "plinth-albums-"));
  storage = new LocalStorage(storageDir);
  setStorageForTests(storage);
});
afterAll(async () => {
  setStorageForTests(undefined);
  fs.rmSync(storageDir, { recursive: true, force: true });
  await stopBoss();
});

const WIDTH = 3000;
const HEIGHT = 2000;

/** A done output with a real PNG (a flat mid-grey picture, so a watermark shows as changed pixels). */
async function seedOutput(workspaceId: string) {
  const batchId = newId("rbt");
  const id = newId("rnd");
  const fileKey = `workspaces/${workspaceId}/renders/${batchId}/${id}.png`;
  const png = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: "#808080" } })
    .png()
    .toBuffer();
  await storage.put(fileKey, new Uint8Array(png));
  await db().insert(renderBatches).values({
    id: batchId,
    workspaceId,
    format: "png",
    quality: "final",
    sceneName: "Studio",
    productName: "Can",
  });
  await db().insert(renderOutputs).values({
    id,
    batchId,
    workspaceId,
    label: "3:2",
    width: WIDTH,
    height: HEIGHT,
    snapshot: {},
    fileName: "can-3x2.png",
    status: "done",
    fileKey,
  });
  return id;
}

async function workspaceWithAlbum(prefix: string, outputs = 2) {
  const owner = await seedOwner(prefix);
  const ctx = ownerCaller(owner);
  const outputIds: string[] = [];
  for (let i = 0; i < outputs; i++) outputIds.push(await seedOutput(owner.workspaceId));
  const album = await createAlbum(db(), ctx, { title: `${prefix} launch` });
  const filled = await addAlbumItems(db(), ctx, album.id, { outputIds });
  return { owner, ctx, album: filled, outputIds };
}

const tokenOf = (p: string) => p.replace(/^\/s\//, "");
const call = (
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers type their params each their own way
  handler: (r: Request, c: { params: Promise<any> }) => Promise<Response>,
  params: Record<string, string>,
  init: { method?: string; body?: unknown; cookie?: string; ip?: string } = {},
) => {
  // No Origin: a request without a session cookie acts for nobody (lib/http/same-origin.ts), like an API client.
  const headers = new Headers({ "x-plinth-client-ip": init.ip ?? "203.0.113.9" });
  if (init.body !== undefined) headers.set("content-type", "application/json");
  if (init.cookie) headers.set("cookie", init.cookie);
  return handler(
    new Request(`${ORIGIN}/api/s/x`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(params) },
  );
};
const file = (token: string, itemId: string, variant: string, cookie?: string) =>
  call(itemFile, { token, itemId, variant }, { cookie });

async function rejection(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeTruthy();
  return toAppError(err);
}

describe("albums", () => {
  it("keep a title, a cover and an order; only the workspace's own outputs go in", async () => {
    const { ctx, album, outputIds } = await workspaceWithAlbum("album-order", 3);
    expect(album.items.map((i) => i.subjectId)).toEqual(outputIds);
    const reversed = [...album.items].reverse().map((i) => i.id);
    const updated = await updateAlbum(db(), ctx, album.id, {
      title: "Spring",
      order: reversed,
      coverItemId: reversed[1],
    });
    expect(updated.title).toBe("Spring");
    expect(updated.items.map((i) => i.id)).toEqual(reversed);
    expect(updated.cover?.id).toBe(reversed[1]);
    // An order that leaves an item out is refused, nothing changes.
    expect((await rejection(updateAlbum(db(), ctx, album.id, { order: reversed.slice(1) }))).status).toBe(409);
    // Another workspace's output id is 404, and adding twice keeps one.
    const other = await workspaceWithAlbum("album-order-other", 1);
    expect((await rejection(addAlbumItems(db(), ctx, album.id, { outputIds: [other.outputIds[0]] }))).status).toBe(404);
    const again = await addAlbumItems(db(), ctx, album.id, { outputIds: [outputIds[0]] });
    expect(again.items).toHaveLength(3);
    // Another workspace cannot read or change it.
    expect((await rejection(getAlbum(db(), other.ctx, album.id))).status).toBe(404);
    expect((await listAlbums(db(), other.ctx)).map((a) => a.id)).not.toContain(album.id);
    // A viewer member may look but not manage.
    const viewer = memberCaller(other.owner.userId, ctx.workspaceId, "viewer");
    expect((await rejection(updateAlbum(db(), viewer, album.id, { title: "x" }))).status).toBe(403);
  });
});

describe("share links", () => {
  it("are 256 random bits stored only as SHA-256; guessed, tampered or hashed tokens open nothing", async () => {
    const { ctx, album } = await workspaceWithAlbum("share-token");
    const { path: p, link } = await createShareLink(db(), ctx, album.id, {});
    const token = tokenOf(p);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db().select().from(albumLinks).where(eq(albumLinks.id, link.id));
    expect(row.tokenHash).toBe(hashShareToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(link)).not.toContain(token);
    const itemId = album.items[0].id;
    expect((await file(token, itemId, "thumb")).status).toBe(200);
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const guess of [flipped, row.tokenHash, link.id, "A".repeat(43), token.slice(0, 42), `${token}A`]) {
      expect((await file(guess, itemId, "thumb")).status, guess).toBe(404);
    }
    // Two links of one album never share a token.
    const second = await createShareLink(db(), ctx, album.id, {});
    expect(tokenOf(second.path)).not.toBe(token);
  });

  it("expire after 30 days by default, the expiry is editable, and an expired link is 404", async () => {
    const { ctx, album } = await workspaceWithAlbum("share-expiry");
    const { path: p, link } = await createShareLink(db(), ctx, album.id, {});
    const days = (Date.parse(link.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const longer = await updateShareLink(db(), ctx, link.id, { expiresInDays: 90 });
    expect((Date.parse(longer.expiresAt!) - Date.now()) / 86_400_000).toBeGreaterThan(89.9);
    await db()
      .update(albumLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(albumLinks.id, link.id));
    expect(await resolveShareLink(db(), tokenOf(p))).toBeNull();
    expect((await file(tokenOf(p), album.items[0].id, "thumb")).status).toBe(404);
    expect((await listLiveLinks(db(), ctx)).map((l) => l.id)).not.toContain(link.id);
  });

  it("stop at once when revoked, and leave the list of live links", async () => {
    const { ctx, album } = await workspaceWithAlbum("share-revoke");
    const { path: p, link } = await createShareLink(db(), ctx, album.id, { allowDownloads: true });
    const token = tokenOf(p);
    expect((await listLiveLinks(db(), ctx)).map((l) => l.id)).toEqual([link.id]);
    expect((await file(token, album.items[0].id, "download")).status).toBe(200);
    const other = await workspaceWithAlbum("share-revoke-other", 1);
    expect((await rejection(revokeShareLink(db(), other.ctx, link.id))).status).toBe(404);
    await revokeShareLink(db(), ctx, link.id);
    expect((await file(token, album.items[0].id, "download")).status).toBe(404);
    expect((await file(token, album.items[0].id, "thumb")).status).toBe(404);
    expect(await listLiveLinks(db(), ctx)).toEqual([]);
  });

  it("with a password: locked until typed, a wrong one is refused, and tries are rate-limited", async () => {
    const { ctx, album } = await workspaceWithAlbum("share-password");
    const { path: p } = await createShareLink(db(), ctx, album.id, { password: "open sesame" });
    const token = tokenOf(p);
    const itemId = album.items[0].id;
    expect((await file(token, itemId, "thumb")).status).toBe(401);
    const wrong = await call(unlock, { token }, { method: "POST", body: { password: "guess" } });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.message).toMatch(/password/i);
    const right = await call(unlock, { token }, { method: "POST", body: { password: "open sesame" } });
    expect(right.status).toBe(200);
    const cookie = right.headers.get("set-cookie")!.split(";")[0];
    expect(right.headers.get("set-cookie")).toMatch(/HttpOnly/);
    expect((await file(token, itemId, "thumb", cookie)).status).toBe(200);
    // A forged cookie (right name, made-up value) opens nothing.
    expect((await file(token, itemId, "thumb", `${cookie.split("=")[0]}=forged`)).status).toBe(401);
    // Guessing from many addresses: the link's own budget runs out, then even the right password is refused (429).
    for (let i = 0; i < UNLOCK_LIMITS.perLink; i++) {
      await call(unlock, { token }, { method: "POST", body: { password: `guess-${i}` }, ip: `198.51.100.${i}` });
    }
    const limited = await call(
      unlock,
      { token },
      { method: "POST", body: { password: "open sesame" }, ip: "192.0.2.1" },
    );
    expect(limited.status).toBe(429);
  });
});

describe("a guest", () => {
  it("sees watermarked previews and is refused downloads when they are off", async () => {
    const { ctx, album } = await workspaceWithAlbum("share-downloads");
    const off = tokenOf((await createShareLink(db(), ctx, album.id, { allowDownloads: false })).path);
    const on = tokenOf((await createShareLink(db(), ctx, album.id, { allowDownloads: true })).path);
    const web = tokenOf(
      (await createShareLink(db(), ctx, album.id, { allowDownloads: true, downloadSize: "web" })).path,
    );
    const itemId = album.items[0].id;
    const refused = await file(off, itemId, "download");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-disposition")).toBeNull();
    // Previews: noindex, no-store; with downloads off a watermark changes the flat grey picture.
    const plain = await file(on, itemId, "view");
    const marked = await file(off, itemId, "view");
    for (const res of [plain, marked]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("no-store");
      expect(res.headers.get("x-robots-tag")).toContain("noindex");
    }
    const stats = async (res: Response) => sharp(Buffer.from(await res.arrayBuffer())).stats();
    const [plainStats, markedStats] = [await stats(plain), await stats(marked)];
    expect(plainStats.channels[0].stdev).toBeLessThan(2);
    expect(markedStats.channels[0].stdev).toBeGreaterThan(3);
    // Downloads on: the original, as an attachment; web size: at most 2048 px.
    const original = await file(on, itemId, "download");
    expect(original.status).toBe(200);
    expect(original.headers.get("content-disposition")).toMatch(/attachment/);
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(WIDTH);
    const small = await file(web, itemId, "download");
    expect(
      small.status,
      await small
        .clone()
        .text()
        .then((t) => t.slice(0, 200)),
    ).toBe(200);
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(2048);
    // The download is in the album's log, by link.
    const log = await listAlbumActivity(db(), ctx, album.id);
    expect(log.filter((e) => e.kind === "download")).toHaveLength(2);
  });

  it("opens only their album's items: another album's and another workspace's ids are 404", async () => {
    const a = await workspaceWithAlbum("share-scope");
    const token = tokenOf(
      (await createShareLink(db(), a.ctx, a.album.id, { allowDownloads: true, allowReview: true })).path,
    );
    const sibling = await createAlbum(db(), a.ctx, { title: "Unreleased" });
    const secret = await addAlbumItems(db(), a.ctx, sibling.id, { outputIds: [await seedOutput(a.owner.workspaceId)] });
    const b = await workspaceWithAlbum("share-scope-b", 1);
    for (const foreign of [secret.items[0].id, b.album.items[0].id, a.outputIds[0], "ali_doesnotexist"]) {
      for (const variant of ["thumb", "view", "download"]) {
        expect((await file(token, foreign, variant)).status, `${foreign} ${variant}`).toBe(404);
      }
      const c = await call(guestComment, { token, itemId: foreign }, { method: "POST", body: { body: "hi" } });
      expect(c.status).toBe(404);
    }
    expect((await file(token, a.album.items[0].id, "nonsense")).status).toBe(404);
  });

  it("reviews only their album: decisions and resolves elsewhere are 404, other albums' comments are not listed", async () => {
    const a = await workspaceWithAlbum("share-review-scope");
    const token = tokenOf((await createShareLink(db(), a.ctx, a.album.id, { allowReview: true })).path);
    const sibling = await createAlbum(db(), a.ctx, { title: "Unreleased" });
    const secret = await addAlbumItems(db(), a.ctx, sibling.id, { outputIds: [await seedOutput(a.owner.workspaceId)] });
    const secretTarget = await memberTarget(db(), a.ctx, { outputId: secret.items[0].subjectId, albumId: sibling.id });
    const hidden = await addComment(db(), a.ctx, secretTarget, { body: "Embargoed until May" });
    const b = await workspaceWithAlbum("share-review-scope-b", 1);
    for (const foreign of [secret.items[0].id, b.album.items[0].id, a.outputIds[0]]) {
      const d = await call(guestDecision, { token, itemId: foreign }, { method: "POST", body: { state: "approved" } });
      expect(d.status, foreign).toBe(404);
    }
    const resolve = await call(
      guestResolve,
      { token, commentId: hidden.id },
      { method: "PATCH", body: { resolved: true } },
    );
    expect(resolve.status).toBe(404);
    const listed = (await (await call(guestReviews, { token })).json()) as { comments: { id: string }[] };
    expect(listed.comments.map((c) => c.id)).not.toContain(hidden.id);
    expect(JSON.stringify(listed)).not.toContain("Embargoed");
    // Nothing changed: the other album's item has no decision and its comment is still open.
    expect((await getAlbum(db(), a.ctx, sibling.id)).review.approved).toBe(0);
  });
});

describe("review", () => {
  it("records Approved / Changes requested by members and invited guests, newest wins, '1 of 2 approved'", async () => {
    const { owner, ctx, album, outputIds } = await workspaceWithAlbum("review-states");
    const [invited] = await inviteGuests(db(), ctx, album.id, { emails: ["Client@Example.com"] });
    expect(invited.link.guestEmail).toBe("client@example.com");
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, "client@example.com"));
    const link = /\/s\/([A-Za-z0-9_-]{43})/.exec(mails.at(-1)!.body)!;
    const token = link[1];
    const itemA = album.items[0].id;
    const d1 = await call(
      guestDecision,
      { token, itemId: itemA },
      { method: "POST", body: { state: "changes_requested" } },
    );
    expect(d1.status).toBe(200);
    expect(await d1.json()).toMatchObject({ state: "changes_requested", by: "client@example.com" });
    await decide(db(), ctx, await memberTarget(db(), ctx, { outputId: outputIds[0], albumId: album.id }), {
      state: "approved",
    });
    const resolved = await resolveShareLink(db(), token);
    if (resolved?.state !== "open") throw new Error("the invited guest's link should open");
    const reviews = await loadGuestReviews(db(), resolved.caller);
    expect(reviews.summary).toEqual({ approved: 1, changesRequested: 0, total: 2 });
    expect(reviews.states[outputIds[0]]).toMatchObject({ state: "approved", by: `Test review-states` });
    const shown = await getAlbum(db(), ctx, album.id);
    expect(shown.items.map((i) => i.state)).toEqual(["approved", null]);
    // A plain link without review cannot decide; a bad state is 422.
    const plain = tokenOf((await createShareLink(db(), ctx, album.id, {})).path);
    expect(
      (await call(guestDecision, { token: plain, itemId: itemA }, { method: "POST", body: { state: "approved" } }))
        .status,
    ).toBe(403);
    expect(
      (await call(guestDecision, { token, itemId: itemA }, { method: "POST", body: { state: "maybe" } })).status,
    ).toBe(422);
    void owner;
  });

  it("pins comments to 0-1 points or video times, with replies; pins outside the picture are refused", async () => {
    const { ctx, album, outputIds } = await workspaceWithAlbum("review-pins", 1);
    const target = await memberTarget(db(), ctx, { outputId: outputIds[0], albumId: album.id });
    const c = await addComment(db(), ctx, target, { body: "Logo is cut", pin: { x: 0.25, y: 0.6 } });
    expect(c.pin).toEqual({ x: 0.25, y: 0.6 });
    const reply = await addComment(db(), ctx, target, { body: "Fixed", parentId: c.id, pin: { x: 0.1, y: 0.1 } });
    expect(reply).toMatchObject({ parentId: c.id, pin: null });
    const timed = await addComment(db(), ctx, target, { body: "Jump here", time: 2.5 });
    expect(timed.time).toBe(2.5);
    expect((await rejection(addComment(db(), ctx, target, { body: "x", pin: { x: 1.2, y: 0.5 } }))).status).toBe(422);
    expect((await rejection(addComment(db(), ctx, target, { body: "x", parentId: reply.id }))).status).toBe(422);
  });

  it("batches notifications: three comments in a burst are one queued job and one mail", async () => {
    const { owner, ctx, album, outputIds } = await workspaceWithAlbum("review-batch", 1);
    // A second member who hears about the first one's comments.
    const colleague = await seedOwner("review-batch-colleague");
    await db().insert(memberships).values({ workspaceId: owner.workspaceId, userId: colleague.userId, role: "editor" });
    const target = await memberTarget(db(), ctx, { outputId: outputIds[0], albumId: album.id });
    for (const body of ["Too dark", "Crop tighter", "Love the shadow"]) await addComment(db(), ctx, target, { body });
    const jobs = await db().execute(
      sql`select count(*)::int as n, min(start_after) > now() + interval '1 minute' as waits
          from pgboss.job where name = 'review-digest' and data->>'email' = ${colleague.email} and state = 'created'`,
    );
    expect(jobs.rows[0]).toEqual({ n: 1, waits: true });
    expect(await sendReviewDigest(db(), colleague.email)).toBe(3);
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, colleague.email));
    expect(mails).toHaveLength(1);
    for (const line of ["Too dark", "Crop tighter", "Love the shadow"]) expect(mails[0].body).toContain(line);
    // Sent lines are not sent again; the author hears nothing of their own comments.
    expect(await sendReviewDigest(db(), colleague.email)).toBe(0);
    expect(await sendReviewDigest(db(), owner.email)).toBe(0);
    expect(
      await db()
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.to, colleague.email))),
    ).toHaveLength(1);
  });
});
