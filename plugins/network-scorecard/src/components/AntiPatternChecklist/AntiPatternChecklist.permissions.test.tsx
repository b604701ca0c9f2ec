import { screen, waitFor, within } from '@testing-library/react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { networkScorecardAcknowledgementDeletePermission } from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';
import { fakeNetworkScorecardApi } from '../../__fixtures__/fakeApi';
import { reports } from '../../__fixtures__/reports';
import { AntiPatternChecklist } from './AntiPatternChecklist';

const detected = reports['prod-us-1'].antiPatterns.find(
  ap => ap.status === 'detected',
)!;

// its own file: permission answers are cached per module
describe('AntiPatternChecklist without the withdraw permission', () => {
  it('disables Withdraw and keeps Acknowledge', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [networkScorecardApiRef, fakeNetworkScorecardApi()],
          [
            permissionApiRef,
            new MockPermissionApi(request =>
              request.permission.name ===
              networkScorecardAcknowledgementDeletePermission.name
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
            ),
          ],
        ]}
      >
        <AntiPatternChecklist
          cluster="prod-us-1"
          antiPatterns={[
            {
              ...detected,
              acknowledged: {
                by: 'user:default/alice',
                reason: 'waits for the refresh',
                at: '2026-10-01T09:00:00.000Z',
                expiresAt: '2099-01-31T23:59:59.000Z',
              },
            },
          ]}
        />
      </TestApiProvider>,
    );

    const item = screen.getByTestId(`anti-pattern-${detected.id}`);
    await waitFor(() =>
      expect(
        within(item).getByRole('button', { name: 'Renew acknowledgement' }),
      ).toBeEnabled(),
    );
    // stays disabled once the decision is in
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(
      within(item).getByRole('button', { name: 'Withdraw' }),
    ).toBeDisabled();
  });
});
