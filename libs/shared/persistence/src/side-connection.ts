import { mongo } from 'mongoose';
import { mongoSettingsFromEnv } from './persistence.module';

/**
 * Another single connection to a service's own database, beside mongoose's. On FerretDB only for reads, or for
 * documents no other connection writes: concurrent updates of one document over two connections can be lost
 * (docs/CONVENTIONS-FOR-CONTRIBUTORS.md).
 */
export function connectSideClient(dbName: string): Promise<mongo.MongoClient> {
  return new mongo.MongoClient(mongoSettingsFromEnv(dbName).uri, {
    maxPoolSize: 1,
    serverSelectionTimeoutMS: 3000,
    retryWrites: false,
  }).connect();
}
