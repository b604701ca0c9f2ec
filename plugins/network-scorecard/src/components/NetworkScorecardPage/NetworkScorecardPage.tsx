import { memo } from 'react';
import { Header, Page } from '@backstage/core-components';
import { NetworkScorecardPageContent } from './NetworkScorecardPageContent';

/**
 * Memoised: the app's routes render the page again on every change of the
 * address (each filter change), and Backstage's Page then derives a new page
 * theme, so that every style sheet below it was detached and attached again.
 * The views below read the address themselves.
 */
const FleetPageLayout = memo(() => (
  <Page themeId="tool">
    <Header
      title="Network Scorecard"
      subtitle="Every Kubernetes cluster's CNI, service mesh and traffic observability, scored against the platform's networking framework"
    />
    <NetworkScorecardPageContent />
  </Page>
));

/** The fleet page: every cluster's networking grade side by side. */
export const NetworkScorecardPage = () => <FleetPageLayout />;
