// Orders words by count, then alphabetically, so ties have a stable order.
export function rank(counts) {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
