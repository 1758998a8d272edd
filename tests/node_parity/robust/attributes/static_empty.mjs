import data from './data.json' with { };
export default data;
