import { KubeObject } from '@network-scorecard/node';

/** A minimal Kubernetes object for tests. */
export function object(
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
  rest: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion,
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    ...rest,
  };
}
