import { ReactNode } from 'react';
import { Button, Tooltip } from '@material-ui/core';

/** An outlined action that is disabled, saying which permission is missing, when the user may not use it. */
export const PermittedButton = (props: {
  allowed: boolean;
  permission: string;
  /** what the permission lets one do, e.g. "acknowledge" */
  action: string;
  onClick(): void;
  children: ReactNode;
}) => (
  <Tooltip
    title={
      props.allowed
        ? ''
        : `You need the ${props.permission} permission to ${props.action}`
    }
  >
    <span>
      <Button
        size="small"
        variant="outlined"
        disabled={!props.allowed}
        onClick={props.onClick}
      >
        {props.children}
      </Button>
    </span>
  </Tooltip>
);
