import NetworkCheckIcon from '@material-ui/icons/NetworkCheck';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { networkScorecardApi } from './api';
import {
  networkScorecardEntityCard,
  networkScorecardEntityContent,
  networkScorecardGroupEntityCard,
} from './entity';
import { networkScorecardPage } from './page';
import { routes } from './routes';

/**
 * Network Scorecard for the new frontend system. The app draws the page
 * header and the sidebar item from the plugin's title and icon.
 * @alpha
 */
export const networkScorecardPlugin = createFrontendPlugin({
  pluginId: 'network-scorecard',
  title: 'Network Scorecard',
  icon: <NetworkCheckIcon fontSize="inherit" />,
  routes,
  extensions: [
    networkScorecardApi,
    networkScorecardPage,
    networkScorecardEntityCard,
    networkScorecardGroupEntityCard,
    networkScorecardEntityContent,
  ],
});
