// Test processes get a throwaway AUTH_SECRET before anything reads the environment.
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.APP_URL ??= "http://localhost:3000";
