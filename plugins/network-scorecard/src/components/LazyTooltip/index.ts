export { LazyTooltip } from './LazyTooltip';
export type { LazyTooltipProps } from './LazyTooltip';
