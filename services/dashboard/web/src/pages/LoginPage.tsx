import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api } from '../api';
import { useSession } from '../auth';
import { useApi } from '../data';

const DEV_PRESETS: [string, string][] = [
  ['national-admin', 'IN'],
  ['state-leader', 'UP'],
  ['zone-coordinator', 'UP-Z-LUCKNOW'],
  ['district-president', 'UP-D-LUCKNOW'],
];

export function LoginPage() {
  const { t } = useTranslation();
  const { principal, signIn } = useSession();
  const config = useApi<{ devLogin: boolean; roles: string[] }>('/auth/config');
  const [token, setTokenText] = useState('');
  const [role, setRole] = useState('national-admin');
  const [areaId, setAreaId] = useState('IN');
  const [error, setError] = useState<string | null>(null);
  if (principal) return <Navigate to={`/area/${principal.areaId}`} replace />;

  const submit = (run: () => Promise<void>) => (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    run().catch((e: Error) => setError(e.message));
  };
  return (
    <div className="login">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {config.data?.devLogin && (
        <form
          className="card"
          aria-labelledby="dev-title"
          onSubmit={submit(async () => {
            const { token } = await api<{ token: string }>('/auth/dev-login', {
              method: 'POST',
              body: JSON.stringify({ role, areaId }),
            });
            signIn(token);
          })}
        >
          <h2 id="dev-title">{t('login.dev')}</h2>
          <p className="muted">{t('login.devIntro')}</p>
          <label>
            {t('login.role')}
            <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
              {config.data.roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)} ({r})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('login.area')}
            <input
              name="areaId"
              value={areaId}
              onChange={(e) => setAreaId(e.target.value)}
              list="area-presets"
              autoComplete="off"
            />
            <datalist id="area-presets">
              {DEV_PRESETS.map(([, a]) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </label>
          <button type="submit">{t('login.submit')}</button>
        </form>
      )}
      <form className="card" onSubmit={submit(async () => signIn(token.trim()))}>
        <label>
          {t('login.token')}
          <textarea name="token" rows={3} value={token} onChange={(e) => setTokenText(e.target.value)} />
        </label>
        <button type="submit">{t('login.useToken')}</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {t('login.failed', { message: error })}
        </p>
      )}
    </div>
  );
}
