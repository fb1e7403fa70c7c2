import { Logger } from 'nestjs-pino';
import { createDashboardApp } from './dashboard-app';
import { dashboardOptionsFromEnv } from './dashboard-options';

/** The dashboard's server: `node dist/services/dashboard/src/main.js` (npm start runs it on :3000). */
async function main(): Promise<void> {
  const options = dashboardOptionsFromEnv();
  const app = await createDashboardApp(options);
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  app
    .get(Logger)
    .log(
      `dashboard listening on :${port} (app from ${options.webRoot}; dev sign-in ${options.devLogin ? 'on' : 'off'})`,
    );
}

void main();
