import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { ModelViewerBoot } from "@/components/viewers/model-viewer-boot";
import { ViewerStage } from "@/components/viewers/viewer-stage";
import { loadSharedViewer } from "@/lib/albums/guest-album";
import { resolveShareLink } from "@/lib/albums/share-access";
import { getDb } from "@/lib/db";
import { environmentUrl, viewerLookOf } from "@/lib/viewers/viewer-look";

type Props = { params: Promise<{ token: string; itemId: string }> };

export const metadata: Metadata = {
  title: "3D viewer",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/**
 * A published 3D viewer of a share album, framed by the album page (frame-ancestors 'self'): the same stage as /v/,
 * its files read through the album's link (so a revoked link or viewer stops here too).
 */
export default async function SharedViewerPage({ params }: Props) {
  const { token, itemId } = await params;
  const jar = await cookies();
  const resolved = await resolveShareLink(getDb(), token, (name) => jar.get(name)?.value);
  if (resolved?.state !== "open") notFound();
  const found = await loadSharedViewer(getDb(), resolved.caller, itemId);
  if (!found) notFound();
  const base = `/api/s/${token}/items/${itemId}`;
  const look = viewerLookOf(found.viewer.look);
  return (
    <>
      <ModelViewerBoot modelUrl={`${base}/model`} environmentUrl={environmentUrl(look)} />
      <ViewerStage
        name={found.product.name}
        modelUrl={`${base}/model`}
        // The album serves no USDZ of its own: on iOS, model-viewer makes one from the model.
        usdzUrl={null}
        posterUrl={found.product.sample ? found.product.thumbnailUrl : `${base}/poster`}
        variants={found.product.variants}
        initialVariant={found.viewer.variant}
        autoRotate={found.viewer.autoRotate}
        look={{ ...look, environmentUrl: environmentUrl(look) }}
      />
    </>
  );
}
