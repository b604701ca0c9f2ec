export { AcknowledgeDialog, expiryOf } from './AcknowledgeDialog';
export type { AcknowledgeDialogProps } from './AcknowledgeDialog';
export { WithdrawDialog } from './WithdrawDialog';
export type { WithdrawDialogProps } from './WithdrawDialog';
