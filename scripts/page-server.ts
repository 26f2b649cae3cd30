/**
 * The page process (scripts/lib/page-process.ts): the same Next.js app as `npm start`'s own, serving only the page
 * renders the start script hands it, on a private unix socket. React's server rendering is CPU work in one event
 * loop; here it has a loop of its own, so the API, server actions, assets and the render worker's page, which stay
 * in the start script's loop, never wait behind twenty pages being rendered.
 *
 * Started by the start script with everything already in place (database migrated, secrets in env, build done).
 * Exits when the start script does (IPC disconnect), so a SIGKILL there leaves nothing listening here.
 */
import fs from "node:fs";
import http from "node:http";
import { parse } from "node:url";
import next from "next";
import { applyNextEnv } from "./lib/next-env";
import { installLogRedaction } from "../lib/logging/install-redaction";

async function main() {
  // Listening from the first line: the start script may die while Next.js is still booting here.
  let stop: () => void = () => process.exit(0);
  process.on("disconnect", () => stop());
  process.on("SIGTERM", () => stop());
  process.on("SIGINT", () => stop());
  if (!process.connected) process.exit(0);
  const socketPath = process.env.PLINTH_PAGE_SOCKET;
  if (!socketPath) throw new Error("PLINTH_PAGE_SOCKET is not set: the page process is started by npm start");
  applyNextEnv();
  installLogRedaction();
  (process.env as Record<string, string>).NODE_ENV = "production";
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port: Number(process.env.PORT ?? 3000) });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The start script already stamped the client IP header (it overwrites what a client sent); only it can reach
  // this socket (its folder is private to this user), so the header is taken as it comes.
  const server = http.createServer((req, res) => void handle(req, res, parse(req.url ?? "/", true)));
  fs.rmSync(socketPath, { force: true });
  server.listen(socketPath, () => process.send?.({ ready: true }));

  stop = () => {
    server.close();
    setTimeout(() => process.exit(0), 5_000).unref();
    void app.close?.().finally(() => process.exit(0));
  };
  if (!process.connected) stop();
}

main().catch((err) => {
  console.error("[pages] failed:", err);
  process.exit(1);
});
