import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createHttpApp } from './app/http-app';

async function main() {
  const config = loadConfig();
  const app = await createHttpApp(config);
  await app.listen(config.PORT, config.HOST);
  console.log(`Keeper API listening on http://${config.HOST}:${config.PORT}`);
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
