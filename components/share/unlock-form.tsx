"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { api } from "@/lib/client/api";
import { useSubmit } from "@/lib/client/use-submit";

/** A password-protected album asks for its password; wrong tries are limited on the server. */
export function UnlockForm({ token, albumTitle }: { token: string; albumTitle: string }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const { pending, error, run } = useSubmit();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const result = await run(
      () => api.post(`/api/s/${token}/unlock`, { password }, { fallback: "Could not check the password." }),
      { keepPending: true },
    );
    if (result.ok) router.refresh();
  }
  return (
    <main className="flex min-h-screen items-center justify-center bg-canvas p-6">
      <form
        onSubmit={submit}
        className="w-full max-w-sm space-y-4 rounded-2xl border border-line bg-white p-6 shadow-card"
      >
        <h1 className="text-lg font-semibold">{albumTitle}</h1>
        <p className="text-sm text-ink-muted">This album is protected. Enter the password you were given.</p>
        <Field
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.message}
        />
        <Button type="submit" disabled={pending || !password}>
          Open album
        </Button>
      </form>
    </main>
  );
}
