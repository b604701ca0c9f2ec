export { kubeProxyReplaced } from './replaced';
export { kubeProxyRedundant } from './redundant';
export { kubeProxyScale } from './scale';
