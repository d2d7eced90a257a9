// Both backend tiers (`jest` from backend/, `nx run @hcmc-1022/backend:test`); a path pattern
// picks files from either, `--selectProjects unit` (or `int`) one tier. `npm run test:unit` and
// `npm run test:int` run one tier each with their own config.
const project = ({ forceExit, ...config }) => config;

module.exports = {
  projects: [project(require('./jest.unit.config')), project(require('./jest.int.config'))],
  forceExit: true,
};
