import useAsync from 'react-use/esm/useAsync';
import {
  CodeSnippet,
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid } from '@material-ui/core';
import { networkScorecardApiRef } from '../../api';
import { FleetSummaryRow } from '../FleetSummaryRow';
import { FleetTable } from '../FleetTable';

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

const NoClusters = () => (
  <EmptyState
    missing="data"
    title="No clusters to score yet"
    description="Network Scorecard scores the clusters of the Kubernetes plugin's kubernetes.clusterLocatorMethods, the catalog's Resources of spec.type kubernetes-cluster, and cluster dumps listed under networkScorecard.snapshots. Add one of them to app-config.yaml:"
    action={<CodeSnippet language="yaml" text={CONFIG_EXAMPLE} />}
  />
);

const Fleet = () => {
  const api = useApi(networkScorecardApiRef);
  const { value, loading, error } = useAsync(
    () => Promise.all([api.listClusters(), api.getFleetSummary()]),
    [api],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !value) return <Progress />;
  const [list, summary] = value;
  if (list.items.length === 0) return <NoClusters />;
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <FleetSummaryRow summary={summary} />
      </Grid>
      <Grid item>
        <FleetTable clusters={list.items} />
      </Grid>
    </Grid>
  );
};

/** The fleet page: every cluster's networking grade side by side. */
export const NetworkScorecardPage = () => (
  <Page themeId="tool">
    <Header
      title="Network Scorecard"
      subtitle="Every Kubernetes cluster's CNI, service mesh and traffic observability, scored against the platform's networking framework"
    />
    <Content>
      <ContentHeader title="Fleet">
        <SupportButton>
          Grades come from the latest scan of each cluster. A cluster graded "?"
          could not be judged on at least half of its applicable checks; a stale
          marker means its last scan is older than 24 hours.
        </SupportButton>
      </ContentHeader>
      <Fleet />
    </Content>
  </Page>
);
