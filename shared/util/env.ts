/**
 * The variables of an environment that are set to something. Shells and
 * service managers often export a variable as empty to mean "not set"; treating
 * it as unset lets the schema's default apply instead of failing validation.
 */
export function presentEnv(env: Record<string, string | undefined>): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') present[name] = value;
  }
  return present;
}
