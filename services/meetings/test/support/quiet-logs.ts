// Imported first by the harness: the logger reads LOG_LEVEL when the app module is loaded.
process.env.LOG_LEVEL ??= 'warn';
process.env.QUOTA_JOB ??= 'off';
