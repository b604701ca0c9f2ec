import { ReadFailure } from './types';

function statusMessage(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed.message === 'string' && parsed.message) {
      return parsed.message.length > 300
        ? `${parsed.message.slice(0, 300)}…`
        : parsed.message;
    }
  } catch {
    // not a Status object
  }
  return undefined;
}

/** Maps a non-2xx answer (usually a Status object) to a failure. */
export function classifyStatus(
  status: number,
  body: Buffer,
  what: string,
): ReadFailure {
  const message = statusMessage(body);
  const detail = message ? `${what} (${message})` : what;
  switch (status) {
    case 401:
      return new ReadFailure(
        'unauthorized',
        `${what}: the API server rejected the credentials (401)`,
      );
    case 403:
      return new ReadFailure('forbidden', detail);
    case 404:
      return new ReadFailure('not-found', what);
    case 408:
    case 504:
      return new ReadFailure('timeout', `${detail}: HTTP ${status}`);
    default:
      return new ReadFailure(
        'error',
        `${what}: HTTP ${status}${message ? ` (${message})` : ''}`,
      );
  }
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

/** Maps a transport error (refused, reset, TLS, DNS) to a failure. */
export function classifyError(
  error: NodeJS.ErrnoException,
  what: string,
): ReadFailure {
  const code = error.code ?? '';
  if (
    TLS_CODES.has(code) ||
    code.startsWith('ERR_SSL') ||
    code.startsWith('ERR_TLS')
  ) {
    return new ReadFailure(
      'error',
      `TLS: ${error.message} (${code}) on ${what}`,
      true,
    );
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new ReadFailure(
        'error',
        `connection refused (${error.message})`,
        true,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ReadFailure(
        'error',
        `host not found (${error.message})`,
        true,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ReadFailure(
        'error',
        `host unreachable (${error.message})`,
        true,
      );
    case 'ECONNRESET':
      return new ReadFailure(
        'error',
        `${what}: connection reset by the server (ECONNRESET)`,
      );
    case 'ETIMEDOUT':
      return new ReadFailure('timeout', `${what}: connection timed out`);
    default:
      return new ReadFailure(
        'error',
        `${what}: ${error.message}${code ? ` (${code})` : ''}`,
      );
  }
}
