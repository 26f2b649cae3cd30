import Link from "next/link";

type Props = { id: string; title: string; description: string; href: string; action: string };

/** One area of Settings that lives on its own page: a title, what it is for, and the link there. */
export function SettingsLinkCard({ id, title, description, href, action }: Props) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex items-center justify-between gap-4 rounded-2xl border border-line bg-white p-6 shadow-card"
    >
      <div>
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-ink-muted">{description}</p>
      </div>
      <Link href={href} className="shrink-0 text-sm font-medium text-accent hover:underline">
        {action}
      </Link>
    </section>
  );
}
