import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { backendError } from '../../__fixtures__/errors';
import { reports } from '../../__fixtures__/reports';

import { apiFor, render } from '../../__testUtils__/renderContent';

/** A button once the permission decision has enabled it. */
async function enabled(
  scope: Pick<typeof screen, 'findByRole'>,
  name: string | RegExp,
): Promise<HTMLElement> {
  const button = await scope.findByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

// role queries over the whole report are slow on small CI machines
jest.setTimeout(20_000);

describe('EntityNetworkScorecardContent', () => {
  it('shows the six areas, every check with its default and "switch when", readiness and history', async () => {
    const api = apiFor('prod-us-1');
    await render(api);

    expect(await screen.findByTestId('grade-prod-us-1')).toHaveTextContent(
      reports['prod-us-1'].grade,
    );
    for (const area of [
      'cni',
      'kube-proxy',
      'mesh',
      'encryption',
      'observability',
      'policy',
    ]) {
      expect(screen.getByTestId(`area-${area}`)).toBeInTheDocument();
    }
    expect(
      within(screen.getByTestId('area-cni')).getByText(
        `${Math.round(
          reports['prod-us-1'].areas.find(a => a.id === 'cni')!.score!,
        )} / 100`,
      ),
    ).toBeInTheDocument();
    for (const check of reports['prod-us-1'].checks) {
      const item = screen.getByTestId(`check-${check.id}`);
      expect(within(item).getByText(check.title)).toBeInTheDocument();
      expect(item).toHaveTextContent(check.switchWhen);
    }
    const readiness = reports['prod-us-1'].readiness[0];
    expect(screen.getByTestId(`readiness-${readiness.id}`)).toHaveTextContent(
      readiness.title,
    );
    expect(
      await screen.findByRole('img', { name: /Score history: 30 scans/ }),
    ).toBeInTheDocument();
    // the default range: the last 90 days, as the backend's from/to
    const [, range] = api.getClusterHistory.mock.calls[0];
    expect(Date.parse(range!.to!) - Date.parse(range!.from!)).toBe(
      90 * 86_400_000,
    );
  });

  it('acknowledges a detected anti-pattern with a reason and an expiry date', async () => {
    const api = apiFor('prod-us-1');
    await render(api);

    const detected = reports['prod-us-1'].antiPatterns.find(
      a => a.status === 'detected',
    )!;
    const row = await screen.findByTestId(`anti-pattern-${detected.id}`);
    await userEvent.click(await enabled(within(row), 'Acknowledge'));

    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Acknowledge' });
    expect(submit).toBeDisabled();
    await userEvent.click(within(dialog).getByLabelText(/Reason/));
    await userEvent.paste(
      'HTTP metrics stay global until the payments incident review (ADR-112)',
    );
    fireEvent.change(within(dialog).getByLabelText(/Expires on/), {
      target: { value: '2099-03-31' },
    });
    await userEvent.click(submit);

    await waitFor(() =>
      expect(api.acknowledgeAntiPattern).toHaveBeenCalledWith('prod-us-1', {
        antiPatternId: detected.id,
        reason:
          'HTTP metrics stay global until the payments incident review (ADR-112)',
        expiresAt: '2099-03-31T23:59:59.000Z',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(within(row).getByText('acknowledged')).toBeInTheDocument();
    expect(
      within(row).getByText(/Acknowledged by user:default\/guest/),
    ).toBeInTheDocument();
  });

  it('keeps the dialog open and shows the error when the acknowledgement is refused', async () => {
    const error = await backendError(403, 'NotAllowedError', 'not allowed');
    const api = apiFor('prod-us-1', {
      acknowledgeAntiPattern: jest.fn().mockRejectedValue(error),
    });
    await render(api);

    const detected = reports['prod-us-1'].antiPatterns.find(
      a => a.status === 'detected',
    )!;
    const row = await screen.findByTestId(`anti-pattern-${detected.id}`);
    await userEvent.click(await enabled(within(row), 'Acknowledge'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText(/Reason/));
    await userEvent.paste('accepted risk');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Acknowledge' }),
    );

    expect(
      await within(dialog).findByText(/Could not acknowledge/),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('scans now and reloads the report', async () => {
    const api = apiFor('prod-us-1');
    await render(api);

    await userEvent.click(await enabled(screen, /Scan now/));

    await waitFor(() =>
      expect(api.scanCluster).toHaveBeenCalledWith('prod-us-1'),
    );
    await waitFor(() => expect(api.getEntityReport).toHaveBeenCalledTimes(2));
  });
});
