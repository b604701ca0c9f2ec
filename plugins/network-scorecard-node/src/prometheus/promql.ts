const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A PromQL label value as a double-quoted string literal. */
export function quoteLabelValue(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')}"`;
}

/** `name="value"`, or throws when `name` is not a Prometheus label name. */
export function labelMatcher(name: string, value: string): string {
  if (!LABEL_NAME.test(name)) {
    throw new Error(
      `"${name}" is not a Prometheus label name (letters, digits and _, not starting with a digit)`,
    );
  }
  return `${name}=${quoteLabelValue(value)}`;
}

/**
 * Fills the `{SEL}` placeholders of a query template: every series selector
 * of our queries carries one, so the cluster label narrows all of them.
 * `extra` matchers are the template's own (e.g. reason="POLICY_DENIED").
 */
export function fillSelectors(template: string, cluster?: string): string {
  return template.replace(/\{SEL(?:,([^}]*))?\}/g, (_all, own?: string) => {
    const parts = [cluster, own].filter((p): p is string => !!p);
    return parts.length > 0 ? `{${parts.join(',')}}` : '';
  });
}
