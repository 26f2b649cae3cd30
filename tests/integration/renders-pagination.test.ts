import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { renderBatches } from "@/lib/db/schema";
import { listRendersPage } from "@/lib/renders/render-service";
import { encodeRendersCursor, rendersCursorParam } from "@/lib/renders/renders-cursor";
import { db, seedOwner } from "./helpers";

/**
 * The Renders list pages by (created_at, id): every export appears exactly once, in order, however the pages are cut,
 * even when exports share a timestamp to the microsecond or a new one arrives between two pages.
 */
async function addBatches(workspaceId: string, ids: string[], createdAt: (i: number) => Date) {
  await db()
    .insert(renderBatches)
    .values(
      ids.map((id, i) => ({
        id,
        workspaceId,
        sceneName: "Scene",
        productName: "Box",
        format: "png" as const,
        quality: "draft" as const,
        createdAt: createdAt(i),
      })),
    );
}

async function readAll(workspaceId: string, limit: number, between?: () => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listRendersPage(db(), workspaceId, cursor ? rendersCursorParam.parse(cursor) : null, limit);
    seen.push(...page.batches.map((b) => b.id));
    cursor = page.nextCursor;
    await between?.();
  } while (cursor);
  return seen;
}

describe("renders list pagination", () => {
  it("shows every export once, newest first, with ties on created_at broken by id", async () => {
    const owner = await seedOwner("renders-pages");
    const base = Date.now() - 3_600_000;
    const ids = Array.from(
      { length: 23 },
      (_, i) => `bat_p${String(i).padStart(2, "0")}_${owner.workspaceId.slice(3)}`,
    );
    // Groups of three share one timestamp exactly.
    await addBatches(owner.workspaceId, ids, (i) => new Date(base + Math.floor(i / 3) * 1000));
    const expected = [...ids].sort((a, b) => {
      const ta = Math.floor(ids.indexOf(a) / 3);
      const tb = Math.floor(ids.indexOf(b) / 3);
      return tb - ta || (a < b ? 1 : -1);
    });
    for (const limit of [1, 4, 10, 23, 50]) expect(await readAll(owner.workspaceId, limit)).toEqual(expected);
  });

  it("keeps microseconds in the cursor: batches a few microseconds apart are neither repeated nor skipped", async () => {
    const owner = await seedOwner("renders-micro");
    const ws = owner.workspaceId;
    await db().execute(sql`
      insert into render_batches (id, workspace_id, scene_name, product_name, format, quality, created_at)
      select 'bat_us' || i || '_' || ${ws.slice(3)}, ${ws}, 'S', 'P', 'png', 'draft',
             timestamptz '2026-01-01 10:00:00.123000+00' + i * interval '1 microsecond'
      from generate_series(1, 7) as i`);
    const seen = await readAll(ws, 2);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("a new export made while someone pages does not shift older ones into a second appearance", async () => {
    const owner = await seedOwner("renders-live");
    const base = Date.now() - 3_600_000;
    const ids = Array.from({ length: 9 }, (_, i) => `bat_l${i}_${owner.workspaceId.slice(3)}`);
    await addBatches(owner.workspaceId, ids, (i) => new Date(base + i * 1000));
    let added = 0;
    const seen = await readAll(owner.workspaceId, 3, async () => {
      if (added++ === 0)
        await addBatches(owner.workspaceId, [`bat_new_${owner.workspaceId.slice(3)}`], () => new Date());
    });
    expect(seen).toEqual([...ids].reverse());
  });

  it("refuses a tampered cursor with a message, and another workspace's cursor shows nothing of it", async () => {
    expect(() => rendersCursorParam.parse("not-a-cursor")).toThrow(/not valid/);
    expect(() => rendersCursorParam.parse(Buffer.from('{"t":"x","id":"y"}').toString("base64url"))).toThrow(
      /not valid/,
    );
    const a = await seedOwner("renders-a");
    const b = await seedOwner("renders-b");
    await addBatches(a.workspaceId, [`bat_a_${a.workspaceId.slice(3)}`], () => new Date());
    const cursor = encodeRendersCursor({ createdAt: "2999-01-01T00:00:00.000000Z", id: "bat_zzz" });
    const page = await listRendersPage(db(), b.workspaceId, rendersCursorParam.parse(cursor));
    expect(page.batches).toEqual([]);
  });
});
