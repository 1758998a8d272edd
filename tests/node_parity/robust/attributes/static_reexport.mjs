export { default } from './data.json' with { type: 'json' };
