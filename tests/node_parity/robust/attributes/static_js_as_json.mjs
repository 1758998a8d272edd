import value from './plain.mjs' with { type: 'json' };
export default value;
