import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { GuestAlbumView } from "@/components/share/guest-album-view";
import { UnlockForm } from "@/components/share/unlock-form";
import { loadGuestAlbum, loadGuestReviews } from "@/lib/albums/guest-album";
import { recordAlbumEvent, resolveShareLink } from "@/lib/albums/share-access";
import { isWellFormedShareToken } from "@/lib/albums/share-token";
import { getDb } from "@/lib/db";

type Props = { params: Promise<{ token: string }> };

export const metadata: Metadata = {
  title: "Shared album",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/**
 * A share album for its guests, with no app chrome: unknown, revoked and expired links are 404; a link with a
 * password asks for it first. Every file comes from this server (no CDN, no fonts or scripts from elsewhere).
 */
export default async function SharedAlbumPage({ params }: Props) {
  const { token } = await params;
  if (!isWellFormedShareToken(token)) notFound();
  const jar = await cookies();
  const resolved = await resolveShareLink(getDb(), token, (name) => jar.get(name)?.value);
  if (!resolved) notFound();
  if (resolved.state === "locked") return <UnlockForm token={token} albumTitle={resolved.albumTitle} />;
  const { caller } = resolved;
  const [album, reviews] = await Promise.all([loadGuestAlbum(getDb(), caller), loadGuestReviews(getDb(), caller)]);
  await recordAlbumEvent(getDb(), caller, "view");
  return <GuestAlbumView token={token} album={album} initialReviews={reviews} />;
}
