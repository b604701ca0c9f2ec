/*
 * The demo Backstage backend: catalog, guest sign-in, the allow-all permission
 * policy, notifications (with signals, to push them to the open app) and
 * Network Scorecard. SQLite in memory unless app-config says otherwise.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Network Scorecard tells cluster owners here when a scorecard gets worse.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@network-scorecard/plugin-backend'));
// An organisation's own rule, added through the scorecard's extension point.
backend.add(import('@network-scorecard/plugin-backend-module-example-rules'));

backend.start();
