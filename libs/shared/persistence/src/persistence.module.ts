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
 * FerretDB 1.24 applies an update as read-modify-write of the whole document, so two updates of
 * one document on two connections can lose one (measured: 3 concurrent writers × 150 `$inc`s kept
 * 178 of 300). On one connection it serialises them and nothing is lost, hence the local
 * infrastructure sets MONGODB_MAX_POOL_SIZE=1. Warn loudly if a FerretDB runs with a pool.
 */
async function warnIfFerretDbWithPool(connection: Connection, maxPoolSize: number | undefined, logger: Logger): Promise<void> {
  const info = await connection.db?.admin().command({ buildInfo: 1 }).catch(() => undefined);
  if (info?.ferretdbVersion && maxPoolSize !== 1) {
    logger.warn(
      `connected to FerretDB ${String(info.ferretdbVersion)} with a connection pool: concurrent updates of one document can be lost; set MONGODB_MAX_POOL_SIZE=1`,
    );
  }
}

/**
 * mongoose gives up after a failed *initial* connection (later drops are retried by the driver),
 * so the initial one is retried here with backoff.
 */
function keepConnecting(connection: Connection, uri: string, options: ConnectOptions, logger: Logger, delayMs = 1000): void {
  connection.asPromise().then(
    () => {
      logger.log(`MongoDB ${options.dbName} connected`);
      void warnIfFerretDbWithPool(connection, options.maxPoolSize, logger);
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
              // FerretDB has no retryable writes; our writes are single-document and idempotent anyway.
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
