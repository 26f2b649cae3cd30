"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import type { AlbumSummary } from "@/lib/albums/album-service";
import { reviewSummaryText } from "@/lib/albums/review-summary";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";
import { AlbumThumb } from "./album-thumb";

export function AlbumsList({ albums, canManage }: { albums: AlbumSummary[]; canManage: boolean }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const { pending, error, run, fieldError } = useSubmit();

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const result = await run(
      () => api.post<{ id: string }>("/api/albums", { title }, { fallback: "Could not create the album." }),
      { keepPending: true },
    );
    if (result.ok) router.push(`/albums/${result.data.id}`);
  }

  return (
    <div className="space-y-6">
      {canManage && (
        <form onSubmit={create} className="flex flex-wrap items-end gap-3 rounded-2xl border border-line bg-white p-4">
          <Field
            name="title"
            label="New album"
            placeholder="Spring launch, for the retailer"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={fieldError("title")}
            className="min-w-64 flex-1"
          />
          <Button type="submit" disabled={pending}>
            Create album
          </Button>
          {error && !error.fields && (
            <p role="alert" className="w-full text-sm text-danger">
              {error.message}
            </p>
          )}
        </form>
      )}
      {albums.length === 0 ? (
        <EmptyState title="No albums yet" body="On the Renders page, choose Add to album on an export to start one." />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {albums.map((album) => (
            <li key={album.id}>
              <Link
                href={`/albums/${album.id}`}
                className="block overflow-hidden rounded-2xl border border-line bg-white shadow-card hover:border-accent focus-visible:outline focus-visible:outline-2 focus-visible:outline-accent"
              >
                <AlbumThumb item={album.cover} className="aspect-[4/3] w-full" />
                <div className="p-4">
                  <h2 className="font-semibold">{album.title}</h2>
                  <p className="text-sm text-ink-muted">
                    {album.itemCount} {album.itemCount === 1 ? "item" : "items"}
                    {album.itemCount > 0 ? ` · ${reviewSummaryText(album.review)}` : ""}
                  </p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
