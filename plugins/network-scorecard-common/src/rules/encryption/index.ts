export { encryptionTransparent } from './transparent';
