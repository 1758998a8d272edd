let count = 0;
export default { bump: () => ++count };
