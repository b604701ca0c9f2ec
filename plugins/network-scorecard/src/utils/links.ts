/**
 * Hubble UI filtered to one namespace. Hubble UI reads `?namespace=` from the
 * root path, so the link is `<base>/?namespace=<ns>`.
 */
export function hubbleNamespaceUrl(
  baseUrl: string,
  namespace: string | null,
): string {
  if (!namespace) return baseUrl;
  const encoded = encodeURIComponent(namespace);
  if (baseUrl.includes('?')) {
    return `${baseUrl}&namespace=${encoded}`;
  }
  return `${baseUrl.replace(/\/+$/, '')}/?namespace=${encoded}`;
}
