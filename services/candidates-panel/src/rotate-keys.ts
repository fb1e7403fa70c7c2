import mongoose from 'mongoose';
import { mongoSettingsFromEnv } from '@sangathan/persistence';
import { encryptionKeysFromEnv } from './modules/panels/infrastructure/encryption-keys';
import { FieldCipher } from './modules/panels/infrastructure/field-cipher';
import { KeyRotation } from './modules/panels/infrastructure/key-rotation';

/**
 * Key rotation (docs/candidates-panel.md): add the new key to PANEL_ENCRYPTION_KEYS, make it
 * PANEL_ENCRYPTION_KEY_ID, roll the service out, then run this with the same settings. It re-seals every value
 * still under an old key and can be stopped and run again at any time. When it reports 0 remaining, the old key
 * may be removed from PANEL_ENCRYPTION_KEYS.
 */
async function main(): Promise<void> {
  const { uri, dbName } = mongoSettingsFromEnv('sangathan-candidates-panel');
  const connection = await mongoose.createConnection(uri, { dbName, retryWrites: false }).asPromise();
  try {
    const rotation = new KeyRotation(connection, new FieldCipher(encryptionKeysFromEnv()));
    for (const progress of await rotation.run())
      console.log(
        JSON.stringify({ msg: 'resealed', ...progress, currentKeyId: process.env.PANEL_ENCRYPTION_KEY_ID }),
      );
    console.log(JSON.stringify({ msg: 'remaining on old keys', remaining: await rotation.remaining() }));
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
