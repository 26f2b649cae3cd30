"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { createSceneAction } from "@/app/(app)/scenes/actions";
import { Button } from "@/components/ui/button";

/** Product picker + "New scene": opens the editor on the default look. */
export function NewSceneForm({ products }: { products: { id: string; name: string }[] }) {
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await createSceneAction(new FormData(event.currentTarget));
    if (!result.ok) {
      setPending(false);
      setError(result.fieldErrors?.productId ?? result.error);
      return;
    }
    router.push(`/scenes/${result.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-ink-muted">
          Product
        </label>
        <select id={id} name="productId" className="mt-1 rounded-lg border border-line-strong bg-white px-3 py-2 text-sm" defaultValue={products[0]?.id}>
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
          {error}
        </p>
      )}
    </form>
  );
}
