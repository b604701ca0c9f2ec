import { ResponseError } from '@backstage/errors';

/** A ResponseError as the client throws it for a Backstage error body. */
export function backendError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = {
    error: { name, message },
    request: { method: 'GET', url: '/api/network-scorecard' },
    response: { statusCode: status },
  };
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status,
      statusText: name,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }),
  );
}
