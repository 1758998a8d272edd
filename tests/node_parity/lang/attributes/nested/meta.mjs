const here = { dirname: import.meta.dirname, filename: import.meta.filename };
export function where() {
  return [here.dirname.endsWith('/attributes/nested'), here.filename.endsWith('/nested/meta.mjs'),
          import.meta.dirname === here.dirname];
}
