import {
  cloneElement,
  FocusEvent,
  MouseEvent,
  ReactElement,
  ReactNode,
  useEffect,
  useRef,
  useState,
} from 'react';
import { Tooltip } from '@material-ui/core';

export interface LazyTooltipProps {
  title: NonNullable<ReactNode>;
  /** one element that can hold a ref, as for Material UI's Tooltip */
  children: ReactElement;
}

type Woken = null | 'pointer' | 'focus';

/**
 * Material UI's Tooltip, mounted only once the pointer or focus first reaches
 * its element. Until then the element carries a string title natively, as the
 * Tooltip itself does while closed. A table page mounts hundreds of tooltips
 * that are never opened, and mounting and unmounting them (timers, listeners)
 * was most of a filter change.
 */
export const LazyTooltip = ({ title, children }: LazyTooltipProps) => {
  const [woken, setWoken] = useState<Woken>(null);
  const [open, setOpen] = useState(false);
  const element = useRef<HTMLElement>(null);
  // The element is mounted anew inside the Tooltip: keep keyboard focus on it.
  useEffect(() => {
    if (woken === 'focus') element.current?.focus();
  }, [woken]);
  if (woken === null) {
    const own = children.props as {
      onMouseOver?: (event: MouseEvent) => void;
      onFocus?: (event: FocusEvent) => void;
    };
    const wake = (how: Woken) => {
      setWoken(how);
      setOpen(true);
    };
    return cloneElement(children, {
      title: typeof title === 'string' ? title : undefined,
      onMouseOver: (event: MouseEvent) => {
        own.onMouseOver?.(event);
        wake('pointer');
      },
      onFocus: (event: FocusEvent) => {
        own.onFocus?.(event);
        wake('focus');
      },
    });
  }
  return (
    <Tooltip
      title={title}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      {cloneElement(children, { ref: element })}
    </Tooltip>
  );
};
