import './syntax.mjs';
export const b = 2;
