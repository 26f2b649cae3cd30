import type { Database } from "@/lib/db";
import { listLiveRenderWorkers } from "@/lib/db/queries/render-workers";

/**
 * How long one read of the live render workers answers for every page this process renders. Worker rows are global
 * (not any workspace's) and a worker beats only every 10 s, so a few seconds more of age changes nothing a user
 * sees; the "Rendering is paused" banner on every signed-in page then costs no query while a worker is alive
 * (bench:load: one statement fewer per page request).
 */
export const LIVE_WORKERS_MAX_AGE_MS = 3_000;

type Live = Awaited<ReturnType<typeof listLiveRenderWorkers>>;
let shared: { at: number; read: Promise<Live> } | null = null;

/** The live workers as read at most LIVE_WORKERS_MAX_AGE_MS ago; concurrent pages share one read in flight. */
export function recentLiveRenderWorkers(db: Database, now = Date.now()): Promise<Live> {
  // A clock that stepped back counts as old.
  if (shared && now >= shared.at && now - shared.at < LIVE_WORKERS_MAX_AGE_MS) return shared.read;
  const read = listLiveRenderWorkers(db);
  const entry = { at: now, read };
  shared = entry;
  // A failed read is not kept: the next page asks again.
  read.catch(() => {
    if (shared === entry) shared = null;
  });
  return read;
}
