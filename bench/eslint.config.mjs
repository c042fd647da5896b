// The root configuration ignores bench/** (so that `turbo run lint` from the root does not lint it twice);
// linting from here (`pnpm --filter @sen/bench lint`) uses the same rules, with paths relative to bench/.
export { default } from '../eslint.config.mjs';
