import './absent.mjs';
export const a = 1;
