/**
 * npx tsx bench/batch-profile.ts: where the CPU of a Final batch goes, per image, on one warm worker (the
 * steady state bench:render's throughput measures): the worker's node process (job handling, pixel transfer,
 * PNG encode), Chromium's processes by type (the GPU process draws: llvmpipe), the web server and Postgres.
 * Needs a production build. OUTPUTS (default 16) outputs of 1080x(1080+i); RENDER_TIMING=1 phases on stderr.
 */
import fs from "node:fs";
import { createScene, exportBatch, grantBenchCredits, signedInClient, waitForBatches } from "./lib/client";
import { processTicks, processTree, startBenchServer, startBenchWorker } from "./lib/server";

const N = Number(process.env.OUTPUTS ?? 16);

function label(pid: number, root: string): string {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split(/[\0 ]/);
    const type = cmd.find((a) => a.startsWith("--type="));
    if (type) return `chromium ${type.slice(7)}`;
    if (/chrom/.test(cmd[0])) return "chromium browser";
    if (/postgres/.test(cmd[0])) return "postgres";
    return `${root} ${cmd[0].split("/").pop()}`;
  } catch {
    return "gone";
  }
}

function snapshot(roots: Record<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [root, pid] of Object.entries(roots)) {
    for (const p of processTree(pid)) {
      const key = label(p, root);
      // With exited children's time too: Postgres backends come and go.
      out.set(key, (out.get(key) ?? 0) + processTicks(p, true));
    }
  }
  return out;
}

async function main() {
  const server = await startBenchServer(3300, 54360, { STRIPE_SECRET_KEY: "sk_test_bench_offline" });
  try {
    const api = await signedInClient(server.baseUrl);
    await grantBenchCredits(server.databaseUrl);
    const scene = await createScene(api, "sample_drink-can");
    const worker = startBenchWorker(server, { RENDER_TIMING: "1" });
    await waitForBatches(api, [await exportBatch(api, scene, [{ label: "w", width: 1080, height: 1070 }], "final")]);
    const roots = { server: server.pid, worker: worker.pid };
    const before = snapshot(roots);
    const t = Date.now();
    const batch = await exportBatch(
      api,
      scene,
      Array.from({ length: N }, (_, i) => ({ label: `q${i}`, width: 1080, height: 1080 + i })),
      "final",
    );
    await waitForBatches(api, [batch]);
    const ms = Date.now() - t;
    const after = snapshot(roots);
    const cpu: Record<string, number> = {};
    for (const [key, value] of after) {
      const d = ((value - (before.get(key) ?? 0)) * 10) / N;
      if (d > 0.5) cpu[key] = Math.round(d);
    }
    const total = Object.values(cpu).reduce((a, b) => a + b, 0);
    console.error(
      worker
        .log()
        .split("\n")
        .filter((l) => l.includes("[timing]"))
        .slice(-8)
        .join("\n"),
    );
    console.log(JSON.stringify({ perImageMs: Math.round(ms / N), cpuMsPerImage: cpu, totalCpuMsPerImage: total }));
    await worker.stop();
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
