import { EmptyState } from '@backstage/core-components';

/** Shown for an entity that runs on no known cluster. */
export const NoClusterRelated = () => (
  <EmptyState
    missing="info"
    title="No cluster to score"
    description="This entity is not related to a Kubernetes cluster: add spec.dependsOn: resource:<cluster> to its catalog entity (as the Kubernetes plugin's catalog relation does), or the backstage.io/kubernetes-cluster annotation, and set backstage.io/kubernetes-namespace for namespace-filtered links."
  />
);
