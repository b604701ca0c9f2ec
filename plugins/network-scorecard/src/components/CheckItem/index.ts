export { CheckItem, EvidenceList } from './CheckItem';
export type { CheckItemProps } from './CheckItem';
