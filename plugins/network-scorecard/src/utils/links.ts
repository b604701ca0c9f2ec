/**
 * Hubble UI filtered to one namespace. Hubble UI reads `?namespace=` from the
 * root path, so the link is `<base>/?namespace=<ns>`.
 */
export function hubbleNamespaceUrl(
  baseUrl: string,
  namespace: string | null,
  verdict?: 'DROPPED',
): string {
  if (!namespace) return baseUrl;
  const query = `namespace=${encodeURIComponent(namespace)}${
    verdict ? `&verdict=${verdict}` : ''
  }`;
  if (baseUrl.includes('?')) {
    return `${baseUrl}&${query}`;
  }
  return `${baseUrl.replace(/\/+$/, '')}/?${query}`;
}
