export { ReportLinks } from './ReportLinks';
export type { ReportLinksProps } from './ReportLinks';
export { HubbleLink } from './HubbleLink';
