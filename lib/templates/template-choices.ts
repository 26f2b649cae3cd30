import { BUILT_IN_CATALOGUE } from "@/lib/scene/templates/catalogue";

export type TemplateNameChoice = { id: string; name: string };

/** Every built-in template as a choice (id and name): static per deploy, so client code lists them itself. */
const BUILT_IN_CHOICES: readonly TemplateNameChoice[] = BUILT_IN_CATALOGUE.map(({ id, name }) => ({ id, name }));

/**
 * The template choices of a picker or filter: the workspace's own (sent by the server), then the built-in ones
 * (from the bundle: the Renders page sent all 53 names with every request before, issue 21).
 */
export function withBuiltInTemplates(own: readonly TemplateNameChoice[]): TemplateNameChoice[] {
  return [...own, ...BUILT_IN_CHOICES];
}
