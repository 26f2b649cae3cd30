/** The README at the top of every workspace export: what each file is, so the data is usable without Plinth. */
export function exportReadme(info: {
  workspaceName: string;
  exportedAt: string;
  tables: string[];
  secretColumns: string[];
}) {
  return `# Plinth workspace export: ${info.workspaceName}

Exported ${info.exportedAt}. Everything this workspace holds in Plinth: every record and every stored file.

## Layout

- \`manifest.json\`: format name and version, the workspace id, when it was exported, the number of rows of each
  table and the list of files (storage key, path in this ZIP, size in bytes).
- \`tables/<table>.json\`: one file per database table, a JSON array with one object per row. Keys are the
  database column names (snake_case). Timestamps are ISO 8601 strings in UTC; ids are text with a readable
  prefix (\`prd_\` product, \`scn_\` scene, \`rnd_\` render...). Columns that point at another row hold its id, so the
  tables can be joined back together (\`workspace_id\` is this workspace's id everywhere).
- \`files/...\`: every stored file, at its storage path below \`workspaces/<workspace id>/\`: uploaded models
  (\`products/<id>/\`: the original upload and the web-ready GLB), renders and videos (\`renders/<batch>/<output>\`),
  template previews (\`thumbnails/\`), published 3D viewer models (\`viewers/<id>/\`) and any other kind of file.
  Rows name their files by storage key (columns ending in \`_key\`): strip \`workspaces/<workspace id>/\` and
  prefix \`files/\` to find one here. Earlier exports' ZIPs are not included.

## Tables

${info.tables.map((t) => `- ${t}`).join("\n")}

\`users\` holds the workspace's members (name and email), not their credentials.

## Left out on purpose

Credentials that a reader of this ZIP could use are never exported: ${info.secretColumns.length ? info.secretColumns.map((c) => `\`${c}\``).join(", ") : "none here"}
(password hashes, hashes of link and invitation tokens, signing secrets). Links shared from this workspace cannot be
rebuilt from an export.
`;
}
