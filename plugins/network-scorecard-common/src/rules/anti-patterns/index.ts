export { apMeshTooEarly } from './meshTooEarly';
export { apMeshWithoutQuestion } from './meshWithoutQuestion';
export { apSidecarsWhenAmbientFits } from './sidecarsWhenAmbientFits';
export { apTwoControlPlanes } from './twoControlPlanes';
export { apStandaloneCniMigration } from './standaloneCniMigration';
export { apCalicoEbpfUntested } from './calicoEbpfUntested';
export { apGlobalL7Visibility } from './globalL7Visibility';
export { apInfraTracingEverywhere } from './infraTracingEverywhere';
