import mongoose, { type Connection } from 'mongoose';
import { mongoSettingsFromEnv } from '../src';

/** A connection with the platform's settings (one connection on FerretDB) to a database of the test's own. */
export function openTestConnection(dbName: string): Promise<Connection> {
  const { uri, maxPoolSize } = mongoSettingsFromEnv('unused', { ...process.env, MONGODB_MAX_POOL_SIZE: process.env.MONGODB_MAX_POOL_SIZE ?? '1' });
  return mongoose.createConnection(uri, { dbName, maxPoolSize, retryWrites: false }).asPromise();
}
