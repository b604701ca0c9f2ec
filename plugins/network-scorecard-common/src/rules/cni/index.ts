export { cniProductionGrade } from './productionGrade';
export { cniDefaultChoice } from './defaultChoice';
export { cniKernel } from './kernel';
export { cniWindows } from './windows';
export { cniCalicoDataplane } from './calicoDataplane';
export { cniConfigInEffect } from './configInEffect';
