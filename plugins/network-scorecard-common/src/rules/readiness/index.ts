export { readinessCalicoToCilium } from './calicoToCilium';
export { readinessKubeProxyReplacement } from './kubeProxyReplacement';
export { readinessHubble } from './hubble';
export { readinessMesh } from './mesh';
