import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

// Like packages/app: signs in as the backend's guest user without asking.
const guestSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { SignInPage } = await import('@backstage/core-components');
      return props => <SignInPage {...props} auto providers={['guest']} />;
    },
  },
});

export const guestSignInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [guestSignInPage],
});
