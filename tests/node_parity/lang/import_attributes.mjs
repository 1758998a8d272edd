export { main } from './attributes/uses_with.mjs';
