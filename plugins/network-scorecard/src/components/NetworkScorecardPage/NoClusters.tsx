import { CodeSnippet, EmptyState } from '@backstage/core-components';

const CONFIG_EXAMPLE = `# reuse the Kubernetes plugin's clusters
kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: prod-eu-1
          url: https://prod-eu-1.k8s.example.com
          authProvider: serviceAccount
          serviceAccountToken: \${K8S_PROD_EU_1_TOKEN}
# or score cluster dumps (kubectl get … -A -o json)
networkScorecard:
  snapshots:
    - name: lab-1
      file: ./snapshots/lab-1.json`;

/** What to configure when the backend knows no cluster. */
export const NoClusters = () => (
  <EmptyState
    missing="data"
    title="No clusters to score yet"
    description="Network Scorecard scores the clusters of the Kubernetes plugin's kubernetes.clusterLocatorMethods, the catalog's Resources of spec.type kubernetes-cluster, and cluster dumps listed under networkScorecard.snapshots. Add one of them to app-config.yaml:"
    action={<CodeSnippet language="yaml" text={CONFIG_EXAMPLE} />}
  />
);
