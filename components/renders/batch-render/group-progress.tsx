"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/api";
import type { RenderGroupView } from "@/lib/renders/render-group-service";

/** One progress view for a batch of batches: a bar, counts, and the ZIP (a folder per product) once files exist. */
export function GroupProgress({ groupId }: { groupId: string }) {
  const query = useQuery({
    queryKey: ["render-group", groupId],
    queryFn: ({ signal }) => fetchJson<RenderGroupView>(`/api/renders/groups/${groupId}`, { signal }),
    refetchInterval: (q) => (q.state.data && q.state.data.open === 0 ? false : 1500),
  });
  const g = query.data;
  if (!g) return <p className="text-sm text-ink-muted">Loading progress…</p>;
  const finished = g.done + g.failed;
  return (
    <section aria-labelledby={`group-${g.id}`} className="space-y-3" data-testid="render-group">
      <h3 id={`group-${g.id}`} className="text-sm font-semibold">
        {g.title}
      </h3>
      <progress className="w-full" max={g.total} value={finished} aria-label="Outputs finished" />
      <p className="text-sm text-ink-soft" role="status">
        {g.open > 0 ? `${finished} of ${g.total} finished` : `All ${g.total} finished`}: {g.done} done
        {g.failed > 0 ? `, ${g.failed} failed (refunded)` : ""}
      </p>
      {g.done > 0 && (
        <a
          href={`/api/renders/groups/${g.id}/zip`}
          className="inline-block text-sm font-medium text-accent hover:underline"
          data-testid="group-zip"
        >
          Download all as ZIP (a folder per product)
        </a>
      )}
    </section>
  );
}
