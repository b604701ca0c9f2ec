export { AcknowledgeDialog, expiryOf } from './AcknowledgeDialog';
export type { AcknowledgeDialogProps } from './AcknowledgeDialog';
