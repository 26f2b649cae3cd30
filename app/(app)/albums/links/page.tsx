import type { Metadata } from "next";
import { ShareLinksTable } from "@/components/albums/share-links-table";
import { PageHeader } from "@/components/ui/page-header";
import { listLiveLinks } from "@/lib/albums/share-link-service";
import { roleCan } from "@/lib/auth/permissions";
import { requirePageContext } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Live links" };

/** Every link of the workspace that still opens an album, with revoke. */
export default async function LiveLinksPage() {
  const { active, caller } = await requirePageContext("/albums/links");
  const links = await listLiveLinks(getDb(), caller);
  return (
    <div>
      <PageHeader
        title="Live links"
        description="Every link and guest invitation that still opens one of this workspace's albums. Revoking works at once."
      />
      <ShareLinksTable links={links} canManage={roleCan(active.role, "albums.manage")} showAlbum />
    </div>
  );
}
