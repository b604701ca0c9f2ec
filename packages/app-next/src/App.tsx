import { createApp } from '@backstage/frontend-defaults';
import { guestSignInModule } from './guestSignInModule';

// Plugins come from package.json through feature discovery (`app.packages: all`
// in app-config.yaml); only what is specific to this app is listed here.
export default createApp({
  features: [guestSignInModule],
});
