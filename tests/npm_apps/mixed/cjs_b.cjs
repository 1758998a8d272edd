const a = require('./cjs_a.cjs');
module.exports = {
  name: 'b',
  seenAWhileLoading: JSON.stringify({ fromA: a.fromA, loading: a.loading }),
  data: require('./data.json').name,
};
