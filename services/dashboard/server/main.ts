import { createDashboardApp } from './dashboard-app';
import { dashboardOptionsFromEnv } from './dashboard-options';

async function main(): Promise<void> {
  const options = dashboardOptionsFromEnv();
  const app = await createDashboardApp(options);
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  console.log(
    JSON.stringify({
      msg: `dashboard listening on :${port}`,
      webRoot: options.webRoot,
      devLogin: options.devLogin,
    }),
  );
}

void main();
