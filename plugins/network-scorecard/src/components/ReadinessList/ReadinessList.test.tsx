import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { reports } from '../../__fixtures__/reports';
import { rootRouteRef } from '../../routes';
import { ReadinessList } from './ReadinessList';

const readiness = reports['prod-us-1'].readiness;

describe('ReadinessList', () => {
  it('links each item to the same item across the fleet', async () => {
    await renderInTestApp(<ReadinessList readiness={readiness} />, {
      mountedRoutes: { '/network-scorecard': rootRouteRef },
    });

    for (const item of readiness) {
      const row = screen.getByTestId(`readiness-${item.id}`);
      expect(
        within(row).getByRole('link', {
          name: `Track across the fleet: ${item.title}`,
        }),
      ).toHaveAttribute(
        'href',
        `/network-scorecard/migrations?item=${encodeURIComponent(item.id)}`,
      );
    }
  });

  it('shows blockers and steps without the link when the app has no fleet page', async () => {
    await renderInTestApp(<ReadinessList readiness={readiness} />);

    const blocked = readiness.find(item => item.status === 'blocked')!;
    const row = screen.getByTestId(`readiness-${blocked.id}`);
    expect(row).toHaveTextContent(blocked.blockers[0]);
    expect(row).toHaveTextContent(`Steps left (${blocked.steps.length})`);
    expect(
      screen.queryByRole('link', { name: /Track across the fleet/ }),
    ).not.toBeInTheDocument();
  });
});
