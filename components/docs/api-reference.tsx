import type { ReactNode } from "react";
import { SchemaView, typeOf, type JsonSchema } from "./schema-view";

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Content = Record<string, { schema?: JsonSchema }>;
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Content };
  responses: Record<string, { description: string; content?: Content }>;
};
export type ApiDocument = {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation> | undefined>;
};

const METHOD_STYLE: Record<string, string> = {
  get: "bg-accent-soft text-accent-ink",
  post: "bg-success-soft text-success",
  put: "bg-amber-50 text-amber-900",
  delete: "bg-danger-soft text-danger",
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-3">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{title}</h4>
      <div className="mt-1">{children}</div>
    </div>
  );
}

function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
  const [mediaType, body] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
  const success = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
  const failures = Object.entries(op.responses).filter(([status]) => !status.startsWith("2"));
  return (
    <article id={op.operationId} className="rounded-2xl border border-line bg-white p-5 shadow-card">
      <h3 className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_STYLE[method] ?? ""}`}>
          {method}
        </span>
        <code className="font-mono">{path}</code>
      </h3>
      <p className="mt-2 font-medium">{op.summary}</p>
      {op.description && <p className="mt-1 text-sm text-ink-soft">{op.description}</p>}
      {op.parameters && op.parameters.length > 0 && (
        <Section title="Parameters">
          <ul className="space-y-1 text-sm">
            {op.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`}>
                <code className="font-semibold">{p.name}</code>{" "}
                <span className="text-xs text-ink-muted">
                  {p.in} · {p.schema ? typeOf(p.schema) : "string"}
                  {p.required ? " · required" : ""}
                </span>
                {p.description && <span className="block text-xs text-ink-muted">{p.description}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {body?.schema && (
        <Section title={`Body (${mediaType})`}>
          <SchemaView schema={body.schema} />
        </Section>
      )}
      {success.map(([status, r]) => (
        <Section key={status} title={`${status} · ${r.description}`}>
          {Object.entries(r.content ?? {}).map(([type, c]) =>
            c.schema?.properties || c.schema?.items ? (
              <SchemaView key={type} schema={c.schema} />
            ) : (
              <code key={type} className="text-xs">
                {type}
              </code>
            ),
          )}
        </Section>
      ))}
      <Section title="Errors">
        <p className="text-xs text-ink-soft">
          {failures.map(([status, r]) => `${status} ${r.description}`).join(" · ")}
        </p>
      </Section>
    </article>
  );
}

/** The reference page: grouped by tag, every operation with its parameters, body and answers. No script needed. */
export function ApiReference({ document }: { document: ApiDocument }) {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? "Other"))];
  return (
    <div className="mx-auto max-w-4xl px-6 py-10">
      <h1 className="text-2xl font-semibold">{document.info.title}</h1>
      <p className="mt-1 text-sm text-ink-muted">Version {document.info.version}</p>
      {document.info.description && <p className="mt-3 text-sm text-ink-soft">{document.info.description}</p>}
      <pre className="mt-4 overflow-x-auto rounded-xl bg-ink p-4 text-xs text-white">
        {`curl -H "Authorization: Bearer $PLINTH_KEY" "$PLINTH_URL/api/v1/templates?ratio=4:5"`}
      </pre>
      <p className="mt-3 text-sm">
        Machine-readable:{" "}
        <a href="/api/v1/openapi.json" className="font-medium text-accent hover:underline">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1). Send <code>Idempotency-Key</code> with a POST to retry it safely.
      </p>
      <nav aria-label="Operations" className="mt-6 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {operations.map(({ op }) => (
          <a key={op.operationId} href={`#${op.operationId}`} className="text-accent hover:underline">
            {op.summary}
          </a>
        ))}
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="mt-10">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {tag}
          </h2>
          <div className="mt-4 space-y-4">
            {operations
              .filter((o) => (o.op.tags?.[0] ?? "Other") === tag)
              .map((o) => (
                <OperationView key={`${o.method} ${o.path}`} method={o.method} path={o.path} op={o.op} />
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}
