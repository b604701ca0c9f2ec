import { screen, waitFor } from '@testing-library/react';
import { MockPermissionApi } from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { apiFor, render } from '../../__testUtils__/renderContent';

// the tab draws charts and loads the acknowledgement trail: slow in jsdom
jest.setTimeout(20_000);

// its own file: permission answers are cached per module, and the other
// suite's users may do everything
describe('EntityNetworkScorecardContent without scan and acknowledge permissions', () => {
  it('disables Scan now and Acknowledge', async () => {
    await render(
      apiFor('prod-us-1'),
      new MockPermissionApi(request =>
        request.permission.name === 'network-scorecard.report.read'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      ),
    );

    expect(
      await screen.findByRole('button', { name: /Scan now/ }),
    ).toBeDisabled();
    await waitFor(() => {
      const acknowledge = screen.getAllByRole('button', {
        name: 'Acknowledge',
      });
      expect(acknowledge.length).toBeGreaterThan(0);
      for (const button of acknowledge) expect(button).toBeDisabled();
    });
    // stays disabled once the decision is in
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(screen.getByRole('button', { name: /Scan now/ })).toBeDisabled();
  });
});
