import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AlbumActivityLog } from "@/components/albums/album-activity-log";
import { AlbumEditor } from "@/components/albums/album-editor";
import { ShareLinksTable } from "@/components/albums/share-links-table";
import { SharePanel } from "@/components/albums/share-panel";
import { getAlbum } from "@/lib/albums/album-service";
import { listAlbumActivity, listLiveLinks } from "@/lib/albums/share-link-service";
import { roleCan } from "@/lib/auth/permissions";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Album" };

type Props = { params: Promise<{ albumId: string }> };

export default async function AlbumPage({ params }: Props) {
  const { albumId } = await params;
  const { active, caller } = await requirePageContext(`/albums/${albumId}`);
  const album = await getAlbum(getDb(), caller, albumId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [links, activity] = await Promise.all([
    listLiveLinks(getDb(), caller, album.id),
    listAlbumActivity(getDb(), caller, album.id, 50),
  ]);
  const canManage = roleCan(active.role, "albums.manage");
  const titles = Object.fromEntries(album.items.map((i) => [i.id, `${i.title} ${i.label}`]));
  return (
    <div className="space-y-8">
      <AlbumEditor album={album} canManage={canManage} canReview={roleCan(active.role, "reviews.write")} />
      {canManage && <SharePanel albumId={album.id} />}
      <section aria-labelledby="album-links">
        <h2 id="album-links" className="mb-3 text-lg font-semibold">
          Live links of this album
        </h2>
        <ShareLinksTable links={links} canManage={canManage} showAlbum={false} />
      </section>
      <AlbumActivityLog activity={activity} itemTitles={titles} />
    </div>
  );
}
