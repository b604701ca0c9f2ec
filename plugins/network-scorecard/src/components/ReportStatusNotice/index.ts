export { ReportStatusNotice } from './ReportStatusNotice';
export type { ReportStatusNoticeProps } from './ReportStatusNotice';
