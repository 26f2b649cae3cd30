import type { AlbumActivity } from "@/lib/albums/share-link-service";

/** Who opened the album and what they downloaded, newest first. */
export function AlbumActivityLog({
  activity,
  itemTitles,
}: {
  activity: AlbumActivity[];
  itemTitles: Record<string, string>;
}) {
  return (
    <section aria-labelledby="album-activity">
      <h2 id="album-activity" className="mb-3 text-lg font-semibold">
        Views and downloads
      </h2>
      {activity.length === 0 ? (
        <p className="text-sm text-ink-muted">Nobody has opened a link to this album yet.</p>
      ) : (
        <ul
          className="divide-y divide-line rounded-2xl border border-line bg-white text-sm"
          data-testid="album-activity"
        >
          {activity.map((e, i) => (
            <li key={i} className="flex flex-wrap justify-between gap-2 px-4 py-2">
              <span>
                <strong className="font-medium">{e.who}</strong>{" "}
                {e.kind === "view" ? "viewed the album" : `downloaded ${itemTitles[e.itemId ?? ""] ?? "an item"}`}
              </span>
              <time className="text-ink-muted" dateTime={e.at}>
                {new Date(e.at).toLocaleString()}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
