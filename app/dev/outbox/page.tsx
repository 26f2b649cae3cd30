import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { clientIpFromHeaders, isLoopbackIp } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/db";
import { listOutbox } from "@/lib/db/queries/outbox";
import { devOutboxEnabled } from "@/lib/env";
import { Logo } from "@/components/ui/logo";

export const metadata: Metadata = { title: "Dev outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * Mail "sent" without SMTP, for `npm run dev` (or DEV_OUTBOX=on). It holds reset links, so even then only a client
 * on this machine sees it (the start script stamps the socket's address); anyone else gets the same 404 as when off.
 */
export default async function OutboxPage() {
  if (!devOutboxEnabled() || !isLoopbackIp(clientIpFromHeaders(await headers()))) notFound();
  const mails = await listOutbox(getDb());
  return (
    <main className="mx-auto max-w-3xl px-6 py-10">
      <Logo />
      <h1 className="mt-6 text-2xl font-semibold">Dev outbox</h1>
      <p className="mt-1 text-sm text-ink-muted">No SMTP_URL is configured, so e-mail lands here.</p>
      {mails.length === 0 ? (
        <p className="mt-8 text-sm text-ink-soft">No messages yet.</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {mails.map((m) => (
            <li key={m.id} className="rounded-xl border border-line bg-white p-4 shadow-card" data-testid="outbox-mail">
              <p className="text-xs text-ink-muted">
                To <span data-testid="outbox-to">{m.to}</span> · {m.createdAt.toISOString()}
              </p>
              <h2 className="mt-1 font-medium">{m.subject}</h2>
              <pre className="mt-2 whitespace-pre-wrap break-all font-sans text-sm text-ink-soft">
                {m.body.split(/(https?:\/\/\S+)/).map((part, i) =>
                  /^https?:\/\//.test(part) ? (
                    <a key={i} href={part} className="text-accent underline">
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </pre>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
