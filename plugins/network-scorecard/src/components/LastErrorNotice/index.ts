export { LastErrorNotice } from './LastErrorNotice';
