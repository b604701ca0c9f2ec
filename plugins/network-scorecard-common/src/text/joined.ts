/**
 * `parts.join(separator)`, built by concatenation: for the few short parts of
 * a report sentence that is several times cheaper than Array#join.
 */
export function joined(parts: readonly string[], separator: string): string {
  if (parts.length === 0) return '';
  let text = parts[0];
  for (let i = 1; i < parts.length; i++) text += separator + parts[i];
  return text;
}
