import { ClusterFacts, ReportError } from '@network-scorecard/common';

/**
 * What one collection produced: every fact of DESIGN §5 except `dashboards`
 * (that one comes from the catalog), what could not be read, and its cost.
 * @public
 */
export interface CollectedFacts {
  facts: ClusterFacts;
  /** one entry per unknown fact (not for facts that do not apply) */
  errors: ReportError[];
  /** when the dump was taken (annotation network-scorecard.io/captured-at), for snapshots */
  capturedAt?: string;
  /** live: HTTP requests and response bytes; snapshot: reads made and 0 bytes */
  stats: { requests: number; bytes: number };
}

/**
 * How to reach one cluster, with its credential already resolved (the
 * backend resolves it with the Kubernetes plugin's auth strategies).
 * @public
 */
export interface KubernetesConnection {
  name: string;
  url: string;
  /** bearer token (a service account token, or one an auth strategy issued); none for anonymous access */
  serviceAccountToken?: string;
  /** base64-encoded PEM client certificate and key, for x509 client authentication */
  clientCertificate?: { certData: string; keyData: string };
  /** base64-encoded PEM, as in a kubeconfig's certificate-authority-data */
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
}
