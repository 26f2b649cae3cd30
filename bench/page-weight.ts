/**
 * `npm run bench:page-weight`: what each signed-in page sends, on a throwaway production server seeded as
 * bench:load seeds it (one user; their workspace with products, a scene and finished exports; a shared workspace
 * with MANY_OUTPUTS outputs). Per page: the HTML's bytes, the part of it that is the inline RSC payload
 * (`self.__next_f.push` scripts: props serialised for the client), and the RSC payload of a client-side navigation.
 * A page's server CPU grows roughly with these bytes (React rendering, serialisation, gzip), so this is the quick
 * check before a bench:load run.
 * SHOTS_DIR=<folder> also saves a headless Chromium screenshot of each page's first screen (1440x900) there.
 * Env: BENCH_PORT (3283), BENCH_PG_PORT (54483), MANY_OUTPUTS (2000), SHOTS_DIR, SHOTS_PREFIX ("").
 */
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { startBenchServer } from "./lib/server";
import { createScene, signedInAccount } from "./lib/client";
import { launchVisitorBrowser } from "./lib/visitor-browser";
import { seedWorkspace } from "./lib/seed-pages";

const MANY_OUTPUTS = Number(process.env.MANY_OUTPUTS ?? 2000);

async function main() {
  const server = await startBenchServer(
    Number(process.env.BENCH_PORT ?? 3283),
    Number(process.env.BENCH_PG_PORT ?? 54483),
  );
  try {
    const { api, workspaceId } = await signedInAccount(server.baseUrl);
    const sceneId = await createScene(api, "sample_kraft-box");
    const state = await api.storageState();
    await api.dispose();
    const session = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const cookie = `${session}; plinth_ws=${workspaceId}`;
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    // A second workspace of the same user holds the many outputs (as bench:load's shared one does).
    const many = `wsp_benchmany`;
    try {
      await seedWorkspace(db, workspaceId, { products: 6, batches: 10, outputsPerBatch: 6 }, "b0");
      if (MANY_OUTPUTS > 0) {
        const { rows } = await db.query(`select user_id from memberships where workspace_id = $1`, [workspaceId]);
        await db.query(`insert into workspaces (id, name) values ($1, 'Busy team')`, [many]);
        await db.query(`insert into memberships (workspace_id, user_id, role) values ($1, $2, 'editor')`, [
          many,
          rows[0].user_id,
        ]);
        await seedWorkspace(
          db,
          many,
          { products: 0, batches: Math.ceil(MANY_OUTPUTS / 10), outputsPerBatch: 10 },
          "many",
        );
      }
      await db.query("analyze");
    } finally {
      await db.end();
    }
    const pages: [string, string, string][] = [
      ["landing", "/", ""],
      ["products", "/products", cookie],
      ["templates", "/templates", cookie],
      ["renders", "/renders", cookie],
      ["editor", `/scenes/${sceneId}`, cookie],
      ...(MANY_OUTPUTS > 0
        ? [["renders-many", "/renders", `${session}; plinth_ws=${many}`] as [string, string, string]]
        : []),
    ];
    const result: Record<string, { status: number; htmlBytes: number; inlineRscBytes: number; rscBytes: number }> = {};
    for (const [name, url, c] of pages) {
      const res = await fetch(`${server.baseUrl}${url}`, { headers: c ? { cookie: c } : {}, redirect: "manual" });
      const html = await res.text();
      const inline = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce(
        (s, m) => s + m[1].length,
        0,
      );
      const rsc = await fetch(`${server.baseUrl}${url}`, {
        headers: { ...(c ? { cookie: c } : {}), RSC: "1" },
        redirect: "manual",
      }).then((r) => r.text());
      result[name] = { status: res.status, htmlBytes: html.length, inlineRscBytes: inline, rscBytes: rsc.length };
      if (process.env.SAVE_HTML_DIR) {
        fs.mkdirSync(process.env.SAVE_HTML_DIR, { recursive: true });
        fs.writeFileSync(path.join(process.env.SAVE_HTML_DIR, `${name}.html`), html);
        fs.writeFileSync(path.join(process.env.SAVE_HTML_DIR, `${name}.rsc`), rsc);
      }
    }
    console.log(JSON.stringify(result, null, 2));
    const shots = process.env.SHOTS_DIR;
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      const browser = await launchVisitorBrowser();
      try {
        for (const [name, url, c] of pages) {
          if (name === "editor") continue; // WebGL on llvmpipe: not what this compares.
          const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
          const wanted = c.split("; ").map((kv) => kv.split("="));
          await context.addCookies(
            wanted.filter(([k]) => k).map(([k, ...v]) => ({ name: k, value: v.join("="), url: server.baseUrl })),
          );
          const page = await context.newPage();
          await page.goto(`${server.baseUrl}${url}`, { waitUntil: "networkidle" });
          await page.screenshot({ path: path.join(shots, `${process.env.SHOTS_PREFIX ?? ""}${name}.png`) });
          await context.close();
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
