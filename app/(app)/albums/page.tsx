import type { Metadata } from "next";
import Link from "next/link";
import { AlbumsList } from "@/components/albums/albums-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listAlbums } from "@/lib/albums/album-service";
import { roleCan } from "@/lib/auth/permissions";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Albums" };

export default async function AlbumsPage() {
  const { active, caller } = await requirePageContext("/albums");
  const albums = await listAlbums(getDb(), caller);
  return (
    <div>
      <PageHeader
        title="Albums"
        description="Collect renders, videos and 3D viewers to share privately with a link or with named people, and gather their approval."
        actions={
          <Link href="/albums/links" className={buttonClass("secondary")}>
            Live links
          </Link>
        }
      />
      <AlbumsList albums={albums} canManage={roleCan(active.role, "albums.manage")} />
    </div>
  );
}
