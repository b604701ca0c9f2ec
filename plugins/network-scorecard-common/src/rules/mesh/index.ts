export { meshNeed } from './need';
export { meshChoice } from './choice';
export { meshMtls } from './mtls';
