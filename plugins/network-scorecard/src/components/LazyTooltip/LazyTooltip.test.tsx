import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LazyTooltip } from './LazyTooltip';

describe('LazyTooltip', () => {
  it('carries its text as a native title until hovered, then opens as a tooltip and closes on leave', async () => {
    render(
      <LazyTooltip title="Read from a cluster dump">
        <span>3 days ago</span>
      </LazyTooltip>,
    );
    expect(screen.getByText('3 days ago')).toHaveAttribute(
      'title',
      'Read from a cluster dump',
    );
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    await userEvent.hover(screen.getByText('3 days ago'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Read from a cluster dump',
    );
    expect(screen.getByText('3 days ago')).not.toHaveAttribute('title');

    await userEvent.unhover(screen.getByText('3 days ago'));
    await waitFor(() =>
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument(),
    );
    await userEvent.hover(screen.getByText('3 days ago'));
    expect(await screen.findByRole('tooltip')).toBeInTheDocument();
  });

  it('opens on focus, keeps the focus and the handlers of its element', async () => {
    const onFocus = jest.fn();
    render(
      <LazyTooltip title="Anti-patterns detected in the last scan">
        <button type="button" onFocus={onFocus}>
          2 detected
        </button>
      </LazyTooltip>,
    );
    await userEvent.tab();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Anti-patterns detected in the last scan',
    );
    expect(screen.getByRole('button', { name: /2 detected/ })).toHaveFocus();
    expect(onFocus).toHaveBeenCalled();

    fireEvent.blur(screen.getByRole('button', { name: /2 detected/ }));
    await waitFor(() =>
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument(),
    );
  });
});
