import mongoose, { type Connection } from 'mongoose';
import { mongoSettingsFromEnv } from '../src';

/** A connection with the platform's settings (a normal pool) to a database of the test's own. */
export function openTestConnection(dbName: string): Promise<Connection> {
  const { uri, maxPoolSize } = mongoSettingsFromEnv('unused');
  return mongoose.createConnection(uri, { dbName, maxPoolSize, retryWrites: false }).asPromise();
}
