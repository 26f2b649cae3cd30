import { Client } from "pg";

/**
 * What a busy workspace's pages show, written straight into the bench database (no model processing, no rendering):
 * products, scenes and finished exports. The files behind them do not exist; the pages only list them.
 */
export type PageSeed = { products: number; batches: number; outputsPerBatch: number };

/** Adds `seed` to a workspace; returns nothing the pages need (they read the workspace's own rows). */
export async function seedWorkspace(db: Client, workspaceId: string, seed: PageSeed, tag: string): Promise<void> {
  await db.query(
    `insert into products (id, workspace_id, name, source_format, original_filename, original_key, original_bytes,
       model_key, model_bytes, source_size, dimensions_m, triangles, materials, variants, warnings, created_at, updated_at)
     select 'prd_' || $2 || '_' || i, $1, 'Bench product ' || i, 'glb', 'bench-' || i || '.glb', 'bench/original-' || i,
       123456, 'bench/model-' || i, 123456, '[0.1,0.2,0.1]', '[0.1,0.2,0.1]', 1200, '["Body","Cap"]', '[]', '[]',
       now() - i * interval '1 hour', now() - i * interval '1 hour'
     from generate_series(1, $3::int) as i`,
    [workspaceId, tag, seed.products],
  );
  // Each batch freezes the scene document it renders, as exportScene does.
  const { rows } = await db.query(`select id, name, document from scenes where workspace_id = $1 limit 1`, [
    workspaceId,
  ]);
  const scene = rows[0] ?? { id: null, name: "Bench scene", document: {} };
  await db.query(
    `insert into render_batches (id, workspace_id, scene_id, scene_name, product_name, format, quality, created_at)
     select 'bat_' || $2 || '_' || b, $1, $3, $4, 'Kraft box', 'png', 'draft', now() - b * interval '1 minute'
     from generate_series(1, $5::int) as b`,
    [workspaceId, tag, scene.id, scene.name, seed.batches],
  );
  await db.query(
    `insert into render_outputs (id, batch_id, workspace_id, position, label, width, height, snapshot, status,
       file_key, file_name, bytes, render_ms, created_at, started_at, finished_at)
     select 'out_' || $2 || '_' || b || '_' || o, 'bat_' || $2 || '_' || b, $1, o, 'Size ' || o, 1080, 1080, $3::jsonb,
       'done', 'bench/missing.png', 'bench-' || b || '-' || o || '.png', 54321, 900,
       now() - b * interval '1 minute', now() - b * interval '1 minute', now() - b * interval '1 minute'
     from generate_series(1, $4::int) as b, generate_series(1, $5::int) as o`,
    [workspaceId, tag, JSON.stringify(scene.document), seed.batches, seed.outputsPerBatch],
  );
}

/** Makes every user a member (editor) of `workspaceId`: a busy team sharing one workspace. */
export async function addMembers(db: Client, workspaceId: string, userIds: string[]): Promise<void> {
  await db.query(
    `insert into memberships (workspace_id, user_id, role) select $1, u, 'editor' from unnest($2::text[]) as u
     on conflict do nothing`,
    [workspaceId, userIds],
  );
}
