export { ChecksByArea } from './ChecksByArea';
