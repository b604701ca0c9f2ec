export { ReadinessList } from './ReadinessList';
