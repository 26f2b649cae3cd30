import type { AlbumItem } from "@/lib/albums/album-items";

/** A member's picture of an album item: the output's grid preview (a video's poster), or a 3D badge for a viewer. */
export function AlbumThumb({ item, className = "" }: { item: AlbumItem | null; className?: string }) {
  if (!item || item.media === "viewer" || !item.ready) {
    return (
      <div className={`flex items-center justify-center bg-canvas-sunken text-xs text-ink-muted ${className}`}>
        {item?.media === "viewer" ? "3D viewer" : item ? "Not ready" : "Empty"}
      </div>
    );
  }
  const src =
    item.media === "video"
      ? `/api/renders/outputs/${item.subjectId}/file?poster=1`
      : `/api/renders/outputs/${item.subjectId}/file?preview=1`;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a private, per-user file: no image optimiser in between
    <img
      src={src}
      alt={`${item.title} ${item.label}`}
      className={`bg-canvas-sunken object-contain ${className}`}
      loading="lazy"
    />
  );
}
