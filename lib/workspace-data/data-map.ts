import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { NOT_WORKSPACE_DATA, ROOT_TABLE, VIA_TABLES, isSecretColumn } from "./declared-tables";

/** A table as export and delete see it. */
export type DataTable = {
  name: string;
  /** "direct": a workspace_id column; "via": a declared path (VIA_TABLES); "root": the workspaces table. */
  scope: "direct" | "via" | "root";
  /** Exported columns (secret ones left out), in table order. */
  columns: string[];
  /** Left out of the export (isSecretColumn). */
  secretColumns: string[];
  /** Deleted with the workspace, or why not. */
  deleted: true | string;
};

/** What the live schema says: every public table, classified; `unclassified` must be empty (the coverage test). */
export type DataMap = {
  tables: DataTable[];
  /** Tables in the order they are deleted: children before the parents they point at, the root last. */
  deleteOrder: string[];
  notWorkspaceData: string[];
  unclassified: string[];
};

type Row = Record<string, unknown>;
const rowsOf = <T extends Row>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Reads the schema from Postgres (information_schema and pg_constraint), so a table another branch adds is seen
 * without any edit here: with a workspace_id column it is exported and deleted by it.
 */
export async function readDataMap(db: Database): Promise<DataMap> {
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`),
  );
  const foreignKeys = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`
      select conrelid::regclass::text as child, confrelid::regclass::text as parent
      from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`),
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) {
    byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
  }

  const tables: DataTable[] = [];
  const notWorkspaceData: string[] = [];
  const unclassified: string[] = [];
  for (const [name, cols] of byTable) {
    const describe = (scope: DataTable["scope"], deleted: true | string): DataTable => ({
      name,
      scope,
      columns: cols.filter((c) => !isSecretColumn(c)),
      secretColumns: cols.filter(isSecretColumn),
      deleted,
    });
    if (name === ROOT_TABLE) tables.push(describe("root", true));
    else if (cols.includes("workspace_id")) tables.push(describe("direct", true));
    else if (VIA_TABLES[name]) tables.push(describe("via", VIA_TABLES[name].delete));
    else if (NOT_WORKSPACE_DATA[name]) notWorkspaceData.push(name);
    else unclassified.push(name);
  }
  tables.sort((a, b) => a.name.localeCompare(b.name));
  const deleted = tables.filter((t) => t.deleted === true && t.scope !== "root").map((t) => t.name);
  return {
    tables,
    deleteOrder: [...childrenFirst(deleted, foreignKeys), ROOT_TABLE],
    notWorkspaceData: notWorkspaceData.sort(),
    unclassified: unclassified.sort(),
  };
}

/** Topological order over the foreign keys among `names`: a table comes before every table it points at. */
function childrenFirst(names: string[], foreignKeys: { child: string; parent: string }[]): string[] {
  const set = new Set(names);
  const out: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  // Visit a table's children (tables pointing at it) before it; a cycle is cut where it closes (cascades resolve it).
  const visit = (name: string) => {
    if (state.get(name)) return;
    state.set(name, "visiting");
    for (const fk of foreignKeys) if (fk.parent === name && fk.child !== name && set.has(fk.child)) visit(fk.child);
    state.set(name, "done");
    out.push(name);
  };
  for (const name of [...names].sort()) visit(name);
  return out;
}

/** The condition that picks the workspace's rows of `table` (aliased `alias`). */
export function workspaceScope(
  table: DataTable["name"],
  scope: DataTable["scope"],
  alias: string,
  workspaceId: string,
): SQL {
  const a = sql.raw(alias);
  if (scope === "root") return sql`${a}.id = ${workspaceId}`;
  if (scope === "direct") return sql`${a}.workspace_id = ${workspaceId}`;
  const via = VIA_TABLES[table];
  const parentAlias = `${alias}_p`;
  const parentScope = VIA_TABLES[via.parent] ? "via" : via.parent === ROOT_TABLE ? "root" : "direct";
  return sql`exists (select 1 from ${sql.identifier(via.parent)} ${sql.raw(parentAlias)} where ${sql.raw(parentAlias)}.${sql.identifier(via.parentColumn)} = ${a}.${sql.identifier(via.column)} and ${workspaceScope(via.parent, parentScope, parentAlias, workspaceId)})`;
}

/** The workspace's rows of one table, as JSON values (timestamps as ISO strings), secret columns left out. */
export async function readWorkspaceRows(db: Database, table: DataTable, workspaceId: string): Promise<Row[]> {
  const rows = rowsOf<{ row: Row }>(
    await db.execute(
      sql`select to_jsonb(t) as row from ${sql.identifier(table.name)} t where ${workspaceScope(table.name, table.scope, "t", workspaceId)}`,
    ),
  );
  return rows.map(({ row }) => {
    for (const secret of table.secretColumns) delete row[secret];
    return row;
  });
}

/** How many of the workspace's rows a table holds (tests and the delete's own check). */
export async function countWorkspaceRows(db: Database, table: DataTable, workspaceId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table.name)} t where ${workspaceScope(table.name, table.scope, "t", workspaceId)}`,
    ),
  );
  return row.n;
}
