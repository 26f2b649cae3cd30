"use client";

import { useRouter } from "next/navigation";
import { useId, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";

/** Product picker + "New scene": opens the editor on the default look. */
export function NewSceneForm({ products }: { products: { id: string; name: string }[] }) {
  const router = useRouter();
  const id = useId();
  const { pending, error, run } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const productId = String(new FormData(event.currentTarget).get("productId") ?? "");
    // The same POST /api/scenes the product page uses: one way to create a scene.
    const result = await run(() => api.post<{ id: string }>("/api/scenes", { productId }), { keepPending: true });
    if (result.ok) router.push(`/scenes/${result.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-ink-muted">
          Product
        </label>
        <select
          id={id}
          name="productId"
          className="mt-1 rounded-lg border border-line-strong bg-white px-3 py-2 text-sm"
          defaultValue={products[0]?.id}
        >
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" pending={pending}>
        New scene
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-danger">
          {error.fields?.productId ?? error.message}
        </p>
      )}
    </form>
  );
}
