import type { Pool } from "pg";

/** Advisory-lock class of API key buckets, apart from sign-in's and rate-limit-hits.ts's classes. */
const LOCK_CLASS = 7704;
/** Bucket names are ours (`api_key:<key id>`): letters, digits and `_:.-` only, so quoting one cannot go wrong. */
const BUCKET = /^[\w:.-]{1,200}$/;

export type WindowState = { limited: boolean; limit: number; remaining: number; resetAt: Date };

type Row = { used: number; oldest: Date | null; hit: number };

/**
 * One request counted against a key's sliding window in rate_limit_hits (the hourly sweep prunes old hits). The
 * bucket is locked for the transaction, so parallel requests of one key queue and none slips past the limit. A
 * refused request records nothing. `resetAt`: when the oldest hit in the window leaves it (one more request fits).
 *
 * One round trip, as this runs before every keyed request: two statements in one simple query, which Postgres runs
 * as one implicit transaction. The lock comes first and the count and the insert share the second statement's
 * snapshot, taken after the lock is held, so they see every hit committed before it (a single statement could not:
 * its snapshot would predate the wait). Simple queries carry no parameters, so the values are checked (bucket characters, integers) and inlined.
 */
export async function hitWindow(pool: Pool, bucket: string, limit: number, windowMs: number): Promise<WindowState> {
  if (!BUCKET.test(bucket) || !Number.isInteger(limit) || !Number.isInteger(windowMs))
    throw new Error(`hitWindow: bad bucket or limits (${bucket}, ${limit}, ${windowMs})`);
  const b = `'${bucket}'`;
  const results = (await pool.query(`
    select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${b}));
    with w as (
      select count(*)::int as used, min(created_at) as oldest from rate_limit_hits
      where bucket = ${b} and created_at > clock_timestamp() - interval '${windowMs} milliseconds'
    ), hit as (
      insert into rate_limit_hits (bucket) select ${b} from w where w.used < ${limit} returning 1
    )
    select w.used, w.oldest, (select count(*)::int from hit) as hit from w;
  `)) as unknown as { rows: Row[] }[];
  const { used, oldest, hit } = results[1].rows[0];
  const resetAt = new Date((oldest ? new Date(oldest) : new Date()).getTime() + windowMs);
  if (!hit) return { limited: true, limit, remaining: 0, resetAt };
  return { limited: false, limit, remaining: limit - used - 1, resetAt };
}
