import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose, { type ConnectOptions, type Connection } from 'mongoose';

export type PersistenceOptions = {
  /** Database this service owns (default `sangathan-<service>`; MONGODB_DB overrides). */
  dbName: string;
};

/** Builds the connection settings for a service's own database from MONGODB_URI and MONGODB_DB. */
export function mongoSettingsFromEnv(
  defaultDb: string,
  env: NodeJS.ProcessEnv = process.env,
): { uri: string; dbName: string; maxPoolSize?: number } {
  const pool = Number(env.MONGODB_MAX_POOL_SIZE);
  return {
    uri: env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017',
    dbName: env.MONGODB_DB ?? defaultDb,
    maxPoolSize: Number.isInteger(pool) && pool > 0 ? pool : undefined,
  };
}

/**
 * mongoose gives up after a failed *initial* connection (later drops are retried by the driver),
 * so the initial one is retried here with backoff.
 */
function keepConnecting(
  connection: Connection,
  uri: string,
  options: ConnectOptions,
  logger: Logger,
  delayMs = 1000,
): void {
  connection.asPromise().then(
    () => {
      logger.log(`MongoDB ${options.dbName} connected`);
    },
    (error: Error) => {
      logger.error(`MongoDB ${options.dbName} unreachable (${error.message}); retrying in ${delayMs} ms`);
      setTimeout(() => {
        if (connection.readyState === 0) connection.openUri(uri, options).catch(() => undefined);
        keepConnecting(connection, uri, options, logger, Math.min(delayMs * 2, 30_000));
      }, delayMs).unref();
    },
  );
}

/**
 * mongoose for one service: its own database, short server-selection and buffering timeouts
 * (so an outage turns into a clear 503, not a hung request), indexes synced from the schemas on
 * connect, and a lazy connection: the service starts and serves /health even when MongoDB is
 * down (readiness reports it, writes answer 503) and connects as soon as it can.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    const logger = new Logger('Persistence');
    // Operations issued while disconnected fail after 3 s instead of 10 s: a fast 503 beats a hung request.
    mongoose.set('bufferTimeoutMS', 3000);
    return {
      module: PersistenceModule,
      imports: [
        MongooseModule.forRootAsync({
          useFactory: () => {
            const { uri, dbName, maxPoolSize } = mongoSettingsFromEnv(options.dbName);
            const connectOptions: ConnectOptions = {
              dbName,
              ...(maxPoolSize ? { maxPoolSize, minPoolSize: Math.min(maxPoolSize, 1) } : {}),
              serverSelectionTimeoutMS: 3000,
              // FerretDB 2 has no retryable writes (they need transaction numbers); our writes are guarded and idempotent.
              retryWrites: false,
              autoIndex: true,
            };
            return {
              uri,
              ...connectOptions,
              lazyConnection: true,
              connectionFactory: (connection: Connection) => {
                connection.on('disconnected', () => logger.warn(`MongoDB ${dbName} disconnected`));
                connection.on('reconnected', () => logger.log(`MongoDB ${dbName} reconnected`));
                keepConnecting(connection, uri, connectOptions, logger);
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
