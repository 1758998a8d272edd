import data from './other.json' with { type: 'json', foo: 'bar' };
export default data;
