export {
  CLUSTER_ANNOTATION,
  clusterCandidatesOfEntity,
  clustersOfEntity,
  isClusterResource,
} from './clustersOfEntity';
