// A small corpus; a real app would import a large one, parsed once at build time.
export const text = `
Snapshots start fast because the work of loading and evaluating a program is
done once, ahead of time, and the warm heap is written to a file. Starting the
program then means mapping that heap back into memory and calling its main
function. The work that is done once is the work that makes the start slow.
`;
