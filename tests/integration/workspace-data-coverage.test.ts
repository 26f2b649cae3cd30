import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { is } from "drizzle-orm";
import { PgTable as PgTableClass } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "@/lib/db/schema";
import { readDataMap } from "@/lib/workspace-data/data-map";
import { NOT_WORKSPACE_DATA, ROOT_TABLE, VIA_TABLES } from "@/lib/workspace-data/declared-tables";
import { db } from "./helpers";

/**
 * "The data is the owner's": every table that holds a workspace's data is in the export and in the delete.
 * Two enumerations that do not share code: the live database (information_schema, what export and delete read)
 * and the drizzle schema objects. A new table with a workspace_id column is covered by both automatically; any
 * other new table fails here until lib/workspace-data/declared-tables.ts says how it belongs to a workspace (a
 * path) or why it holds none (the allowlist, with a reason).
 */
const DECLARE = "declare it in lib/workspace-data/declared-tables.ts (VIA_TABLES or NOT_WORKSPACE_DATA with a reason)";

const drizzleTables = () =>
  (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTableClass)).map((t) => getTableConfig(t));

describe("workspace data coverage (schema enumeration)", () => {
  it("classifies every table of the live schema: none is left out of export and delete unexplained", async () => {
    const map = await readDataMap(db());
    expect(map.unclassified, `tables nobody declared: ${DECLARE}`).toEqual([]);
    const live = (
      (await db().execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )) as unknown as { rows: { table_name: string }[] }
    ).rows.map((r) => r.table_name);
    // No stale entries: each declaration names a table that exists.
    const declared = [...Object.keys(VIA_TABLES), ...Object.keys(NOT_WORKSPACE_DATA)];
    expect(declared.filter((t) => !live.includes(t))).toEqual([]);
    for (const [table, reason] of Object.entries(NOT_WORKSPACE_DATA)) expect(reason.length, table).toBeGreaterThan(20);
    expect(map.tables.length + map.notWorkspaceData.length).toBe(live.length);
  });

  it("every drizzle table with a workspace_id (and the workspaces root) is exported and deleted", async () => {
    const map = await readDataMap(db());
    const exported = new Set(map.tables.map((t) => t.name));
    const deleted = new Set(map.deleteOrder);
    const holding = drizzleTables()
      .filter((t) => t.name === ROOT_TABLE || t.columns.some((c) => c.name === "workspace_id"))
      .map((t) => t.name);
    expect(holding.length).toBeGreaterThan(10);
    expect(
      holding.filter((t) => !exported.has(t)),
      "missing from the export",
    ).toEqual([]);
    expect(
      holding.filter((t) => !deleted.has(t)),
      "missing from the delete",
    ).toEqual([]);
    expect(map.deleteOrder.at(-1)).toBe(ROOT_TABLE);
  });

  it("a table pointing at workspace data is declared as such, never allowlisted as holding none", async () => {
    const map = await readDataMap(db());
    const scoped = new Set(map.tables.filter((t) => t.deleted === true).map((t) => t.name));
    const pointing = drizzleTables()
      .filter((t) => !t.columns.some((c) => c.name === "workspace_id") && t.name !== ROOT_TABLE)
      .filter((t) => t.foreignKeys.some((fk) => scoped.has(getTableConfig(fk.reference().foreignTable).name)))
      .map((t) => t.name);
    expect(
      pointing.filter((t) => t in NOT_WORKSPACE_DATA || !(t in VIA_TABLES)),
      `rows of these tables belong to a workspace through a foreign key: ${DECLARE}`,
    ).toEqual([]);
  });

  it("deletes children before the tables they point at, so no foreign key blocks a delete", async () => {
    const map = await readDataMap(db());
    const fks = (
      (await db().execute(
        sql`select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
      )) as unknown as { rows: { child: string; parent: string }[] }
    ).rows;
    const at = new Map(map.deleteOrder.map((t, i) => [t, i]));
    const wrong = fks.filter(
      (fk) => fk.child !== fk.parent && at.has(fk.child) && at.has(fk.parent) && at.get(fk.child)! > at.get(fk.parent)!,
    );
    expect(wrong).toEqual([]);
  });

  it("sees a table added later: with workspace_id it is covered, without one it is unclassified (the suite fails)", async () => {
    const rollback = new Error("rollback");
    await db()
      .transaction(async (tx) => {
        await tx.execute(sql`create table probe_items (id text primary key, workspace_id text not null)`);
        await tx.execute(sql`create table probe_notes (id text primary key, item_id text references probe_items(id))`);
        const map = await readDataMap(tx);
        expect(map.tables.find((t) => t.name === "probe_items")).toMatchObject({ scope: "direct", deleted: true });
        expect(map.deleteOrder).toContain("probe_items");
        expect(map.unclassified).toEqual(["probe_notes"]);
        throw rollback;
      })
      .catch((err) => {
        if (err !== rollback) throw err;
      });
  });
});
