import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ModelViewerBoot } from "@/components/viewers/model-viewer-boot";
import { ViewerStage } from "@/components/viewers/viewer-stage";
import { ViewerNotice } from "@/components/viewers/viewer-notice";
import { getDb } from "@/lib/db";
import { countViewerView } from "@/lib/db/queries/viewers";
import { loadViewerLink } from "@/lib/viewers/viewer-link";
import { isWellFormedViewerToken } from "@/lib/viewers/viewer-token";
import { oembedDiscoveryUrl } from "@/lib/viewers/oembed";
import { environmentUrl, viewerLookOf } from "@/lib/viewers/viewer-look";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  return {
    title: "3D viewer",
    robots: { index: false, follow: false },
    alternates: isWellFormedViewerToken(token)
      ? { types: { "application/json+oembed": oembedDiscoveryUrl(token) } }
      : {},
  };
}

/**
 * A published 3D viewer, public, with no app chrome: unknown and revoked links are 404; a viewer whose model is
 * still being made, failed, or whose product was deleted says so plainly. Each ready page view is counted.
 */
export default async function ViewerPage({ params }: Props) {
  const { token } = await params;
  if (!isWellFormedViewerToken(token)) notFound();
  const link = await loadViewerLink(getDb(), token);
  if (!link) notFound();
  if (link.state !== "ready") return <ViewerNotice state={link.state} />;
  await countViewerView(getDb(), link.viewer.id);
  const { product, viewer } = link;
  const look = viewerLookOf(viewer.look);
  const modelUrl = `/api/v/${token}/model.glb`;
  return (
    <>
      <ModelViewerBoot modelUrl={modelUrl} environmentUrl={environmentUrl(look)} />
      <ViewerStage
        name={product.name}
        modelUrl={modelUrl}
        usdzUrl={viewer.usdzKey ? `/api/v/${token}/model.usdz` : null}
        posterUrl={product.sample ? product.thumbnailUrl : `/api/v/${token}/poster`}
        variants={product.variants}
        initialVariant={viewer.variant}
        autoRotate={viewer.autoRotate}
        look={{ ...look, environmentUrl: environmentUrl(look) }}
      />
    </>
  );
}
