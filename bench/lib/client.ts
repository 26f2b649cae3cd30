import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { request, type APIRequestContext } from "playwright-core";

export type Output = {
  id: string;
  label: string;
  width: number;
  height: number;
  status: string;
  renderMs: number | null;
  error: string | null;
};

/** A signed-in HTTP client with its own workspace. */
export async function signedInClient(baseUrl: string): Promise<APIRequestContext> {
  return (await signedInAccount(baseUrl)).api;
}

/** A signed-in HTTP client with its own workspace, and the ids of its user and workspace. */
export async function signedInAccount(
  baseUrl: string,
): Promise<{ api: APIRequestContext; userId: string; workspaceId: string }> {
  // The Origin a browser sends: route handlers refuse signed-in writes without it (lib/http/same-origin.ts).
  const api = await request.newContext({ baseURL: baseUrl, extraHTTPHeaders: { origin: new URL(baseUrl).origin } });
  const id = randomUUID().slice(0, 8);
  const account = {
    name: "Bench",
    email: `bench-${id}@example.com`,
    password: `pw-${id}-bench`,
    workspaceName: `Bench ${id}`,
  };
  const created = await api.post("/api/signup", { data: account });
  if (created.status() !== 201) throw new Error(`signup failed: ${await created.text()}`);
  const { userId, workspaceId } = await created.json();
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
  });
  return { api, userId, workspaceId };
}

/** The six ratios a batch exports in the render benchmarks (bench:render, bench/page-memory.ts). */
export const SIX_RATIOS = [
  { label: "1:1", width: 1080, height: 1080 },
  { label: "4:5", width: 1080, height: 1350 },
  { label: "9:16", width: 1080, height: 1920 },
  { label: "16:9", width: 1920, height: 1080 },
  { label: "3:2", width: 1620, height: 1080 },
  { label: "2:3", width: 1080, height: 1620 },
];

export async function createScene(api: APIRequestContext, productId: string): Promise<string> {
  const res = await api.post("/api/scenes", { data: { productId } });
  if (res.status() !== 201) throw new Error(`scene failed: ${await res.text()}`);
  return (await res.json()).id;
}

export async function exportBatch(
  api: APIRequestContext,
  sceneId: string,
  outputs: { label: string; width: number; height: number }[],
  quality: "draft" | "final",
): Promise<string> {
  const res = await api.post(`/api/scenes/${sceneId}/export`, { data: { outputs, quality, format: "png" } });
  if (res.status() !== 201) throw new Error(`export failed: ${await res.text()}`);
  return (await res.json()).batchId;
}

export async function waitForBatches(
  api: APIRequestContext,
  batchIds: string[],
  timeoutMs = 900_000,
): Promise<Output[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { batches } = await (await api.get("/api/renders")).json();
    const outputs: Output[] = batches
      .filter((b: { id: string }) => batchIds.includes(b.id))
      .flatMap((b: { outputs: Output[] }) => b.outputs);
    if (outputs.length && outputs.every((o) => o.status === "done" || o.status === "failed")) {
      const failed = outputs.filter((o) => o.status === "failed");
      if (failed.length) throw new Error(`outputs failed: ${failed.map((o) => o.error).join("; ")}`);
      return outputs;
    }
    if (Date.now() > until) throw new Error("timed out waiting for renders");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Puts every workspace of the bench database on the Business plan with plenty
 * of credits (an "adjustment" in the ledger), so plan limits do not cut the run short.
 */
export async function grantBenchCredits(databaseUrl: string, credits = 100_000): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query("update workspace_billing set plan_id = 'business', status = 'active'");
    await db.query(
      `insert into credit_ledger (id, workspace_id, delta, kind, reason)
       select 'bench_' || workspace_id, workspace_id, $1, 'adjustment', 'benchmark credits' from workspace_billing
       on conflict (id) do nothing`,
      [credits],
    );
  } finally {
    await db.end();
  }
}
