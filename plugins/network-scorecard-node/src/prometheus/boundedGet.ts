import http from 'node:http';
import https from 'node:https';
import { classifyError } from '../reader/httpFailures';
import { ReadFailure } from '../reader/types';

/** One GET whose answer must come within `timeoutMs` and fit in `maxBytes`. */
export interface BoundedGet {
  url: URL;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** the connection agent (a CONNECT tunnel when a proxy applies); Node's default when absent */
  agent?: http.Agent;
  /** names the request in failures, e.g. "query hubble_drop_total" */
  what: string;
  /** receives every response byte, counted as it arrives */
  onBytes(count: number): void;
}

/**
 * GET with a hard deadline on the whole exchange and a byte limit counted
 * while the body is read: past either, the request is destroyed, so a slow or
 * endless answer costs at most the limit. Transport errors are classified as
 * the Kubernetes reader classifies them.
 */
export function boundedGet(
  request: BoundedGet,
): Promise<{ status: number; body: Buffer }> {
  const transport = request.url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = transport.request(request.url, {
      method: 'GET',
      headers: request.headers,
      agent: request.agent,
    });
    const timer = setTimeout(
      () =>
        req.destroy(
          new ReadFailure(
            'timeout',
            `${request.what}: no answer within ${request.timeoutMs} ms`,
          ),
        ),
      request.timeoutMs,
    );
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(
        error instanceof ReadFailure
          ? error
          : classifyError(error as NodeJS.ErrnoException, request.what),
      );
    };
    req.on('error', fail);
    req.on('response', response => {
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        request.onBytes(chunk.length);
        if (received > request.maxBytes) {
          // settle now: the last chunk's 'end' may come before destroy's 'error'
          fail(
            new ReadFailure(
              'error',
              `${request.what}: too large, more than ${request.maxBytes} bytes`,
            ),
          );
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('aborted', () =>
        fail(
          Object.assign(new Error('response aborted'), { code: 'ECONNRESET' }),
        ),
      );
      response.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
        });
      });
    });
    req.end();
  });
}
