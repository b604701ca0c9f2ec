import { Header, Page } from '@backstage/core-components';
import { NetworkScorecardPageContent } from './NetworkScorecardPageContent';

/** The fleet page: every cluster's networking grade side by side. */
export const NetworkScorecardPage = () => (
  <Page themeId="tool">
    <Header
      title="Network Scorecard"
      subtitle="Every Kubernetes cluster's CNI, service mesh and traffic observability, scored against the platform's networking framework"
    />
    <NetworkScorecardPageContent />
  </Page>
);
