// Every test must make at least one assertion: a loop over nothing, or a check that returns early, fails instead of
// passing silently (jest setupFilesAfterEnv, see jest.config.js).
beforeEach(() => {
  expect.hasAssertions();
});
