// Small helpers for talking to the running backend as a guest user.
export const BASE = 'http://localhost:7007';

export async function guestToken() {
  const res = await fetch(`${BASE}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok)
    throw new Error(`guest sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}

export async function api(path, token, init = {}) {
  const res = await fetch(`${BASE}/api/network-scorecard${path}`, {
    ...init,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      'Content-Type': 'application/json',
    },
  });
  const body = await res.text();
  return { status: res.status, body: body ? JSON.parse(body) : undefined };
}

export async function waitFor(
  what,
  check,
  { timeoutMs = 120_000, intervalMs = 1000 } = {},
) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
  throw new Error(
    `timed out waiting for ${what}${last ? `: ${last.message}` : ''}`,
  );
}
