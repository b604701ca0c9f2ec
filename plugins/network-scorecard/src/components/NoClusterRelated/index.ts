export { NoClusterRelated } from './NoClusterRelated';
