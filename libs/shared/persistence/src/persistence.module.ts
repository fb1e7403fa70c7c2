import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

export type PersistenceOptions = {
  /** Database this service owns (default `sangathan-<service>`; MONGODB_DB overrides). */
  dbName: string;
};

/** Builds the connection URI for a service's own database from MONGODB_URI. */
export function mongoSettingsFromEnv(defaultDb: string, env: NodeJS.ProcessEnv = process.env): { uri: string; dbName: string } {
  return { uri: env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', dbName: env.MONGODB_DB ?? defaultDb };
}

/**
 * mongoose for one service: its own database, short server-selection and buffering timeouts
 * (so an outage turns into a clear 503, not a hung request), retry while connecting at start,
 * and indexes synced from the schemas on connect.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    const logger = new Logger('Persistence');
    return {
      module: PersistenceModule,
      imports: [
        MongooseModule.forRootAsync({
          useFactory: () => {
            const { uri, dbName } = mongoSettingsFromEnv(options.dbName);
            return {
              uri,
              dbName,
              serverSelectionTimeoutMS: 3000,
              bufferTimeoutMS: 3000,
              // FerretDB has no retryable writes; MongoDB does not need them for single-doc updates.
              retryWrites: false,
              autoIndex: true,
              retryAttempts: 30,
              retryDelay: 1000,
              connectionFactory: (connection: Connection) => {
                connection.on('disconnected', () => logger.warn(`MongoDB ${dbName} disconnected`));
                connection.on('reconnected', () => logger.log(`MongoDB ${dbName} reconnected`));
                return connection;
              },
            };
          },
        }),
      ],
      exports: [MongooseModule],
    };
  }
}
