module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // Variants and their golden facts are test fixtures built on the test
      // helpers; nothing in src/index.ts reaches them.
      files: ['src/__fixtures__/**'],
      rules: { 'no-restricted-imports': 'off' },
    },
    {
      // assertions live in helpers named expect…(), e.g. expectSameAsDirect
      files: ['src/**/*.test.ts'],
      rules: {
        'jest/expect-expect': ['warn', { assertFunctionNames: ['expect*'] }],
      },
    },
  ],
});
