// An uncaught error with an own property: Node's report inspects it in
// colour when stderr would get colours.
export function main() {
  const error = new Error('boom');
  error.code = 'E_BOOM';
  throw error;
}
