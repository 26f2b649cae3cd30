/** A JSON Schema (as zod-openapi writes it) as a nested list of fields: name, type, required, constraints. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  format?: string;
};

export function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeOf).join(" | ");
  if (s.prefixItems) return `[${s.prefixItems.map(typeOf).join(", ")}]`;
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  if (t === "array" && s.items) return `${typeOf(s.items)}[]`;
  return s.format ? `${t} (${s.format})` : t;
}

function facts(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.minItems !== undefined) out.push(`at least ${s.minItems}`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems}`);
  if (s.maxLength !== undefined) out.push(`≤ ${s.maxLength} chars`);
  return out;
}

export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const objectSchema = schema.type === "array" && schema.items?.properties ? schema.items : schema;
  const props = objectSchema.properties;
  if (!props || depth > 4) return <code className="text-xs">{typeOf(schema)}</code>;
  return (
    <ul className={`space-y-1 text-sm ${depth ? "mt-1 border-l border-line pl-3" : ""}`}>
      {Object.entries(props).map(([name, s]) => (
        <li key={name}>
          <code className="font-semibold">{name}</code>{" "}
          <code className="text-xs text-ink-soft">{s.properties || s.items?.properties ? "" : typeOf(s)}</code>
          {objectSchema.required?.includes(name) ? null : <span className="text-xs text-ink-muted"> optional</span>}
          {facts(s).length > 0 && <span className="text-xs text-ink-muted"> · {facts(s).join(", ")}</span>}
          {s.description && <span className="block text-xs text-ink-muted">{s.description}</span>}
          {(s.properties || s.items?.properties) && <SchemaView schema={s} depth={depth + 1} />}
        </li>
      ))}
    </ul>
  );
}
