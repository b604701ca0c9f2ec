import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  AcknowledgementRecord,
  AntiPatternReport,
} from '@network-scorecard/common';
import { NetworkScorecardApi, networkScorecardApiRef } from '../../api';
import { fakeNetworkScorecardApi } from '../../__fixtures__/fakeApi';
import { backendError } from '../../__fixtures__/errors';
import { reports } from '../../__fixtures__/reports';
import { AntiPatternChecklist } from './AntiPatternChecklist';

const detected = reports['prod-us-1'].antiPatterns.find(
  ap => ap.status === 'detected',
)!;
const acknowledgement = {
  by: 'user:default/alice',
  reason: 'the move waits for the Q3 platform refresh (ADR-131)',
  at: '2026-10-01T09:00:00.000Z',
  expiresAt: '2099-01-31T23:59:59.000Z',
};
const acknowledged: AntiPatternReport = {
  ...detected,
  acknowledged: acknowledgement,
};

const trail: AcknowledgementRecord[] = [
  {
    cluster: 'prod-us-1',
    antiPatternId: detected.id,
    acknowledgement,
    withdrawn: null,
  },
  {
    cluster: 'prod-us-1',
    antiPatternId: detected.id,
    acknowledgement: {
      by: 'user:default/bob',
      reason: 'first pilot cluster',
      at: '2026-06-01T09:00:00.000Z',
      expiresAt: '2026-08-31T23:59:59.000Z',
    },
    withdrawn: { by: 'user:default/carol', at: '2026-07-15T12:00:00.000Z' },
  },
];

function render(
  api: NetworkScorecardApi,
  antiPatterns: AntiPatternReport[] = [acknowledged],
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [networkScorecardApiRef, api],
        [permissionApiRef, new MockPermissionApi()],
      ]}
    >
      <AntiPatternChecklist cluster="prod-us-1" antiPatterns={antiPatterns} />
    </TestApiProvider>,
  );
}

async function enabledButton(scope: HTMLElement, name: string) {
  const button = await within(scope).findByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

jest.setTimeout(20_000);

describe('AntiPatternChecklist', () => {
  it('withdraws a standing acknowledgement after confirming, then reloads the history', async () => {
    const api = fakeNetworkScorecardApi();
    await render(api);
    const item = screen.getByTestId(`anti-pattern-${detected.id}`);
    expect(within(item).getByText('acknowledged')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.listAcknowledgements).toHaveBeenCalledTimes(1),
    );

    await userEvent.click(await enabledButton(item, 'Withdraw'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      `Withdraw the acknowledgement of “${detected.title}” on prod-us-1?`,
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Withdraw' }),
    );

    await waitFor(() =>
      expect(api.withdrawAcknowledgement).toHaveBeenCalledWith(
        'prod-us-1',
        detected.id,
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(within(item).getByText('detected')).toBeInTheDocument();
    expect(
      within(item).queryByRole('button', { name: 'Withdraw' }),
    ).not.toBeInTheDocument();
    expect(
      within(item).getByRole('button', { name: 'Acknowledge' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.listAcknowledgements).toHaveBeenCalledTimes(2),
    );
  });

  it('has both dialogs and their buttons in place, hidden, before one opens, and opens each afresh', async () => {
    await render(fakeNetworkScorecardApi(), [detected]);
    const item = screen.getByTestId(`anti-pattern-${detected.id}`);
    // a button mounted as its dialog opens cannot take keyboard focus at once (Material UI's focus ripple)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const closed = [
      ...document.querySelectorAll<HTMLElement>('[role="dialog"]'),
    ];
    expect(closed).toHaveLength(2);
    for (const dialog of closed) {
      expect(
        within(dialog).getByText('Cancel').closest('button'),
      ).not.toBeNull();
    }

    await userEvent.click(await enabledButton(item, 'Acknowledge'));
    let dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'typed, then cancelled',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(await enabledButton(item, 'Acknowledge'));
    dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: /Reason/ })).toHaveValue(
      '',
    );
  });

  it('keeps the acknowledgement and shows the error when the withdrawal is refused', async () => {
    const error = await backendError(
      404,
      'NotFoundError',
      'no acknowledgement stands',
    );
    const api = fakeNetworkScorecardApi({
      withdrawAcknowledgement: jest.fn().mockRejectedValue(error),
    });
    await render(api);
    const item = screen.getByTestId(`anti-pattern-${detected.id}`);

    await userEvent.click(await enabledButton(item, 'Withdraw'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Withdraw' }),
    );

    expect(
      await within(dialog).findByText(/Could not withdraw/),
    ).toBeInTheDocument();
    expect(within(item).getByText('acknowledged')).toBeInTheDocument();
  });

  it('shows who acknowledged, why, until when, and who withdrew, behind a History button', async () => {
    const api = fakeNetworkScorecardApi({
      listAcknowledgements: jest.fn(async cluster => ({
        cluster,
        items: trail,
      })),
    });
    await render(api);
    const item = screen.getByTestId(`anti-pattern-${detected.id}`);

    const toggle = await within(item).findByRole('button', {
      name: /History \(2\)/,
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(
      within(item).queryByText(/first pilot cluster/),
    ).not.toBeInTheDocument();

    await userEvent.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const entries = within(item)
      .getAllByRole('listitem')
      .filter(li => /Acknowledged by/.test(li.textContent ?? ''));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent(
      /Acknowledged by user:default\/alice .*ADR-131/,
    );
    expect(entries[0]).toHaveTextContent('Stands.');
    expect(entries[1]).toHaveTextContent(
      /Acknowledged by user:default\/bob .*until .*2026-08-31.*first pilot cluster/,
    );
    expect(entries[1]).toHaveTextContent(
      /Withdrawn by user:default\/carol on .*2026-07-15/,
    );
  });

  it('offers no Withdraw on an anti-pattern nobody acknowledged', async () => {
    await render(fakeNetworkScorecardApi(), [detected]);
    const item = screen.getByTestId(`anti-pattern-${detected.id}`);

    await enabledButton(item, 'Acknowledge');
    expect(
      within(item).queryByRole('button', { name: 'Withdraw' }),
    ).not.toBeInTheDocument();
    expect(
      within(item).queryByRole('button', { name: /History/ }),
    ).not.toBeInTheDocument();
  });
});
